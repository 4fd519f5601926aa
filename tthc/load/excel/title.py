"""Catalog metadata from the rows above a table: the national heading, "PHỤ LỤC", the
title ("DANH MỤC THỦ TỤC HÀNH CHÍNH…") and the decision line
"(Ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 15/3/2020 của Chủ tịch UBND tỉnh Hà Nam)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tthc.parse.dates import parse_date
from tthc.text import match_key, split_lines

_DECISION = re.compile(r"quyết\s+định(?:\s+số)?\s*:?\s*(\d+)\s*/\s*([^\s,;()]+)", re.I)
_ISSUER = re.compile(r"\bcủa\s+(.+?)[\s).]*$", re.I)
_LOCALITY = re.compile(r"\b(?:tỉnh|thành\s+phố|tp\.?)\s+(.+)$", re.I)
_ONLY_MARKS = re.compile(r"[\W_]*")
_NATIONAL = tuple(
    match_key(t) for t in ("cộng hòa xã hội chủ nghĩa việt nam", "độc lập - tự do - hạnh phúc", "độc lập – tự do")
)
_ISSUER_HEADS = tuple(match_key(t) for t in ("ủy ban nhân dân", "ubnd ", "bộ ", "chủ tịch "))
_K = {t: match_key(t) for t in ("độc lập", "hạnh phúc", "phụ lục", "kèm theo", "quyết định", "số:", "số ", "danh")}
_DATED_PLACE = re.compile(r",\s*" + re.escape(match_key("ngày")) + r"\s+\d")


@dataclass(slots=True)
class TitleInfo:
    meta: dict[str, Any] = field(default_factory=dict)
    annex: bool = False  # "PHỤ LỤC" or "Ban hành kèm theo" seen
    lines: list[str] = field(default_factory=list)


def read_title(rows: list[list[Any]]) -> TitleInfo:
    """Metadata from the title rows (the rows above the header)."""
    info = TitleInfo()
    name_parts: list[str] = []
    issuer_head: str | None = None
    for row in rows:
        for value in row:
            if value.__class__ is not str or not value:
                continue
            for line in split_lines(value):
                info.lines.append(line)
                _classify(line, info, name_parts)
                key = match_key(line)
                if issuer_head is None and key.startswith(_ISSUER_HEADS) and line.isupper():
                    issuer_head = line
    if name_parts:
        info.meta["name"] = " ".join(name_parts)
    if "issuer" not in info.meta and issuer_head:
        info.meta["issuer"] = issuer_head
    if "locality" not in info.meta and info.meta.get("issuer"):
        locality = locality_of(info.meta["issuer"])
        if locality:
            info.meta["locality"] = locality
    return info


def _classify(line: str, info: TitleInfo, name_parts: list[str]) -> None:
    key = match_key(line)
    if _ONLY_MARKS.fullmatch(line):
        return  # "-----", "***"
    if any(k in key for k in _NATIONAL) or (_K["độc lập"] in key and _K["hạnh phúc"] in key):
        return
    if key.startswith(_K["phụ lục"]):
        info.annex = True
        return
    decision = _DECISION.search(line)
    if decision:
        if _K["kèm theo"] in key:
            info.annex = True
        if "decision" not in info.meta:
            number = f"{decision.group(1)}/{decision.group(2)}"
            info.meta["decision"] = {"number": number, "date": parse_date(line[decision.end() :])}
            issuer = _ISSUER.search(line[decision.end() :])
            if issuer:
                info.meta["issuer"] = issuer.group(1).strip()
        return
    if key.startswith((_K["số:"], _K["số "])) or _DATED_PLACE.search(key):
        return  # "Số: 12/QĐ-UBND", "Hà Nam, ngày 15 tháng 3 năm 2020"
    if line.startswith("(") and line.endswith(")"):
        return
    if key.startswith(_ISSUER_HEADS) and not name_parts and line.isupper() and _K["danh"] not in key:
        return  # the issuing body's heading, read by the caller
    name_parts.append(line)


def locality_of(issuer: str) -> str | None:
    """ "Chủ tịch UBND tỉnh Hà Nam" -> "Hà Nam"."""
    m = _LOCALITY.search(issuer)
    if not m:
        return None
    name = m.group(1).strip(" .)")
    return name or None
