"""`tthc publish`: a static catalog site that opens from disk (file://) or any web server.

Layout of the output folder::

    index.html          grouped list (works without JavaScript) + search and filters
    kiosk.html          reception-desk screen
    search-index.js     window.TTHC_INDEX = {...}   (a JS file: fetch() of JSON fails on file://)
    kiosk-data.js       window.TTHC_KIOSK = {...}
    thu-tuc/<code>.html one page per procedure
    assets/             site.css, search.js, kiosk.js
    .tthc-site          marker: a folder tthc may replace on the next build

The site is built in a temporary folder next to the target, then swapped in
(`tthc.report.files.swap_folder`: one atomic exchange on Linux), so a reader never sees a
half-built site or no site, and a failed build leaves the old one intact.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tthc.errors import TthcError
from tthc.i18n import T
from tthc.model import Catalog
from tthc.publish import pages, present
from tthc.publish.entries import Entry, collect
from tthc.report.files import restore_folder, swap_folder, temp_folder, write_error

MARKER = ".tthc-site"
ASSETS = ("site.css", "search.js", "kiosk.js")


class SiteError(TthcError):
    """The output folder cannot be used (one line for the user)."""


@dataclass
class SiteReport:
    folder: Path
    procedures: int
    sizes: dict[str, int] = field(default_factory=dict)  # relative path -> bytes

    def largest(self, prefix: str) -> tuple[str, int] | None:
        found = [(p, s) for p, s in self.sizes.items() if p.startswith(prefix)]
        return max(found, key=lambda x: x[1]) if found else None

    @property
    def total(self) -> int:
        return sum(self.sizes.values())


def build_site(
    catalogs: Sequence[Catalog],
    out: Path,
    *,
    notes: dict[tuple[str, str], list[str]] | None = None,
    title: str | None = None,
    kiosk_seconds: int = 15,
    kiosk_limit: int = 60,
    generated: dt.date | None = None,
    synonyms: Sequence[tuple[str, str]] | None = None,
    portal_search: str | None = present.PORTAL_SEARCH,
) -> SiteReport:
    """Write the site for the catalogs into `out` (replacing a previous tthc site there).

    ``synonyms``: (typed, catalog wording) pairs for the search; None: the shipped list.
    ``portal_search``: the portal's search address for a code ("{code}"), used when a
    procedure has no portal page of its own (None, the default: none is confirmed; such a page
    links the portal's home page and names its code, and the site's marker file says so).
    """
    out = Path(out)
    restore_folder(out)  # a site moved aside by a run killed mid-swap comes back first
    _check_target(out)
    generated = generated or dt.date.today()
    site_title = title or present.catalog_title(list(catalogs))
    entries = collect(catalogs, notes)
    if synonyms is None:
        from tthc.publish.synonyms import load_synonyms

        synonyms = load_synonyms()
    files: dict[str, str] = {
        "index.html": pages.index_page(entries, catalogs, site_title=site_title, generated=generated),
        "kiosk.html": pages.kiosk_page(site_title=site_title, generated=generated, catalogs=catalogs),
        "search-index.js": _js("TTHC_INDEX", search_index(entries, synonyms)),
        "kiosk-data.js": _js("TTHC_KIOSK", kiosk_data(kiosk_selection(entries, kiosk_limit), kiosk_seconds)),
        MARKER: json.dumps(
            {
                "generator": "tthc publish",
                "generated": generated.isoformat(),
                "portal_search": portal_search,  # None: no confirmed search address; pages name the code
            }
        )
        + "\n",
    }
    for name in ASSETS:
        files[f"assets/{name}"] = pages.asset_text(name)
    for entry in entries:
        files[entry.href] = pages.procedure_page(
            entry, site_title=site_title, generated=generated, portal_search=portal_search
        )
    report = SiteReport(out, len(entries))
    tmp = temp_folder(out)
    try:
        for rel, text in files.items():
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            path.write_bytes(data)
            if rel != MARKER:
                report.sizes[rel] = len(data)
        tmp.chmod(0o755)
        swap_folder(tmp, out)
    except OSError as exc:  # a full disk, a quota…: one line naming the site folder
        shutil.rmtree(tmp, ignore_errors=True)
        raise write_error(out, exc) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return report


def _check_target(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise SiteError(T(f"'{out}' là một tệp, không phải thư mục", f"'{out}' is a file, not a folder"))
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise SiteError(
            T(
                f"thư mục '{out}' đã có nội dung không do tthc tạo; chọn thư mục khác hoặc thư mục trống",
                f"the folder '{out}' holds files tthc did not write; choose another or an empty folder",
            )
        )


def _js(name: str, value: object) -> str:
    """`window.NAME = {...};` safe to embed: no "</script", no U+2028/2029 surprises."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{name} = {text};\n"


