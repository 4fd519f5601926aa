"""Generate realistic catalogs of N procedures for the benchmarks.

The xlsx is a publication annex as provinces publish them: title rows, a two-row header,
a numbering row, section rows, multi-line legal-basis cells, codes as text, written by
openpyxl so strings go to the shared-strings table the way Excel stores them. The YAML
holds the same procedures in the tthc format. Values come from real catalog wording.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

NAMES = [
    "Thủ tục đăng ký khai sinh",
    "Thủ tục đăng ký khai tử",
    "Thủ tục đăng ký kết hôn",
    "Đăng ký thường trú",
    "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp",
    "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân",
    "Cấp lại chứng chỉ hành nghề Quản tài viên trong trường hợp bị thu hồi chứng chỉ hành nghề",
    "Thủ tục thẩm định và phê duyệt kế hoạch ứng phó sự cố tràn dầu của các cơ sở, dự án dầu khí ngoài khơi",
    "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
    "Thủ tục thanh toán thù lao cho hòa giải viên",
]
FIELDS = ["Hộ tịch", "Chứng thực", "Đăng ký, quản lý cư trú", "Bảo trợ xã hội", "Hòa giải ở cơ sở", "Quản tài viên"]
TIMES = [
    "05 ngày làm việc",
    "30 Ngày",
    "Ngay trong ngày làm việc; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo",
    "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
    "45 Ngày làm việc",
    "Không quy định",
]
FEES = [
    "Miễn lệ phí",
    "Phí : 0 Đồng",
    "Lệ phí : 03 USD",
    "4,500,000 Việt Nam Đồng",
    "50.000 đồng/hồ sơ",
    "Theo mức thu do HĐND cấp tỉnh quy định",
]
BASES = [
    "Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014 của Quốc hội",
    "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ",
    "Luật Cư trú số 68/2020/QH14 ngày 13/11/2020",
    "Nghị định 104/2022/NĐ-CP",
    "Thông tư số 04/2020/TT-BTP ngày 28/5/2020 của Bộ Tư pháp",
    "Nghị định 23/2015/NĐ-CP",
]
PLACES = [
    "Bộ phận tiếp nhận và trả kết quả UBND xã",
    "Trung tâm Phục vụ hành chính công tỉnh",
    "Bộ phận Một cửa, Sở Tư pháp",
]


def procedures(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        out.append(
            {
                "code": f"{rng.choice('12')}.{i:06d}",
                "name": f"{rng.choice(NAMES)} ({i})",
                "field": rng.choice(FIELDS),
                "processing_time": rng.choice(TIMES),
                "place": rng.choice(PLACES),
                "fees": rng.choice(FEES),
                "legal_basis": "\n".join(rng.sample(BASES, rng.randint(1, 3))),
            }
        )
    return out


def write_yaml(path: Path, rows: list[dict]) -> None:
    doc = {"tthc_catalog": 1, "catalog": {"name": "Danh mục thử tải", "kind": "provincial_list"}, "procedures": rows}
    path.write_text(yaml.dump(doc, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def write_annex(path: Path, rows: list[dict]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Phụ lục")
    sheet.append(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    sheet.append(["PHỤ LỤC"])
    sheet.append(["DANH MỤC THỦ TỤC HÀNH CHÍNH (thử tải)"])
    sheet.append(
        [
            "STT",
            "Mã TTHC",
            "Tên thủ tục hành chính",
            "Thời hạn giải quyết",
            "Địa điểm thực hiện",
            "Phí, lệ phí",
            "Căn cứ pháp lý",
        ]
    )
    sheet.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"])
    current = None
    for i, r in enumerate(rows, 1):
        if r["field"] != current:
            current = r["field"]
            sheet.append([None, None, f"Lĩnh vực {current}"])
        sheet.append([i, r["code"], r["name"], r["processing_time"], r["place"], r["fees"], r["legal_basis"]])
    book.save(path)


def generate(folder: Path, n: int) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rows = procedures(n)
    rows.sort(key=lambda r: r["field"])
    yaml_path, xlsx_path = folder / f"catalog-{n}.yaml", folder / f"catalog-{n}.xlsx"
    if not yaml_path.exists():
        write_yaml(yaml_path, rows)
    if not xlsx_path.exists():
        write_annex(xlsx_path, rows)
    return yaml_path, xlsx_path
