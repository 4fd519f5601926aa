#!/usr/bin/env python3
"""Make a small workbook in the shape of the national database's multi-sheet export (test fixture).

    python tools/make_dvcqg_export.py      # writes tests/fixtures/excel/dvcqg-capxa.xlsx

RECONSTRUCTED, not a copy of a real file. The real export (a commune-level DVCQG workbook of
376 procedures, exported 06/08/2026) is not public; what is public is the JSON made from it
in `dieuhanhcongviecxanuicam/ubnd-ttpvhcc-qr` (commit 5adbcb8f047fa84ab3b2f36a336248bfa4fd5ba1,
`data/tthc.json`, over 4 MiB, so not in realdata/; SOURCES.md "Seen but NOT copied") and the
script that made it, `scripts/trich-xuat-du-lieu.py`, which gives the sheets and the column
order of each:

- "TTHC2-CAPXA": a title row, a blank row, the header in row 3, one procedure per row from
  row 4 (STT, Mã TTHC, Tên TTHC, Link truy cập, Số quyết định, Ngày quyết định, Cơ quan ban
  hành, Lĩnh vực, Cấp thực hiện, Đối tượng thực hiện, Loại TTHC, Từ khoá, Địa chỉ tiếp nhận,
  Cơ quan thực hiện / có thẩm quyền / phối hợp / được uỷ quyền, Mô tả, Trạng thái);
- child sheets keyed by the code in column B, data from row 2, the fields from column D:
  "Cách thức thực hiện" (hình thức nộp, thời gian, phí lệ phí, mô tả), "Trình tự thực hiện"
  (trường hợp xử lý, mô tả chi tiết), "TPHS" (mã, tên giấy tờ, loại giấy tờ, cơ quan ban hành,
  bản chính, bản sao, biểu mẫu điện tử), "KQTH" (mã, tên kết quả, cơ quan ban hành, mô tả),
  "CCPL" (số ký hiệu, trích yếu, cơ quan ban hành, ngày ban hành, ngày hiệu lực, địa chỉ truy
  cập);
- "TTHC": the national list, code in column B and "Yêu cầu, điều kiện" in column Q.

The header texts of the procedure sheet are those of the repository's own sample builder
(`scripts/dung-excel-mau.py`); the child sheets' header texts are not known and are written here
as the national database words them on its pages ("Hình thức nộp", "Thời gian giải quyết",
"Số ký hiệu", "Trích yếu"…), with "STT", "Mã TTHC", "Tên TTHC" in columns A-C. The JSON keeps
"bản chính"/"bản sao" only as true/false (whether the cell was filled): written here as 1 and
an empty cell. Cell values are the JSON's text byte for byte, for three procedures (a subset of
their dossier lines for 1.115950), kept in tests/fixtures/excel/dvcqg-capxa.json.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "fixtures" / "excel" / "dvcqg-capxa.json"
OUT = ROOT / "tests" / "fixtures" / "excel" / "dvcqg-capxa.xlsx"

PROCEDURE_HEADERS = (
    ("STT", "stt"),
    ("Mã TTHC", "ma_tthc"),
    ("Tên TTHC", "ten_tthc"),
    ("Link truy cập", "link_truy_cap"),
    ("Số quyết định", "so_quyet_dinh"),
    ("Ngày quyết định", "ngay_quyet_dinh"),
    ("Cơ quan ban hành", "co_quan_ban_hanh"),
    ("Lĩnh vực", "linh_vuc"),
    ("Cấp thực hiện", "cap_thuc_hien"),
    ("Đối tượng thực hiện", "doi_tuong_thuc_hien"),
    ("Loại TTHC", "loai_tthc"),
    ("Từ khoá", "tu_khoa"),
    ("Địa chỉ tiếp nhận", "dia_chi_tiep_nhan"),
    ("Cơ quan thực hiện", "co_quan_thuc_hien"),
    ("Cơ quan có thẩm quyền", "co_quan_co_tham_quyen"),
    ("Cơ quan phối hợp", "co_quan_phoi_hop"),
    ("Cơ quan được uỷ quyền", "co_quan_duoc_uy_quyen"),
    ("Mô tả", "mo_ta"),
    ("Trạng thái", "trang_thai"),
)
CHILD_SHEETS = (
    (
        "Cách thức thực hiện",
        "cach_thuc_thuc_hien",
        (
            ("Hình thức nộp", "hinh_thuc_nop"),
            ("Thời gian giải quyết", "thoi_gian"),
            ("Phí, lệ phí", "phi_le_phi"),
            ("Mô tả", "mo_ta"),
        ),
    ),
    (
        "Trình tự thực hiện",
        "trinh_tu_thuc_hien",
        (("Trường hợp xử lý", "truong_hop_xu_ly"), ("Mô tả chi tiết", "mo_ta_chi_tiet")),
    ),
    (
        "TPHS",
        "tphs",
        (
            ("Mã thành phần hồ sơ", "ma_tphs"),
            ("Tên giấy tờ", "ten_giay_to"),
            ("Loại giấy tờ", "loai_giay_to"),
            ("Cơ quan ban hành", "co_quan_ban_hanh"),
            ("Bản chính", "ban_chinh"),
            ("Bản sao", "ban_sao"),
            ("Biểu mẫu điện tử", "bm_dien_tu"),
        ),
    ),
    (
        "KQTH",
        "kqth",
        (
            ("Mã kết quả", "ma_ket_qua"),
            ("Tên kết quả", "ten_ket_qua"),
            ("Cơ quan ban hành", "co_quan_ban_hanh"),
            ("Mô tả", "mo_ta"),
        ),
    ),
    (
        "CCPL",
        "ccpl",
        (
            ("Số ký hiệu", "so_ky_hieu"),
            ("Trích yếu", "trich_yeu"),
            ("Cơ quan ban hành", "co_quan_ban_hanh"),
            ("Ngày ban hành", "ngay_ban_hanh"),
            ("Ngày hiệu lực", "ngay_hieu_luc"),
            ("Địa chỉ truy cập", "dia_chi_truy_cap"),
        ),
    ),
)


def cell(value: object) -> object:
    if value is True:
        return 1
    if value is False or value == "":
        return None
    return value


def main() -> None:
    import openpyxl

    records = json.loads(SOURCE.read_text(encoding="utf-8"))
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    ws = wb.create_sheet("TTHC2-CAPXA")
    ws.append(["Danh mục thủ tục hành chính cấp xã"])
    ws.append([])
    ws.append([title for title, _key in PROCEDURE_HEADERS])
    for record in records:
        ws.append([cell(record[key]) for _title, key in PROCEDURE_HEADERS])
    for name, key, columns in CHILD_SHEETS:
        ws = wb.create_sheet(name)
        ws.append(["STT", "Mã TTHC", "Tên TTHC", *(title for title, _key in columns)])
        n = 0
        for record in records:
            for item in record.get(key) or []:
                n += 1
                ws.append([n, record["ma_tthc"], record["ten_tthc"], *(cell(item[k]) for _t, k in columns)])
    ws = wb.create_sheet("TTHC")
    ws.append(["STT", "Mã TTHC", *([None] * 14), "Yêu cầu, điều kiện"])
    for n, record in enumerate(records, 1):
        ws.append([n, record["ma_tthc"], *([None] * 14), cell(record["yeu_cau_dieu_kien"])])
    wb.properties.creator = "tthc"
    wb.save(OUT)
    print("wrote", OUT.relative_to(ROOT))


if __name__ == "__main__":
    main()
