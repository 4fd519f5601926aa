"""The summary box of a procedure page: only what the catalog states, and the portal link."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from tests.publish.support import GENERATED
from tthc.publish.site import build_site


def _site(tmp_path: Path, procedures: str, **options) -> Path:
    from tthc.load import load_file

    path = tmp_path / "catalog.yaml"
    path.write_text("tthc_catalog: 1\ncatalog: {issuer: UBND xã Thử}\nprocedures:\n" + procedures, encoding="utf-8")
    result = load_file(path)
    assert result.ok, [str(i) for i in result.errors]
    out = tmp_path / "site"
    build_site([result.catalog], out, generated=GENERATED, **options)
    return out


def _summary(page: Path) -> tuple[dict[str, str], str]:
    """{label: value text} of the box and its whole text."""
    html = page.read_text(encoding="utf-8")
    box = re.search(r'<section class="summary".*?</section>', html, re.S).group(0)
    rows = {
        unescape(dt): " ".join(unescape(re.sub(r"<[^>]+>", " ", dd)).split())
        for dt, dd in re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", box, re.S)
    }
    return rows, " ".join(unescape(re.sub(r"<[^>]+>", " ", box)).split())


def test_the_box_shows_what_the_catalog_states(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        '  - code: "1.001193"\n    name: Đăng ký khai sinh\n'
        "    processing_time: Ngay trong ngày làm việc\n    fees: Miễn lệ phí\n"
        "    place: Bộ phận một cửa UBND xã Thử\n    online_service: Toàn trình\n"
        "    agencies: {implementing: Công chức tư pháp - hộ tịch, competent: Chủ tịch UBND xã Thử}\n"
        "    forms: [Tờ khai đăng ký khai sinh (mẫu ban hành kèm theo Thông tư số 04/2020/TT-BTP)]\n",
    )
    rows, text = _summary(site / "thu-tuc/1.001193.html")
    assert rows == {
        "Thời hạn giải quyết": "Ngay trong ngày làm việc",
        "Phí, lệ phí": "Miễn lệ phí",
        "Nơi nộp hồ sơ": "Bộ phận một cửa UBND xã Thử",
        "Nộp trực tuyến": "Toàn trình Làm trực tuyến được toàn bộ",
        "Cơ quan thực hiện": "Công chức tư pháp - hộ tịch",
        "Cơ quan có thẩm quyền": "Chủ tịch UBND xã Thử",
    }
    assert "không ghi" not in text
    page = (site / "thu-tuc/1.001193.html").read_text(encoding="utf-8")
    assert page.index('class="summary"') < page.index('id="giay-to"') < page.index('id="mau-don"')
    assert "Tờ khai đăng ký khai sinh (mẫu ban hành kèm theo Thông tư số 04/2020/TT-BTP)" in page


def test_absent_stays_absent(tmp_path: Path) -> None:
    """Nothing invented: no fee row for a catalog without a fee, no online row without a word on it,
    the agency is not offered as the place to file; the box says what the catalog leaves out."""
    site = _site(
        tmp_path,
        '  - code: "2.000001"\n    name: Thủ tục chưa đủ thông tin\n    agencies: {implementing: UBND xã Thử}\n',
    )
    rows, text = _summary(site / "thu-tuc/2.000001.html")
    assert rows == {"Cơ quan thực hiện": "UBND xã Thử"}
    assert (
        "Danh mục không ghi: thời hạn giải quyết; phí, lệ phí; nơi nộp hồ sơ; có nộp trực tuyến được không. "
        "Hỏi Bộ phận tiếp nhận và trả kết quả." in text
    )
    for invented in ("Miễn", "đồng", "ngày làm việc", "Làm trực tuyến được"):
        assert invented not in text, invented


def test_time_and_fee_per_way_of_filing(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        '  - code: "1.004746"\n    name: Cấp bản sao trích lục hộ tịch\n    channels:\n'
        "      - {method: Trực tiếp, processing_time: 01 ngày làm việc, fees: 'Lệ phí: 8.000 đồng/bản sao'}\n"
        "      - {method: Trực tuyến, processing_time: 01 ngày làm việc, fees: 'Lệ phí: 4.000 đồng/bản sao'}\n",
    )
    rows, _ = _summary(site / "thu-tuc/1.004746.html")
    assert rows["Thời hạn giải quyết"] == "01 ngày làm việc"
    assert rows["Phí, lệ phí"] == "Trực tiếp: Lệ phí: 8.000 đồng/bản sao Trực tuyến: Lệ phí: 4.000 đồng/bản sao"
    assert rows["Nộp trực tuyến"] == "Chưa rõ Có thể nộp trực tuyến"  # an online channel, no service level


def test_portal_link_the_procedures_own_page_when_the_source_has_one(tmp_path: Path) -> None:
    url = "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-4fc1-768b-9ba3-94be4bca58ee"
    site = _site(
        tmp_path,
        f'  - code: "1.000178"\n    name: A\n    detail_url: {url}\n'
        '  - code: "1.000232"\n    name: B\n'
        "  - name: C không có mã\n"
        '  - code: "1.000236"\n    name: D\n    detail_url: "javascript:alert(1)"\n'
        '  - code: "1.000253"\n    name: E\n    detail_url: https://dichvucong.hanoi.gov.vn/tthc/1\n',
    )
    page = (site / "thu-tuc/1.000178.html").read_text(encoding="utf-8")
    assert f'<p class="portal direct"><a href="{url}">Xem thủ tục này trên Cổng Dịch vụ công quốc gia</a></p>' in page
    page = (site / "thu-tuc/1.000232.html").read_text(encoding="utf-8")
    # no confirmed search address takes a code: the portal's home page, and the code to look for
    assert (
        '<p class="portal"><a href="https://dichvucong.gov.vn">'
        "Tra cứu mã thủ tục 1.000232 trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)</a></p>" in page
    )
    assert "keyword=" not in page and "?ma" not in page
    assert 'class="portal' not in (site / "thu-tuc/tt-3.html").read_text(encoding="utf-8")
    page = (site / "thu-tuc/1.000236.html").read_text(encoding="utf-8")
    assert "javascript:" not in page and "Tra cứu mã thủ tục 1.000236" in page
    assert json.loads((site / ".tthc-site").read_text(encoding="utf-8"))["portal_search"] is None
    page = (site / "thu-tuc/1.000253.html").read_text(encoding="utf-8")
    assert "Xem thủ tục này trên cổng dịch vụ công (dichvucong.hanoi.gov.vn)" in page


def test_portal_search_address_is_an_option(tmp_path: Path) -> None:
    site = _site(
        tmp_path, '  - code: "1.000232"\n    name: B\n', portal_search="https://tra.example.vn/tim?ma={code}&x=1"
    )
    assert 'href="https://tra.example.vn/tim?ma=1.000232&amp;x=1"' in (site / "thu-tuc/1.000232.html").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("bad", ["ftp://x/{code}", "https://dichvucong.gov.vn/tim"])
def test_cli_refuses_a_portal_search_without_http_or_code(cli, tmp_path: Path, bad: str) -> None:
    from tests.publish.support import CATALOG

    code, _, err = cli("publish", CATALOG, "-o", tmp_path / "site", "--portal-search", bad)
    assert code == 2 and err.count("\n") == 1 and "{code}" in err
    assert not (tmp_path / "site").exists()
