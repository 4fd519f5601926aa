"""The officer's decisions on proposals: the plan workbook's "Quyết định" column, or a YAML file.

The workbook: ``tthc recommend PATH… -o plan.xlsx`` writes every proposal with an empty
"Quyết định" cell (a drop-down: đồng ý / không đồng ý / sửa) and cells for the edited text
and the reason; the officer marks them; ``tthc recommend PATH… --decisions plan.xlsx -o
plan.docx`` writes only what was accepted, an edited proposal with the officer's text.
Errors name the cell ("plan.xlsx: Phần II!F7: …").

The YAML form, for scripts: ``--decisions FILE --init`` writes every proposal as
``pending`` (keeping the decisions already in the file); the officer sets each ``status``
to ``accepted``, ``rejected`` or ``edited`` (with the new text in ``note``). Errors name
``file:line``.

Proposals are keyed by finding fingerprints, which survive re-sorting a sheet; a proposal
that several findings make carries them all (the workbook's "Mã nhận diện" cell, the YAML
``also:`` key), and a decision on any of them decides it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tthc.errors import TthcError
from tthc.i18n import T
from tthc.suggest import did_you_mean

STATUSES = ("pending", "accepted", "rejected", "edited")
FORMAT_VERSION = 1
_KEYS = (
    "fingerprint",
    "also",
    "status",
    "note",
    "reason",
    "catalog",
    "procedure",
    "rule",
    "proposal",
    "content",
    "found",
)
# The words of the workbook's "Quyết định" drop-down and the status each means.
WORDS = {"đồng ý": "accepted", "không đồng ý": "rejected", "sửa": "edited"}
WORKBOOK_SHEETS = ("Phần II", "Cập nhật danh mục")
DECISION_HEADER = "Quyết định"
EDITED_HEADER = "Nội dung sửa"
REASON_HEADER = "Lý do quyết định"
KEY_HEADER = "Mã nhận diện"

_HEADER = """\
# Quyết định của cán bộ về từng đề xuất đơn giản hóa thủ tục hành chính (tthc recommend --decisions).
# Sửa "status" của từng đề xuất:
#   pending  - chưa xem xét (không đưa vào phương án)
#   accepted - chấp nhận
#   rejected - không chấp nhận
#   edited   - chấp nhận với nội dung sửa: ghi nội dung mới vào "note"
# "reason": lý do của quyết định (tùy chọn).
# "fingerprint" nhận diện đề xuất qua các lần chạy; đừng sửa. "found: false": đề xuất không còn
# xuất hiện ở lần chạy gần nhất (giữ lại quyết định phòng khi nó xuất hiện lại).
"""


class DecisionsError(TthcError, ValueError):
    """An invalid decisions file (message starts with file:line)."""


@dataclass
class Decision:
    fingerprint: str
    status: str = "pending"
    note: str | None = None
    info: dict[str, str] = field(default_factory=dict)  # catalog, procedure, rule, proposal, content
    found: bool = True
    line: int | None = None
    reason: str | None = None  # the officer's reason
    also: tuple[str, ...] = ()  # the other fingerprints of the same proposal


@dataclass
class InitReport:
    added: int = 0
    kept: int = 0
    gone: list[Decision] = field(default_factory=list)


def read_decisions(path: Path) -> dict[str, Decision]:
    """The decisions in a plan workbook or a YAML file, by fingerprint; DecisionsError naming the cell or line."""
    if not Path(path).is_file():
        raise DecisionsError(
            T(
                f"{path}: không có tệp quyết định; ghi phương án bằng -o plan.xlsx rồi đánh dấu cột 'Quyết định', "
                f"hoặc tạo tệp YAML bằng --decisions {path} --init",
                f"{path}: no decisions file; write the plan with -o plan.xlsx and mark its 'Quyết định' column, "
                f"or create a YAML file with --decisions {path} --init",
            )
        )
    if Path(path).suffix.lower() == ".xlsx":
        return read_workbook_decisions(path)
    where = str(path)
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise DecisionsError(
            T(f"{where}: không đọc được tệp: {exc.strerror}", f"{where}: cannot read the file: {exc.strerror}")
        ) from None
    except UnicodeDecodeError:
        raise DecisionsError(T(f"{where}: tệp không phải UTF-8", f"{where}: the file is not UTF-8")) from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = f":{mark.line + 1}" if mark else ""
        raise DecisionsError(
            T(f"{where}{line}: lỗi cú pháp YAML: {exc.problem}", f"{where}{line}: YAML syntax error: {exc.problem}")
        ) from None
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise _error(where, root, "tệp quyết định phải là một bảng", "a decisions file must be a mapping")
    proposals = None
    for key, value in root.value:
        if _scalar(key) == "tthc_decisions":
            if _scalar(value) != str(FORMAT_VERSION):
                raise _error(
                    where,
                    value,
                    "phiên bản không được hỗ trợ; dùng 'tthc_decisions: 1'",
                    "unsupported version; use 'tthc_decisions: 1'",
                )
        elif _scalar(key) == "proposals":
            proposals = value
        else:
            raise _error(where, key, f"khóa không xác định '{_scalar(key)}'", f"unknown key '{_scalar(key)}'")
    if proposals is None or (isinstance(proposals, yaml.ScalarNode) and _scalar(proposals) in ("", "null", "~")):
        return {}
    if not isinstance(proposals, yaml.SequenceNode):
        raise _error(where, proposals, "'proposals' phải là một danh sách", "'proposals' must be a list")
    out: dict[str, Decision] = {}
    for node in proposals.value:
        decision = _decision(node, where)
        if decision.fingerprint in out:
            first = out[decision.fingerprint].line
            raise _error(
                where,
                node,
                f"đề xuất {decision.fingerprint} lặp lại (đã có ở dòng {first})",
                f"proposal {decision.fingerprint} repeated (first at line {first})",
            )
        out[decision.fingerprint] = decision
        for other in decision.also:
            out.setdefault(other, decision)
    return out


def _decision(node: yaml.Node, where: str) -> Decision:
    if not isinstance(node, yaml.MappingNode):
        raise _error(
            where,
            node,
            "mỗi đề xuất phải là một bảng (fingerprint, status, note)",
            "each proposal must be a mapping (fingerprint, status, note)",
        )
    values: dict[str, tuple[str, yaml.Node]] = {}
    for key, value in node.value:
        name = _scalar(key)
        if name not in _KEYS:
            message = T(f"khóa không xác định '{name}'", f"unknown key '{name}'") + did_you_mean(name, _KEYS)
            raise _error(where, key, message.vi, message.en)
        if not isinstance(value, yaml.ScalarNode):
            raise _error(where, value, f"'{name}' phải là một giá trị đơn", f"'{name}' must be a single value")
        values[name] = (_scalar(value), value)
    if "fingerprint" not in values or not values["fingerprint"][0]:
        raise _error(where, node, "thiếu 'fingerprint'", "missing 'fingerprint'")
    status, status_node = values.get("status", ("pending", node))
    status = status.strip().lower() or "pending"
    if status not in STATUSES:
        message = (
            T(f"trạng thái không hợp lệ '{status}'", f"invalid status '{status}'")
            + did_you_mean(status, STATUSES)
            + T(f" (dùng: {', '.join(STATUSES)})", f" (use: {', '.join(STATUSES)})")
        )
        raise _error(where, status_node, message.vi, message.en)
    note = values.get("note", ("", node))[0].strip() or None
    if status == "edited" and not note:
        raise _error(
            where,
            status_node,
            "trạng thái 'edited' cần nội dung sửa trong 'note'",
            "status 'edited' needs the new text in 'note'",
        )
    info = {k: v for k, (v, _) in values.items() if k in ("catalog", "procedure", "rule", "proposal", "content") and v}
    found = values.get("found", ("true", node))[0].strip().lower() not in ("false", "no", "0")
    reason = values.get("reason", ("", node))[0].strip() or None
    also = tuple(values.get("also", ("", node))[0].split())
    return Decision(values["fingerprint"][0].strip(), status, note, info, found, node.start_mark.line + 1, reason, also)


def _scalar(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return "" if node.tag.endswith(":null") else str(node.value)
    return ""


def _error(where: str, node: yaml.Node, vi: str, en: str) -> DecisionsError:
    return DecisionsError(T(f"{where}:{node.start_mark.line + 1}: {vi}", f"{where}:{node.start_mark.line + 1}: {en}"))


def merge_decisions(existing: dict[str, Decision], current: Sequence[Decision]) -> tuple[list[Decision], InitReport]:
    """Every current proposal (keeping existing decisions), then the ones no longer found."""
    report = InitReport()
    merged: list[Decision] = []
    seen: set[str] = set()
    for proposal in current:
        keys = (proposal.fingerprint, *proposal.also)
        seen.update(keys)
        old = next((existing[k] for k in keys if k in existing), None)
        if old is None:
            merged.append(proposal)
            report.added += 1
        else:
            merged.append(
                Decision(
                    proposal.fingerprint, old.status, old.note, proposal.info, True, None, old.reason, proposal.also
                )
            )
            report.kept += 1
    done: set[int] = set()
    for fp, old in existing.items():
        if fp not in seen and id(old) not in done and not (seen & {old.fingerprint, *old.also}):
            done.add(id(old))
            gone = Decision(old.fingerprint, old.status, old.note, old.info, False, None, old.reason, old.also)
            merged.append(gone)
            report.gone.append(gone)
    return merged, report


def dump_decisions(decisions: Sequence[Decision]) -> str:
    entries = []
    for d in decisions:
        entry: dict[str, object] = {"fingerprint": d.fingerprint}
        if d.also:
            entry["also"] = " ".join(d.also)
        for key in ("catalog", "procedure", "rule", "proposal", "content"):
            if d.info.get(key):
                entry[key] = d.info[key]
        entry["status"] = d.status
        entry["note"] = d.note or ""
        if d.reason:
            entry["reason"] = d.reason
        if not d.found:
            entry["found"] = False
        entries.append(entry)
    body = yaml.safe_dump(
        {"tthc_decisions": FORMAT_VERSION, "proposals": entries}, allow_unicode=True, sort_keys=False, width=100
    )
    return _HEADER + body


def proposal_decisions(items) -> list[Decision]:
    """Pending decisions for plan items (tthc.plan.build.Item), with what the officer needs to judge."""
    out = []
    for item in items:
        f = item.finding
        info = {
            "catalog": f.catalog,
            "procedure": " ".join(p for p in (f.procedure_code, f.procedure_name) if p),
            "rule": f"{f.rule_code} {f.rule_name}",
            "proposal": item.label,
            "content": item.content,
        }
        out.append(Decision(f.fingerprint, "pending", None, info, also=tuple(item.fingerprints[1:])))
    return out


def decision_word(status: str) -> str:
    """The workbook's word for a status ("" for pending)."""
    return next((word for word, s in WORDS.items() if s == status), "")


