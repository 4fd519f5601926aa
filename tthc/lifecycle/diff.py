"""What changed between two versions of a catalog.

A publication decision (Nghị định 63/2010/NĐ-CP Art. 15, as amended) lists new
procedures, amended ones with **the element that changed**, and abolished ones with
their code. :func:`diff_catalogs` computes those three lists:

- procedures are paired by code, then — for those whose code changed or is missing — by
  name (:func:`tthc.text.match_key`: case and tone placement do not matter), preferring
  the candidate with the same field and levels;
- a pair is *amended* when an element differs by meaning, not by wording: "05 ngày làm
  việc" = "5 ngày làm việc", "Lệ phí: 50.000 đồng" = "lệ phí 50.000 đ", a legal reference
  is its document number (and article), lists compare as sets except the steps;
- elements are compared only where both catalogs carry them: a provincial list
  (Art. 13(2)(a)) publishes name, legal basis, time, place and fees; a portal list export
  only code, name, field and agencies.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

from tthc import fields, labels
from tthc.i18n import Lang, T, text
from tthc.model import (
    DOC_KIND_WORDS,
    Catalog,
    CatalogKind,
    Duration,
    DurationStatus,
    Fee,
    FeeStatus,
    LegalRef,
    Procedure,
)
from tthc.text import doc_number_key, match_key


@dataclass(frozen=True, slots=True)
class Element:
    """One element of a procedure, as a publication decision names it."""

    key: str
    label: str  # Vietnamese, as the annex writes it
    label_en: str
    compare: Callable[[Procedure], Hashable]
    show: Callable[[Procedure], Sequence[Shown]]


@dataclass(slots=True)
class Change:
    element: Element
    old: Sequence[Shown]
    new: Sequence[Shown]


@dataclass(slots=True)
class Amended:
    old: Procedure
    new: Procedure
    changes: list[Change]
    matched_by: str  # "code" or "name"


@dataclass(slots=True)
class CatalogDiff:
    old: Catalog
    new: Catalog
    added: list[Procedure] = field(default_factory=list)
    amended: list[Amended] = field(default_factory=list)
    abolished: list[Procedure] = field(default_factory=list)
    unchanged: list[tuple[Procedure, Procedure]] = field(default_factory=list)
    elements: tuple[Element, ...] = ()  # the elements compared

    @property
    def changed(self) -> bool:
        return bool(self.added or self.amended or self.abolished)

    def counts(self, lang) -> str:
        """ "2 mới ban hành, 14 sửa đổi, bổ sung, 2 bãi bỏ, 0 không đổi" (plain text)."""
        added, amended, abolished, same = len(self.added), len(self.amended), len(self.abolished), len(self.unchanged)
        if lang == "en":
            return f"{added} new, {amended} amended, {abolished} abolished, {same} unchanged"
        return f"{added} mới ban hành, {amended} sửa đổi, bổ sung, {abolished} bãi bỏ, {same} không đổi"


# -- semantic keys ---------------------------------------------------------------------


def _k(text: str | None) -> str:
    return match_key(text) if text else ""


def _num(value: float | None) -> float | None:
    return None if value is None else round(float(value), 6)


def duration_key(d: Duration) -> Hashable:
    if d.status in (DurationStatus.FIXED, DurationStatus.IMMEDIATE):
        return (d.status.value, _num(d.working_days), _num(d.days), _num(d.hours), _num(d.months))
    if d.status is DurationStatus.UNSPECIFIED:
        return (d.status.value,)
    return ("raw", _k(d.raw))


def fee_key(f: Fee) -> Hashable:
    if f.status is FeeStatus.AMOUNT:
        amount = f.amount.normalize() if f.amount is not None else None
        return ("amount", str(amount), f.currency or "VND", _k(f.kind), _k(f.per))
    if f.status is FeeStatus.FREE:
        return ("free", _k(f.kind))
    return (f.status.value, _k(f.raw))


def _set(items) -> tuple:
    return tuple(sorted(set(items), key=repr))


def _levels(p: Procedure) -> Hashable:
    return _set(level.value for level in p.levels) if p.levels else _k(p.levels_raw)


def _online(p: Procedure) -> Hashable:
    s = p.online_service
    level = (s.level.value, s.legacy_level) if s else None
    return (level, _k(p.partial_reason))


def _channels(p: Procedure) -> Hashable:
    return _set(
        ((c.method.value if c.method else _k(c.method_raw)), _k(c.description))
        for c in p.channels
        if c.method or c.method_raw or c.description
    )


def _documents(p: Procedure) -> Hashable:
    return _set(
        (
            _k(d.name),
            d.originals,
            d.copies,
            _set(k.value for k in (d.copy_kinds or ([d.copy_kind] if d.copy_kind else []))),
        )
        for d in p.documents
    )


def _legal(p: Procedure) -> Hashable:
    return _set(
        (doc_number_key(r.number) if r.number else _k(r.raw), _k(r.article) if r.number else "") for r in p.legal_basis
    )


# -- display ---------------------------------------------------------------------------

_METHOD = labels.both(labels.METHODS)
_ROLE = labels.both(labels.AGENCY_ROLES)
_ONLINE = labels.both(labels.ONLINE_LEVELS)
_MECHANISM = labels.both(labels.MECHANISMS)
_COPY_KIND = {
    "original": T("bản chính", "original"),
    "copy": T("bản sao", "copy"),
    "certified_copy": T("bản sao có chứng thực", "certified copy"),
    "copy_with_original": T("bản sao kèm bản chính để đối chiếu", "copy with the original for comparison"),
    "electronic": T("bản điện tử", "electronic copy"),
}

Shown = str | T  # a line as the catalog writes it (str), or one tthc words (T: render with text(line, lang))


def _method_label(method_raw: str | None, method) -> Shown | None:
    return method_raw or (_METHOD[method.value] if method else None)


def show_times(p: Procedure) -> list[Shown]:
    """Processing time lines: one per channel, prefixed by the method when channels differ."""
    pairs = [(_method_label(c.method_raw, c.method), c.processing_time.raw) for c in p.channels if c.processing_time]
    if len({raw for _, raw in pairs}) <= 1:
        return [pairs[0][1]] if pairs else []
    return [m + f": {raw}" if m else raw for m, raw in pairs]


def show_fees(p: Procedure) -> list[Shown]:
    per_channel = [(_method_label(c.method_raw, c.method), tuple(f.raw for f in c.fees)) for c in p.channels if c.fees]
    if len({fees for _, fees in per_channel}) <= 1:
        return list(per_channel[0][1]) if per_channel else []
    return [m + f": {raw}" if m else raw for m, fees in per_channel for raw in fees]


def show_document(d) -> Shown:
    """The dossier line as written; for a structured entry, its name with kinds and counts."""
    if d.raw is not None and d.raw != d.name:
        return d.raw
    details = [_COPY_KIND[k.value] for k in d.copy_kinds or ([d.copy_kind] if d.copy_kind else [])]
    if d.originals is not None:
        details.append(T(f"bản chính: {d.originals}", f"originals: {d.originals}"))
    if d.copies is not None:
        details.append(T(f"bản sao: {d.copies}", f"copies: {d.copies}"))
    return f"{d.name} (" + T.join("; ", details) + ")" if details else d.name


def _show_online(p: Procedure) -> list[Shown]:
    s = p.online_service
    out: list[Shown] = []
    if s:
        out.append(s.raw or (_ONLINE.get(s.level.value) or s.level.value))
    if p.partial_reason:
        out.append(T("Lý do một phần: ", "Reason it is partly online: ") + p.partial_reason)
    return out


def lines(shown: Sequence[Shown], lang: Lang) -> list[str]:
    """Shown lines in ``lang`` (the annex and the decision documents: "vi")."""
    return [text(line, lang) for line in shown]


def cite(r: LegalRef) -> str:
    """A reference as a decision cites it. Free text stays as written; a structured row
    (raw "78/2015/QH13 | Luật Nghĩa vụ quân sự") becomes "Luật Nghĩa vụ quân sự số 78/2015/QH13"."""
    return text(citation(r), "vi")


_DOC_KIND_EN = {label.value: label.en for label in labels.DOC_KINDS}


def citation(r: LegalRef) -> Shown:
    """:func:`cite` in both languages (the English keeps the catalog's title as written)."""
    if r.number is None or " | " not in r.raw:
        return r.raw
    title = r.title or ""
    if title and doc_number_key(r.number) in doc_number_key(title):
        head, rest, head_en, rest_en = title, "", title, ""
    elif title and r.kind in DOC_KIND_WORDS and _k(title).startswith(_k(DOC_KIND_WORDS[r.kind])):
        head, rest, head_en, rest_en = f"{title} số {r.number}", "", f"{title} No. {r.number}", ""
    else:
        kind = DOC_KIND_WORDS.get(r.kind) if r.kind else None
        kind_en = _DOC_KIND_EN.get(r.kind.value) if r.kind else None
        head = f"{kind} số {r.number}" if kind else r.number
        head_en = f"{kind_en} {r.number}" if kind_en else r.number
        rest, rest_en = (title[:1].lower() + title[1:] if title else ""), title
    if r.issued:
        day = f"{r.issued.day:02d}/{r.issued.month:02d}/{r.issued.year}"
        head, head_en = f"{head} ngày {day}", f"{head_en} of {day}"
    if r.issuer:
        head, head_en = f"{head} của {r.issuer}", f"{head_en} ({r.issuer})"
    return T(f"{head} {rest}".strip(), f"{head_en}: {rest_en}" if rest_en else head_en)


def _one(value: str | None) -> list[str]:
    return [value] if value else []


# How each element is compared and shown, where its field's type does not say it (tthc.fields).
_SPECIFIC: dict[str, tuple[Callable[[Procedure], Hashable], Callable[[Procedure], Sequence[Shown]]]] = {
    "code": (lambda p: (p.code or "").strip().upper(), lambda p: _one(p.code)),
    "name": (lambda p: _k(p.name), lambda p: [p.name]),
    "levels": (_levels, lambda p: _one(p.levels_raw)),
    "agencies": (
        lambda p: _set((a.role.value, _k(a.name)) for a in p.agencies),
        lambda p: [
            a.name if a.role.value == "implementing" else _ROLE[a.role.value] + f": {a.name}" for a in p.agencies
        ],
    ),
    "steps": (lambda p: tuple(map(_k, p.steps)), lambda p: p.steps),
    "channels": (
        _channels,
        lambda p: [
            T.join(" — ", (x for x in (_method_label(c.method_raw, c.method), c.description) if x))
            for c in p.channels
            if c.method or c.method_raw or c.description
        ],
    ),
    "processing_time": (lambda p: _set(duration_key(d) for d in p.processing_times()), show_times),
    "fees": (lambda p: _set(fee_key(f) for f in p.fees()), show_fees),
    "online_service": (_online, _show_online),
    "documents": (_documents, lambda p: [show_document(d) for d in p.documents]),
    "results": (
        lambda p: _set((_k(r.name), r.code or "", _k(r.validity)) for r in p.results),
        lambda p: [r.name for r in p.results],
    ),
    "legal_basis": (_legal, lambda p: [citation(r) for r in p.legal_basis]),
    "mechanism": (
        lambda p: p.mechanism.value if p.mechanism else None,
        lambda p: [_MECHANISM[p.mechanism.value]] if p.mechanism else [],
    ),
}


def _element(f: fields.Field) -> Element:
    key = f.key
    if key in _SPECIFIC:
        compare, show = _SPECIFIC[key]
    elif f.type == fields.LINES:

        def compare(p: Procedure) -> Hashable:
            return _set(map(_k, getattr(p, key)))

        def show(p: Procedure) -> Sequence[Shown]:
            return list(getattr(p, key))

    else:

        def compare(p: Procedure) -> Hashable:
            value = getattr(p, key)
            return _k(value) if isinstance(value, str) or value is None else value

        def show(p: Procedure) -> Sequence[Shown]:
            value = getattr(p, key)
            return [str(value)] if value else []

    return Element(key, f.vi, f.en, compare, show)


ELEMENTS: tuple[Element, ...] = tuple(_element(f) for f in fields.FIELDS if f.compared)
ELEMENT_BY_KEY = {e.key: e for e in ELEMENTS}

# Elements each kind of catalog publishes (Nghị định 63/2010 Art. 13(2)(a) for a list).
_LIST_ELEMENTS = frozenset({"code", "name", "field", "levels", "processing_time", "fees", "legal_basis", "place"})
_INDEX_ELEMENTS = frozenset({"code", "name", "field", "agencies"})


def compared_elements(old: Catalog, new: Catalog) -> tuple[Element, ...]:
    """The elements both catalogs carry, by their kind."""
    keys = {e.key for e in ELEMENTS}
    for catalog in (old, new):
        if catalog.kind is CatalogKind.PROVINCIAL_LIST:
            keys &= _LIST_ELEMENTS
        elif catalog.kind is CatalogKind.INDEX:
            keys &= _INDEX_ELEMENTS
    return tuple(e for e in ELEMENTS if e.key in keys)


def compare_procedures(old: Procedure, new: Procedure, elements: tuple[Element, ...] = ELEMENTS) -> list[Change]:
    return [Change(e, e.show(old), e.show(new)) for e in elements if e.compare(old) != e.compare(new)]


# -- matching --------------------------------------------------------------------------


def _code_key(p: Procedure) -> str | None:
    return p.code.strip().upper() if p.code else None


def match_procedures(
    old: list[Procedure], new: list[Procedure]
) -> tuple[list[tuple[int, int, str]], list[int], list[int]]:
    """Pairs (old index, new index, "code"|"name"), unmatched new, unmatched old."""
    pairs: list[tuple[int, int, str]] = []
    free_old = list(range(len(old)))
    by_code: dict[str, list[int]] = {}
    for i in free_old:
        key = _code_key(old[i])
        if key:
            by_code.setdefault(key, []).append(i)
    unmatched_new: list[int] = []
    taken: set[int] = set()
    for j, p in enumerate(new):
        key = _code_key(p)
        candidates = by_code.get(key, []) if key else []
        if candidates:
            i = candidates.pop(0)
            pairs.append((i, j, "code"))
            taken.add(i)
        else:
            unmatched_new.append(j)
    by_name: dict[str, list[int]] = {}
    for i in free_old:
        if i not in taken:
            by_name.setdefault(_k(old[i].name), []).append(i)
    still_new: list[int] = []
    for j in unmatched_new:
        candidates = by_name.get(_k(new[j].name), [])
        if not candidates:
            still_new.append(j)
            continue
        i = max(candidates, key=lambda i: _affinity(old[i], new[j]))
        candidates.remove(i)
        pairs.append((i, j, "name"))
        taken.add(i)
    pairs.sort(key=lambda pair: pair[1])
    return pairs, still_new, [i for i in free_old if i not in taken]


def _affinity(a: Procedure, b: Procedure) -> tuple[int, int]:
    return (int(_k(a.field) == _k(b.field)), int(_levels(a) == _levels(b)))


def diff_catalogs(old: Catalog, new: Catalog) -> CatalogDiff:
    elements = compared_elements(old, new)
    result = CatalogDiff(old, new, elements=elements)
    pairs, added, abolished = match_procedures(old.procedures, new.procedures)
    for i, j, how in pairs:
        a, b = old.procedures[i], new.procedures[j]
        changes = compare_procedures(a, b, elements)
        if changes:
            result.amended.append(Amended(a, b, changes, how))
        else:
            result.unchanged.append((a, b))
    result.added = [new.procedures[j] for j in added]
    result.abolished = [old.procedures[i] for i in abolished]
    return result


# -- JSON ------------------------------------------------------------------------------

DIFF_FORMAT_VERSION = 1


def _ref(p: Procedure) -> dict:
    out: dict = {"code": p.code, "name": p.name}
    if p.field:
        out["field"] = p.field
    if p.source is not None:
        out["position"] = p.source.to_dict()
    return out


def _catalog_ref(c: Catalog) -> dict:
    return {"file": c.source_file, "name": c.name, "issuer": c.issuer, "procedures": len(c.procedures)}


def diff_to_json(d: CatalogDiff, *, english: bool = False) -> dict:
    """The diff as JSON (``tthc_diff: 1``): stable keys for scripts."""
    return {
        "tthc_diff": DIFF_FORMAT_VERSION,
        "old": _catalog_ref(d.old),
        "new": _catalog_ref(d.new),
        "summary": {
            "new": len(d.added),
            "amended": len(d.amended),
            "abolished": len(d.abolished),
            "unchanged": len(d.unchanged),
        },
        "compared_elements": [e.key for e in d.elements],
        "new_procedures": [_ref(p) for p in d.added],
        "amended": [
            {
                **_ref(a.new),
                "old_code": a.old.code,
                "matched_by": a.matched_by,
                "changes": [
                    {
                        "element": c.element.key,
                        "label": c.element.label_en if english else c.element.label,
                        "old": lines(c.old, "en" if english else "vi"),
                        "new": lines(c.new, "en" if english else "vi"),
                    }
                    for c in a.changes
                ],
            }
            for a in d.amended
        ],
        "abolished": [_ref(p) for p in d.abolished],
    }


# -- the draft publication annex (Art. 15) ----------------------------------------------

ANNEX_TITLE = "DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH, ĐƯỢC SỬA ĐỔI, BỔ SUNG, BỊ BÃI BỎ"
ANNEX_LISTS = (
    ("new", "THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH"),
    ("amended", "THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI, BỔ SUNG"),
    ("abolished", "THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ"),
)
# the annex table's columns, in the vocabulary's words (tthc.fields)
ANNEX_COLUMNS = tuple(
    fields.label(key) for key in ("stt", "code", "name", "processing_time", "place", "fees", "legal_basis")
)


@dataclass(slots=True)
class AnnexRow:
    """One row of the annex: the published elements of the procedure (its new version)."""

    code: str
    name: str
    time: str = ""
    place: str = ""
    fees: str = ""
    legal: str = ""
    note: str = ""  # amended: the elements changed; abolished: the abolishing document


@dataclass(slots=True)
class AnnexList:
    key: str  # "new" | "amended" | "abolished"
    title: str
    groups: list[tuple[str | None, list[AnnexRow]]]  # (field, rows)

    @property
    def count(self) -> int:
        return sum(len(rows) for _, rows in self.groups)


def _published_row(p: Procedure, note: str = "") -> AnnexRow:
    return AnnexRow(
        code=p.code or "",
        name=p.name,
        time="\n".join(lines(show_times(p), "vi")),
        place=p.place or "",
        fees="\n".join(lines(show_fees(p), "vi")),
        legal="\n".join(cite(r) for r in p.legal_basis),
        note=note,
    )


def amended_note(a: Amended) -> str:
    """ "Sửa đổi, bổ sung: Thời hạn giải quyết; Phí, lệ phí" (and the former code)."""
    labels = [c.element.label for c in a.changes if c.element.key != "code"]
    note = "Sửa đổi, bổ sung: " + "; ".join(labels) if labels else ""
    if any(c.element.key == "code" for c in a.changes):
        former = f"Mã TTHC cũ: {a.old.code}" if a.old.code else "Trước đây chưa có mã TTHC"
        note = f"{note}\n{former}" if note else former
    return note


def _grouped(items: list[tuple[str | None, AnnexRow]]) -> list[tuple[str | None, list[AnnexRow]]]:
    """Rows grouped by field (lĩnh vực) in the order fields first appear."""
    groups: dict[str, tuple[str | None, list[AnnexRow]]] = {}
    for field_name, row in items:
        key = _k(field_name)
        groups.setdefault(key, (field_name, []))[1].append(row)
    return list(groups.values())


def annex_lists(d: CatalogDiff, abolished_by: str | None = None) -> list[AnnexList]:
    """The three lists of the draft annex, each grouped by field."""
    abolished_note = abolished_by or ""
    items = {
        "new": [(p.field, _published_row(p)) for p in d.added],
        "amended": [(a.new.field, _published_row(a.new, amended_note(a))) for a in d.amended],
        "abolished": [(p.field, AnnexRow(code=p.code or "", name=p.name, note=abolished_note)) for p in d.abolished],
    }
    return [AnnexList(key, title, _grouped(items[key])) for key, title in ANNEX_LISTS]


def decision_line(catalog: Catalog) -> str:
    """ "(Ban hành kèm theo Quyết định số …/QĐ-… ngày … tháng … năm … của …)"."""
    dec = catalog.decision
    number = dec.number if dec and dec.number else "……/QĐ-……"
    if dec and dec.date:
        from tthc.plan.filing import official_date

        when = official_date(dec.date)  # Nghị định 30/2020: "ngày 15 tháng 9 năm 2026"
    else:
        when = "ngày …… tháng …… năm ……"
    issuer = catalog.issuer or "……"
    return f"(Ban hành kèm theo Quyết định số {number} {when} của {issuer})"
