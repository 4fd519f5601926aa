"""#12 item 8: office files are checked against size limits before any reader opens them.

Each hostile file here is a few kilobytes; without the checks it would take gigabytes
(or abort the process). Every case: exit 2 through the CLI, one line naming the file.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.load import office_files as of
from tthc.load import load_file
from tthc.load.base import LoadError
from tthc.load.limits import Limits, parse_limits


def refused(path: Path, limits: Limits | None = None) -> str:
    with pytest.raises(LoadError) as info:
        load_file(path, limits)
    text = str(info.value)
    assert "\n" not in text and str(path) in text
    return text


def test_a_honest_zip_bomb_is_refused_from_its_declared_size(tmp_path):
    path = of.add_raw_part(
        of.xlsx(tmp_path / "bom.xlsx", of.CATALOG), "xl/media/a.bin", of.zeros_deflate(8), 4000 << 20
    )
    assert "giải nén ra hơn 512 MB" in refused(path)


def test_a_zip_bomb_lying_about_its_size_is_stopped_while_inflating(tmp_path):
    # declares 1 KB, inflates to 64 MB: counted while inflating, refused past the limit
    path = of.add_raw_part(of.xlsx(tmp_path / "bom.xlsx", of.CATALOG), "xl/media/a.bin", of.zeros_deflate(64), 1024)
    assert "max-unzipped-mb" in refused(path, Limits(max_unzipped_mb=16))


def test_a_lying_bomb_inside_the_sheet_part_itself(tmp_path):
    path = of.xlsx(tmp_path / "bom.xlsx", of.CATALOG)
    with zipfile.ZipFile(path) as zf:
        items = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    # rebuild with the sheet replaced by 64 MB of zeros declared as 1 KB
    sheet = items.pop("xl/worksheets/sheet1.xml")
    assert sheet
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in items.items():
            zf.writestr(name, data)
    of.add_raw_part(path, "xl/worksheets/sheet1.xml", of.zeros_deflate(64), 1024)
    # (zeros are one endless text run: lift the cell limit so the size budget is what stops them)
    assert "giải nén ra hơn 16 MB" in refused(path, Limits(max_unzipped_mb=16, max_cell_chars=1 << 30))
    assert "100,000 ký tự" in refused(path)


def test_a_declared_dimension_up_to_xfd1048576_is_refused_before_reading(tmp_path):
    path = of.with_dimension(of.xlsx(tmp_path / "rong.xlsx", of.CATALOG), "A1:XFD1048576")
    text = refused(path)
    assert "XFD1048576" in text and "khai báo" in text


@pytest.mark.parametrize(("cell", "shown"), [("XFD1048576", "XFD1048576"), ("A5000000", "5,000,000 dòng")])
def test_a_cell_far_away_is_refused_before_reading(tmp_path, cell, shown):
    path = of.with_far_cell(of.xlsx(tmp_path / "xa.xlsx", of.CATALOG), cell)
    text = refused(path)
    assert shown in text and "limits.max-cells" in text


def test_a_far_cell_within_the_limits_is_read(tmp_path):
    path = of.with_far_cell(of.xlsx(tmp_path / "xa.xlsx", of.CATALOG), "C5000")
    assert [p.code for p in load_file(path).catalog.procedures] == ["1.000001"]


def test_a_giant_cell_is_refused_and_a_long_real_one_is_read(tmp_path):
    long_ok = "Luật 60/2014/QH13; " * 1500  # 28,500 characters: under Excel's own 32,767
    ok = of.xlsx(tmp_path / "dai.xlsx", [of.CATALOG[0], ["1.000001", "Đăng ký khai sinh", long_ok]])
    assert load_file(ok).catalog.procedures[0].code == "1.000001"
    giant = of.xlsx(tmp_path / "khong-lo.xlsx", of.CATALOG)  # openpyxl itself stops at 32,767: edit the XML
    of.rewrite_part(giant, "xl/worksheets/sheet1.xml", lambda t: t.replace("QH13<", "QH13" + "a" * 200_000 + "<"))
    assert "100,000 ký tự" in refused(giant)


def test_ods_rows_repeated_millions_of_times_are_refused(tmp_path):
    from tests.load.test_excel_errors import write_ods

    path = write_ods(tmp_path / "lap.ods", of.CATALOG)
    of.rewrite_part(
        path,
        "content.xml",
        lambda t: t.replace(
            "</table:table>",
            '<table:table-row table:number-rows-repeated="5000000">'
            '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
            "</table:table-row></table:table>",
        ),
    )
    assert "5,000,00" in refused(path)


def test_the_cli_exits_2_with_one_line(tmp_path, cli):
    path = of.with_far_cell(of.xlsx(tmp_path / "xa.xlsx", of.CATALOG), "XFD1048576")
    code, out, err = cli("validate", path)
    assert code == 2
    assert "XFD1048576" in out + err and "Traceback" not in out + err


def test_peak_memory_stays_small_on_the_hostile_files(tmp_path):
    """In a fresh process (the peak is the process's own): the far cell and the bomb."""
    far = of.with_far_cell(of.xlsx(tmp_path / "xa.xlsx", of.CATALOG), "XFD1048576")
    bomb = of.add_raw_part(of.xlsx(tmp_path / "b.xlsx", of.CATALOG), "xl/media/a.bin", of.zeros_deflate(8), 4000 << 20)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from tests.peak_memory import own_peak_kb\n"
        "from tthc.load import load_file\n"
        "from tthc.load.base import LoadError\n"
        "for p in sys.argv[1:]:\n"
        "    try:\n"
        "        load_file(Path(p))\n"
        "    except LoadError:\n"
        "        pass\n"
        "print(own_peak_kb())\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code, str(far), str(bomb)], capture_output=True, text=True, check=True, cwd=root
    )
    assert int(out.stdout.strip()) < 400 * 1024  # kilobytes: well under 400 MB


def test_limits_from_the_config_mapping():
    assert parse_limits({"max-unzipped-mb": 1024}).max_unzipped_mb == 1024
    assert parse_limits(None) == Limits()
    with pytest.raises(ValueError, match="max-cells"):
        parse_limits({"max-cell": 5})
    with pytest.raises(ValueError, match="số nguyên dương"):
        parse_limits({"max-cells": "nhiều"})
