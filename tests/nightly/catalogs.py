"""Catalogs with known defects for the nightly-check tests (formats, baselines, history).

Only the rules registered from the start are selected (--select SELECT), so the tests do not
move when more rules are added.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SELECT = "missing-required-element,legal-basis-missing,duplicate-code,invalid-code-format"
CATALOG_NAME = "Danh mục thủ tục hành chính thử nghiệm"


def complete(code: str, name: str, *, field: str = "Hộ tịch", agencies: str = "UBND xã") -> dict[str, Any]:
    """A procedure no selected rule reports."""
    return {
        "code": code,
        "name": name,
        "field": field,
        "levels": "Cấp xã",
        "steps": "Nộp hồ sơ; công chức kiểm tra; trả kết quả",
        "channels": [{"method": "Trực tiếp", "processing_time": "05 ngày làm việc", "fees": "Miễn lệ phí"}],
        "documents": ["Tờ khai theo mẫu (01 bản chính)"],
        "applicants": "Cá nhân",
        "agencies": agencies,
        "legal_basis": "Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014 của Quốc hội",
    }


def defective() -> list[dict[str, Any]]:
    """Five procedures, four findings: missing steps and no legal basis (1.000894), a bad code, a duplicate code."""
    no_steps = complete("1.000894", "Đăng ký khai tử")
    del no_steps["steps"]  # missing-required-element (steps)
    del no_steps["legal_basis"]  # legal-basis-missing
    bad_code = complete("1.0008", "Cấp bản sao trích lục hộ tịch", field="Chứng thực", agencies="Phòng Tư pháp")
    duplicate = complete("1.001193", "Đăng ký khai sinh lưu động", field="Hộ tịch")
    return [
        complete("1.001193", "Đăng ký khai sinh"),
        no_steps,
        bad_code,  # invalid-code-format
        complete("2.000635", "Chứng thực chữ ký", field="Chứng thực", agencies="Phòng Tư pháp"),
        duplicate,  # duplicate-code
    ]


def write_catalog(path: Path, procedures: list[dict[str, Any]], *, name: str = CATALOG_NAME) -> Path:
    doc = {"tthc_catalog": 1, "catalog": {"name": name}, "procedures": procedures}
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_workbook(path: Path, procedures: list[dict[str, Any]], *, name: str = CATALOG_NAME) -> Path:
    """The same procedures as a full workbook (the layout `tthc template` writes), built with openpyxl."""
    import openpyxl

    from tthc.load.excel import workbook_layout as wl

    rows: dict[str, list[dict[str, Any]]] = {sheet.key: [] for sheet in (wl.PROCEDURES, *wl.CHILD_SHEETS)}
    for p in procedures:
        key = p["code"]
        rows["procedures"].append(
            {k: p.get(k) for k in ("code", "name", "field", "levels", "applicants", "steps", "notes")}
        )
        for channel in p.get("channels", []):
            rows["channels"].append({"procedure": key, **channel})
        for document in p.get("documents", []):
            rows["documents"].append({"procedure": key, "name": document.split(" (")[0], "originals": 1})
        if p.get("legal_basis"):
            number = "60/2014/QH13"  # the number inside complete()'s legal basis
            rows["legal_basis"].append({"procedure": key, "number": number, "raw": p["legal_basis"]})
        if p.get("agencies"):
            rows["agencies"].append({"procedure": key, "name": p["agencies"], "role": "Cơ quan thực hiện"})
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    ws = wb.create_sheet(wl.CATALOG.name)
    ws.append([c.header for c in wl.CATALOG.columns])
    for item in wl.CATALOG_ITEMS:
        value = {wl.FORMAT_MARKER: wl.FORMAT_VERSION, "name": name}.get(item.key)
        ws.append([item.header, value, item.key])
    for sheet in (wl.PROCEDURES, *wl.CHILD_SHEETS):
        ws = wb.create_sheet(sheet.name)
        ws.append([c.header for c in sheet.columns])
        for row in rows.get(sheet.key, []):
            ws.append([row.get(c.key) for c in sheet.columns])
    wb.save(path)
    return path
