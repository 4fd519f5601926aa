"""Turn crawled Ministry of Justice records (realdata/chatbot_tthc/bo-tu-phap/*.json) into a
tthc YAML catalog, text kept exactly as crawled (flattened cells, NFD and all).

Used once to make tests/fixtures/realdata/bo-tu-phap-2026.yaml; the tests read only that
committed file, never ../shared. Usage:

    python tools/realdata_to_fixture.py ../shared/realdata/chatbot_tthc/bo-tu-phap OUT.yaml [--limit N]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import yaml

# Portal page chrome glued to the end of the result field.
CHROME = "Chọn cơ quan thực hiện"


def record(path: Path) -> dict:
    d = json.loads(path.read_text(encoding="utf-8"))
    result = d["ket_qua_xu_ly"].split(CHROME)[0]
    out = {
        "code": d["ma_thu_tuc"],
        "name": d["ten_thu_tuc"],
        "field": d["linh_vuc"],
        "levels": d["cap_thuc_hien"],
        "kind": d["loai_thu_tuc"],
        "applicants": d["doi_tuong_thuc_hien"],
        "agencies": d["co_quan_thuc_hien"],
        "steps": d["trinh_tu_thuc_hien"],
        "documents": d["thanh_phan_ho_so"],
        "conditions": d["yeu_cau_dieu_kien"],
        "results": result,
        "legal_basis": d["can_cu_phap_ly"],
        "decision": d["so_quyet_dinh"],
        "notes": "cách thức thực hiện (nguyên văn): " + d["cach_thuc_thuc_hien"],
    }
    return {k: v for k, v in out.items() if v and v != "Không có thông tin"}


def _text_of(path: Path) -> str:
    import unicodedata

    d = json.loads(path.read_text(encoding="utf-8"))
    return unicodedata.normalize("NFC", " ".join(v for k, v in d.items() if k != "raw_text")).casefold()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--matching", default="", help="keep records whose text contains one of these, comma-separated")
    args = parser.parse_args()
    files = sorted(args.folder.glob("*.json"))
    if args.matching:
        words = [w.strip().casefold() for w in args.matching.split(",") if w.strip()]
        files = [f for f in files if any(w in _text_of(f) for w in words)]
    if args.limit:
        files = files[: args.limit]
    doc = {
        "tthc_catalog": 1,
        "catalog": {
            "name": "Thủ tục hành chính thuộc phạm vi quản lý của Bộ Tư pháp (Cổng DVCQG, thu thập 2026)",
            "issuer": "Bộ Tư pháp",
            "kind": "full",
        },
        "procedures": [record(f) for f in files],
    }
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10_000)
    args.out.write_text(
        "# Derived from chatbot-tthc/chatbot_tthc commit 7b79a320 (scripts/crawler/data/raw/bo-tu-phap),\n"
        "# public crawl of dichvucong.gov.vn; text kept as crawled. Made by tools/realdata_to_fixture.py.\n" + text,
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
