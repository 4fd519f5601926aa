"""Time reading a ~100-page Word annex (generated; not committed).

    python bench/word_annex.py [ROWS]      # default 400 procedures (about 100 landscape pages)

Performance is measured later on a quiet machine; this prints one figure.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path


def make(path: Path, rows: int) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    d = docx.Document()
    s = d.sections[0]
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = Cm(29.7), Cm(21.0)
    d.add_paragraph("PHỤ LỤC")
    d.add_paragraph("DANH MỤC THỦ TỤC HÀNH CHÍNH (thử tải)")
    d.add_paragraph("(Ban hành kèm theo Quyết định số 1000/QĐ-UBND ngày 15/6/2020 của Chủ tịch UBND tỉnh Hà Nam)")
    t = d.add_table(rows=2, cols=7)
    head = [
        "STT",
        "Mã TTHC",
        "Tên thủ tục hành chính",
        "Thời hạn giải quyết",
        "Địa điểm thực hiện",
        "Phí, lệ phí",
        "Căn cứ pháp lý",
    ]
    for c, v in enumerate(head):
        t.cell(0, c).text = v
        t.cell(1, c).text = f"({c + 1})"
    for r in range(rows):
        values = [
            str(r + 1),
            f"1.{r:06d}",
            "Thủ tục đăng ký khai sinh có yếu tố nước ngoài",
            "05 ngày làm việc",
            "Bộ phận tiếp nhận và trả kết quả UBND huyện",
            "Lệ phí: 50.000 đồng/hồ sơ",
            "Luật Hộ tịch số 60/2014/QH13\nNghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ",
        ]
        for cell, v in zip(t.add_row().cells, values, strict=True):  # t.cell() is quadratic
            cell.text = v
    d.save(path)


def main() -> None:
    from tthc.load import load_file

    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "phu-luc.docx"
        make(path, rows)
        start = time.perf_counter()
        result = load_file(path)
        took = time.perf_counter() - start
    print(f"Word annex, {rows} procedures: {len(result.catalog.procedures)} read in {took:.2f} s")


if __name__ == "__main__":
    main()