def search_index(entries: Sequence[Entry], synonyms: Sequence[tuple[str, str]] = ()) -> dict:
    """Display text only, compact; the browser computes the match and fold keys (assets/search.js).

    Item: n name, c code, f field (index into "fields"), l level keys, o online kind,
    p page slug when it is not the code, s catalog (index into "catalogs") when several.
    "syn": [typed, catalog wording] pairs for the search.
    """
    levels = {lvl.value: label for lvl, label in present.LEVEL_LABELS.items()}
    levels["unknown"] = present.NO_LEVEL
    fields = list(dict.fromkeys(present.field_name(x.procedure) for x in entries))
    catalogs = list(dict.fromkeys(id(x.catalog) for x in entries))
    names = {id(x.catalog): x.catalog.issuer or x.catalog.name or "" for x in entries}
    items = []
    for x in entries:
        item = {
            "n": x.procedure.name,
            "c": x.procedure.code or "",
            "f": fields.index(present.field_name(x.procedure)),
            "l": [lvl.value for lvl in present.LEVEL_ORDER if lvl in x.procedure.levels] or ["unknown"],
            "o": present.online_kind(x.procedure),
        }
        if x.slug != x.procedure.code:
            item["p"] = x.slug
        if len(catalogs) > 1:
            item["s"] = catalogs.index(id(x.catalog))
        items.append(item)
    return {
        "v": 1,
        "levels": levels,
        "online": pages.ONLINE_BADGES,
        "fields": fields,
        "catalogs": [names[c] for c in catalogs] if len(catalogs) > 1 else [],
        "items": items,
        "syn": [list(pair) for pair in synonyms],
    }


def kiosk_selection(entries: Sequence[Entry], limit: int) -> list[Entry]:
    """What the desk screen cycles through: the most-filed procedures first (dossiers per year),
    the rest in catalog order; at most `limit` (0: all)."""
    ranked = sorted(entries, key=lambda x: -(_yearly(x) or -1))
    return ranked[:limit] if limit > 0 else ranked


def _yearly(entry: Entry) -> int | None:
    volume = entry.procedure.volume
    return volume.yearly_dossiers() if volume else None


def _kiosk_documents(procedure) -> list[list[str]]:
    """Per paper: [the catalog's words, what was read from them, the sub-heading it is under]
    (trailing empty strings left out)."""
    out = []
    for group, docs in present.document_groups(procedure):
        for doc in docs:
            item = [present.document_text(doc), present.document_detail(doc), group or ""]
            while item[-1] == "":
                item.pop()
            out.append(item)
    return out


def kiosk_data(entries: Sequence[Entry], seconds: int) -> dict:
    return {
        "seconds": seconds,
        "items": [
            {
                "n": x.procedure.name,
                "f": present.field_name(x.procedure),
                "l": present.level_names(x.procedure),
                "d": _kiosk_documents(x.procedure),
                "t": present.times(x.procedure),
                "p": present.fees(x.procedure),
                "o": present.online_kind(x.procedure),
                "oh": present.online_guide(x.procedure).headline,
            }
            for x in entries
        ],
    }
