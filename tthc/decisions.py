"""The officer's decisions on proposals: a YAML file that carries review across runs.

``tthc recommend PATH… --decisions FILE --init`` writes every proposal as ``pending``
(keeping the decisions already in the file); the officer sets each ``status`` to
``accepted``, ``rejected`` or ``edited`` (with the new text in ``note``); then
``tthc recommend PATH… --decisions FILE -o plan.docx`` writes only the accepted and
edited proposals. Proposals are keyed by the finding fingerprint, which survives
re-sorting a sheet. Errors name ``file:line``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tthc.errors import TthcError
from tthc.i18n import tr
from tthc.text import nearest

STATUSES = ("pending", "accepted", "rejected", "edited")
FORMAT_VERSION = 1
_KEYS = ("fingerprint", "status", "note", "catalog", "procedure", "rule", "proposal", "content", "found")

_HEADER = """\
# Quyết định của cán bộ về từng đề xuất đơn giản hóa thủ tục hành chính (tthc recommend --decisions).
# Sửa "status" của từng đề xuất:
#   pending  - chưa xem xét (không đưa vào phương án)
#   accepted - chấp nhận
#   rejected - không chấp nhận
#   edited   - chấp nhận với nội dung sửa: ghi nội dung mới vào "note"
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


@dataclass
class InitReport:
    added: int = 0
    kept: int = 0
    gone: list[Decision] = field(default_factory=list)


def read_decisions(path: Path) -> dict[str, Decision]:
    """The decisions in a file, by fingerprint; DecisionsError naming file:line otherwise."""
    where = str(path)
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise DecisionsError(
            tr(f"{where}: không đọc được tệp: {exc.strerror}", f"{where}: cannot read the file: {exc.strerror}")
        ) from None
    except UnicodeDecodeError:
        raise DecisionsError(tr(f"{where}: tệp không phải UTF-8", f"{where}: the file is not UTF-8")) from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = f":{mark.line + 1}" if mark else ""
        raise DecisionsError(
            tr(f"{where}{line}: lỗi cú pháp YAML: {exc.problem}", f"{where}{line}: YAML syntax error: {exc.problem}")
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
            hint = nearest(name, _KEYS)
            raise _error(
                where,
                key,
                f"khóa không xác định '{name}'" + (f"; có phải '{hint}'?" if hint else ""),
                f"unknown key '{name}'" + (f"; did you mean '{hint}'?" if hint else ""),
            )
        if not isinstance(value, yaml.ScalarNode):
            raise _error(where, value, f"'{name}' phải là một giá trị đơn", f"'{name}' must be a single value")
        values[name] = (_scalar(value), value)
    if "fingerprint" not in values or not values["fingerprint"][0]:
        raise _error(where, node, "thiếu 'fingerprint'", "missing 'fingerprint'")
    status, status_node = values.get("status", ("pending", node))
    status = status.strip().lower() or "pending"
    if status not in STATUSES:
        hint = nearest(status, STATUSES)
        raise _error(
            where,
            status_node,
            f"trạng thái không hợp lệ '{status}'"
            + (f"; có phải '{hint}'?" if hint else "")
            + f" (dùng: {', '.join(STATUSES)})",
            f"invalid status '{status}'"
            + (f"; did you mean '{hint}'?" if hint else "")
            + f" (use: {', '.join(STATUSES)})",
        )
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
    return Decision(values["fingerprint"][0].strip(), status, note, info, found, node.start_mark.line + 1)


def _scalar(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return "" if node.tag.endswith(":null") else str(node.value)
    return ""


def _error(where: str, node: yaml.Node, vi: str, en: str) -> DecisionsError:
    return DecisionsError(tr(f"{where}:{node.start_mark.line + 1}: {vi}", f"{where}:{node.start_mark.line + 1}: {en}"))


def merge_decisions(existing: dict[str, Decision], current: Sequence[Decision]) -> tuple[list[Decision], InitReport]:
    """Every current proposal (keeping existing decisions), then the ones no longer found."""
    report = InitReport()
    merged: list[Decision] = []
    seen = set()
    for proposal in current:
        seen.add(proposal.fingerprint)
        old = existing.get(proposal.fingerprint)
        if old is None:
            merged.append(proposal)
            report.added += 1
        else:
            merged.append(Decision(proposal.fingerprint, old.status, old.note, proposal.info, True))
            report.kept += 1
    for fp, old in existing.items():
        if fp not in seen:
            gone = Decision(fp, old.status, old.note, old.info, False)
            merged.append(gone)
            report.gone.append(gone)
    return merged, report


def dump_decisions(decisions: Sequence[Decision]) -> str:
    entries = []
    for d in decisions:
        entry: dict[str, object] = {"fingerprint": d.fingerprint}
        for key in ("catalog", "procedure", "rule", "proposal", "content"):
            if d.info.get(key):
                entry[key] = d.info[key]
        entry["status"] = d.status
        entry["note"] = d.note or ""
        if not d.found:
            entry["found"] = False
        entries.append(entry)
    body = yaml.safe_dump(
        {"tthc_decisions": FORMAT_VERSION, "proposals": entries}, allow_unicode=True, sort_keys=False, width=100
    )
    return _HEADER + body


def proposal_decisions(items) -> list[Decision]:
    """Pending decisions for plan items (tthc.plan.Item), with what the officer needs to judge."""
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
        out.append(Decision(f.fingerprint, "pending", None, info))
    return out