def read_workbook_decisions(path: Path) -> dict[str, Decision]:
    """The "Quyết định" column of a plan workbook (tthc recommend -o plan.xlsx), by fingerprint."""
    import zipfile

    from openpyxl import load_workbook

    where = str(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DecisionsError(
            T(
                f"{where}: không đọc được bảng tính ({exc.__class__.__name__}); cần tệp .xlsx do tthc recommend ghi",
                f"{where}: cannot read the workbook ({exc.__class__.__name__}); expected an .xlsx written by tthc recommend",
            )
        ) from None
    try:
        sheets = [name for name in WORKBOOK_SHEETS if name in wb.sheetnames]
        if not sheets:
            raise DecisionsError(_not_a_plan(where))
        out: dict[str, Decision] = {}
        for name in sheets:
            _read_sheet(wb[name], name, where, out)
        return out
    finally:
        wb.close()


def _not_a_plan(where: str) -> T:
    return T(
        f"{where}: không phải bảng tính phương án của tthc recommend (cần trang 'Phần II' với cột "
        f"'{DECISION_HEADER}' và '{KEY_HEADER}'); ghi lại bằng tthc recommend … -o plan.xlsx",
        f"{where}: not a plan workbook written by tthc recommend (needs a 'Phần II' sheet with the columns "
        f"'{DECISION_HEADER}' and '{KEY_HEADER}'); write one with tthc recommend … -o plan.xlsx",
    )


def _read_sheet(ws, name: str, where: str, out: dict[str, Decision]) -> None:
    from openpyxl.utils import get_column_letter

    from tthc.text import match_key

    rows = ws.iter_rows(values_only=True)
    header = next(rows, None) or ()
    columns = {str(v).strip(): i for i, v in enumerate(header) if v is not None}
    if KEY_HEADER not in columns or DECISION_HEADER not in columns:
        raise DecisionsError(_not_a_plan(where))
    key_col, word_col = columns[KEY_HEADER], columns[DECISION_HEADER]
    edit_col, why_col = columns.get(EDITED_HEADER), columns.get(REASON_HEADER)
    words = {match_key(w): s for w, s in WORDS.items()}

    def cell(values, col):
        value = values[col] if col is not None and col < len(values) else None
        return str(value).strip() if value is not None else ""

    for r, values in enumerate(rows, start=2):
        keys = cell(values, key_col).split()
        if not keys:
            continue
        word = cell(values, word_col)
        status = words.get(match_key(word)) if word else "pending"
        at = f"{where}: {name}!{get_column_letter(word_col + 1)}{r}"
        if status is None:
            raise DecisionsError(
                T(f"{at}: quyết định '{word}' không hợp lệ", f"{at}: unknown decision '{word}'")
                + did_you_mean(word, WORDS)
                + T(f" (dùng: {', '.join(WORDS)}, hoặc để trống)", f" (use: {', '.join(WORDS)}, or leave it empty)")
            )
        edited = cell(values, edit_col) or None
        if status == "edited" and not edited:
            target = f"{name}!{get_column_letter(edit_col + 1)}{r}" if edit_col is not None else EDITED_HEADER
            raise DecisionsError(
                T(
                    f"{at}: quyết định 'sửa' cần nội dung sửa ở ô {target}",
                    f"{at}: the decision 'sửa' needs the edited text in {target}",
                )
            )
        decision = Decision(keys[0], status, edited, {}, True, r, cell(values, why_col) or None, tuple(keys[1:]))
        for key in keys:
            out.setdefault(key, decision)
