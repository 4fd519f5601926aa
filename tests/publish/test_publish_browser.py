"""The built site in headless Chromium, opened from disk (file://) as a citizen would."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def _by(kind: str):
    from selenium.webdriver.common.by import By

    return getattr(By, kind)


def _open(browser, path: Path):
    browser.get(path.resolve().as_uri())
    return browser


def _search(browser, site: Path, query: str) -> list[str]:
    _open(browser, site / "index.html")
    box = browser.find_element(_by("ID"), "q")
    assert box.is_displayed()
    box.send_keys(query)
    return [a.text for a in browser.find_elements(_by("CSS_SELECTOR"), "#ket-qua a")]


def test_search_without_diacritics_opens_the_procedure_with_checklist_and_fees(browser, site: Path) -> None:
    results = _search(browser, site, "dang ky khai sinh")
    assert results[0] == "Đăng ký khai sinh"
    assert not browser.find_element(_by("ID"), "danh-muc").is_displayed()
    assert "Tìm thấy" in browser.find_element(_by("ID"), "so-ket-qua").text
    browser.find_element(_by("CSS_SELECTOR"), "#ket-qua a").click()
    assert browser.find_element(_by("TAG_NAME"), "h1").text == "Đăng ký khai sinh"
    boxes = browser.find_elements(_by("CSS_SELECTOR"), ".checklist input[type=checkbox]")
    assert len(boxes) == 3
    label = browser.find_element(_by("CSS_SELECTOR"), "label[for=giay-to-2]")
    assert "Giấy chứng sinh" in label.text and "01 bản chính" in label.text
    label.click()  # the label toggles its box
    assert boxes[1].is_selected() and not boxes[0].is_selected()
    summary = browser.find_element(_by("CSS_SELECTOR"), ".summary")
    assert summary.location["y"] < boxes[0].location["y"]  # the summary box comes first
    assert "Miễn lệ phí" in summary.find_element(_by("CSS_SELECTOR"), ".row-fees").text
    assert "Làm trực tuyến được toàn bộ" in summary.find_element(_by("CSS_SELECTOR"), ".row-online").text
    assert "Làm trực tuyến được toàn bộ" in browser.find_element(_by("CSS_SELECTOR"), ".online").text


@pytest.mark.parametrize("query", ["hòa giải", "hoà giải", "hoa giai", "HOÀ GIẢI đất"])
def test_either_tone_placement_and_no_diacritics_find_the_procedure(browser, site: Path, query: str) -> None:
    assert _search(browser, site, query)[:1] == ["Thủ tục hoà giải tranh chấp đất đai"]


def test_exact_vietnamese_matches_rank_first(browser, site: Path) -> None:
    results = _search(browser, site, "phí")
    assert results[0].startswith("Thủ tục miễn, giảm phí")
    assert "Cấp giấy phép hoạt động cho tổ chức phi chính phủ" in results  # "phi" folds to the same letters
    assert _search(browser, site, "phi")[0] == "Cấp giấy phép hoạt động cho tổ chức phi chính phủ"


def test_search_by_code_and_no_result_message(browser, site: Path) -> None:
    assert _search(browser, site, "1.004746") == ["Cấp bản sao trích lục hộ tịch"]
    assert _search(browser, site, "xyzxyz") == []
    assert "Không tìm thấy" in browser.find_element(_by("ID"), "so-ket-qua").text


def test_filters_by_online_service_level_and_field(browser, site: Path) -> None:
    from selenium.webdriver.support.ui import Select

    _open(browser, site / "index.html")
    Select(browser.find_element(_by("ID"), "truc-tuyen")).select_by_value("full")
    names = [a.text for a in browser.find_elements(_by("CSS_SELECTOR"), "#ket-qua a")]
    assert sorted(names) == ["Cấp giấy phép hoạt động cho tổ chức phi chính phủ", "Đăng ký khai sinh"]
    Select(browser.find_element(_by("ID"), "cap")).select_by_value("commune")
    names = [a.text for a in browser.find_elements(_by("CSS_SELECTOR"), "#ket-qua a")]
    assert names == ["Đăng ký khai sinh"]
    Select(browser.find_element(_by("ID"), "truc-tuyen")).select_by_value("")
    Select(browser.find_element(_by("ID"), "linh-vuc")).select_by_visible_text("Đất đai")
    names = [a.text for a in browser.find_elements(_by("CSS_SELECTOR"), "#ket-qua a")]
    assert names == ["Thủ tục hoà giải tranh chấp đất đai"]


def test_print_view_hides_screen_chrome_and_keeps_the_checklist(browser, site: Path) -> None:
    _open(browser, site / "thu-tuc/1.004746.html")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(_by("CSS_SELECTOR"), "button.print").is_displayed()
        assert not browser.find_element(_by("CSS_SELECTOR"), ".crumbs").is_displayed()
        assert browser.find_element(_by("CSS_SELECTOR"), ".checklist input").is_displayed()
        font = browser.execute_script("return getComputedStyle(document.body).fontFamily")
        assert "Times New Roman" in font
        pdf = browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})
        assert len(pdf["data"]) > 1000
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert browser.find_element(_by("CSS_SELECTOR"), "button.print").is_displayed()


def test_kiosk_cycles_pauses_and_navigates_by_keyboard(browser, site: Path) -> None:
    from selenium.webdriver.common.keys import Keys

    browser.get((site / "kiosk.html").resolve().as_uri() + "?giay=1")
    # read in one script: the slide is rebuilt on every advance, so a found element can go stale
    heading = lambda: browser.execute_script("return document.querySelector('#slide h2').textContent")  # noqa: E731
    first, text = browser.execute_script(
        "const s = document.getElementById('slide'); return [s.querySelector('h2').textContent, s.textContent]"
    )
    assert first == "Cấp bản sao trích lục hộ tịch"  # most dossiers per year first
    assert "Tờ khai cấp bản sao trích lục hộ tịch" in text
    deadline = time.monotonic() + 5
    while heading() == first and time.monotonic() < deadline:
        time.sleep(0.1)
    assert heading() != first, "the kiosk did not advance by itself"
    body = browser.find_element(_by("TAG_NAME"), "body")
    body.send_keys(Keys.HOME)
    assert heading() == first
    pause = browser.find_element(_by("ID"), "tam-dung")
    assert pause.get_attribute("aria-pressed") == "true"  # moving by hand pauses
    body.send_keys(Keys.ARROW_RIGHT)
    assert heading() == "Đăng ký khai sinh"
    time.sleep(1.5)
    assert heading() == "Đăng ký khai sinh", "a paused kiosk must stay put"
    body.send_keys(Keys.ARROW_LEFT)
    assert heading() == first
    body.send_keys(Keys.SPACE)
    assert pause.get_attribute("aria-pressed") == "false"
    assert "tự chuyển" in browser.find_element(_by("ID"), "vi-tri").text


def _luminance(rgb: list[float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


_COLOURS = """
const el = arguments[0];
const parse = s => s.match(/[\\d.]+/g).map(Number);
let bg = null;
for (let n = el; n; n = n.parentElement) {
  const c = parse(getComputedStyle(n).backgroundColor);
  if (c.length < 4 || c[3] > 0) { bg = c; break; }
}
return [parse(getComputedStyle(el).color), bg || [255, 255, 255]];
"""


@pytest.mark.parametrize(
    ("page", "selector"),
    [
        ("index.html", "h1"),
        ("index.html", ".banner a"),
        ("index.html", ".procs a"),
        ("index.html", ".procs .meta"),
        ("index.html", ".badge.online-full"),
        ("index.html", ".badge.online-partial"),
        ("index.html", ".badge.online-none"),
        ("index.html", ".hint"),
        ("thu-tuc/1.004746.html", ".online .headline"),
        ("thu-tuc/1.004746.html", ".doc-detail"),
        ("thu-tuc/1.004746.html", ".site-footer p"),
        ("kiosk.html", "#slide h2"),
        ("kiosk.html", "#slide h3"),
        ("kiosk.html", ".k-field"),
        ("kiosk.html", ".k-online"),
        ("kiosk.html", ".kiosk-bar .help"),
    ],
)
def test_text_contrast_is_at_least_4_5_to_1(browser, site: Path, page: str, selector: str) -> None:
    _open(browser, site / page)
    element = browser.find_element(_by("CSS_SELECTOR"), selector)
    fg, bg = browser.execute_script(_COLOURS, element)
    lighter, darker = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    ratio = (lighter + 0.05) / (darker + 0.05)
    assert ratio >= 4.5, f"{selector}: {fg} on {bg} is {ratio:.2f}:1"


def test_keyboard_focus_is_visible(browser, site: Path) -> None:
    from selenium.webdriver.common.keys import Keys

    _open(browser, site / "index.html")
    browser.find_element(_by("TAG_NAME"), "body").send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    assert active.text == "Bỏ qua, đến nội dung chính"
    assert active.is_displayed()
    style = browser.execute_script(
        "const s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth];", active
    )
    assert style[0] != "none" and style[1] != "0px"
    active.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("href").endswith("index.html")


def test_two_catalogs_link_each_result_to_its_own_page(browser, tmp_path: Path) -> None:
    from tests.publish.support import GENERATED, load_fixture
    from tthc.publish.site import build_site

    out = tmp_path / "site"
    build_site([load_fixture(), load_fixture()], out, generated=GENERATED)
    _search(browser, out, "1.001193")
    links = browser.find_elements(_by("CSS_SELECTOR"), "#ket-qua a")
    assert [a.get_attribute("href").rsplit("/", 1)[-1] for a in links] == ["1.001193.html", "1.001193-2.html"]
    assert "UBND phường Thử Nghiệm" in browser.find_element(_by("CSS_SELECTOR"), "#ket-qua li").text
    links[1].click()
    assert browser.find_element(_by("TAG_NAME"), "h1").text == "Đăng ký khai sinh"


# -- the sample catalogs: the searches people type, the phone layout, every paper on the kiosk ----

SAMPLES = Path(__file__).resolve().parents[2] / "catalogs"


def _sample_site(tmp_path_factory, name: str) -> Path:
    from tests.publish.support import GENERATED
    from tthc.publish.site import build_site
    from tthc.publish.source import load_catalogs

    out = tmp_path_factory.mktemp("sample") / "site"
    build_site(load_catalogs([SAMPLES / name]), out, generated=GENERATED, kiosk_limit=0)
    return out


@pytest.fixture(scope="module")
def xa_site(tmp_path_factory) -> Path:
    return _sample_site(tmp_path_factory, "xa-2026.yaml")


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("đăng kí khai sinh", "Thủ tục đăng ký khai sinh"),  # i for y
        ("dang ki khai sinh", "Thủ tục đăng ký khai sinh"),  # i for y, no diacritics
        ("làm giấy khai sinh", "Thủ tục đăng ký khai sinh"),  # shipped synonym
        ("xác nhận độc thân", "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân"),  # shipped synonym
        ("xac nhan doc than", "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân"),
    ],
)
def test_the_searches_people_type_find_the_procedure(browser, xa_site: Path, query: str, first: str) -> None:
    assert _search(browser, xa_site, query)[:1] == [first]


def test_spelling_variants_do_not_match_other_words(browser, xa_site: Path) -> None:
    results = _search(browser, xa_site, "đăng kí kết hôn")
    assert results[0] == "Thủ tục đăng ký kết hôn"
    assert "Thủ tục đăng ký khai sinh" not in results
    # "y" inside a word ("yếu tố", "thuỷ") is not touched: "yeu to" still finds "yếu tố"
    assert "Thủ tục đăng ký khai sinh có yếu tố nước ngoài" in _search(browser, xa_site, "khai sinh yeu to")


def test_a_typed_name_ranks_above_a_synonym(browser, xa_site: Path) -> None:
    results = _search(browser, xa_site, "đăng ký khai sinh")
    assert results[0] == "Thủ tục đăng ký khai sinh"
    assert "Thủ tục đăng ký khai tử" not in results


def test_a_users_synonym_file_extends_the_search(browser, tmp_path: Path) -> None:
    from tests.publish.support import CATALOG
    from tthc.publish.site import build_site
    from tthc.publish.source import load_catalogs
    from tthc.publish.synonyms import load_synonyms

    catalogs = load_catalogs([CATALOG])
    out = tmp_path / "site"
    build_site(catalogs, out)
    assert _search(browser, out, "kiện đất") == []
    words = tmp_path / "tu-dong-nghia.yaml"
    words.write_text(
        "tthc_synonyms: 1\nsynonyms:\n  hoà giải tranh chấp đất đai: [kiện đất, cãi nhau đất]\n", encoding="utf-8"
    )
    build_site(catalogs, out, synonyms=load_synonyms(words))
    assert _search(browser, out, "kiện đất") == ["Thủ tục hoà giải tranh chấp đất đai"]
    assert _search(browser, out, "kien dat") == ["Thủ tục hoà giải tranh chấp đất đai"]
    assert _search(browser, out, "làm giấy khai sinh") == ["Đăng ký khai sinh"]  # the shipped list still applies


def test_on_a_phone_the_results_come_before_the_filters(browser, xa_site: Path) -> None:
    phone = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", phone)
    try:
        _search(browser, xa_site, "khai sinh")
        first = browser.find_element(_by("CSS_SELECTOR"), "#ket-qua li")
        level = browser.find_element(_by("ID"), "cap")
        assert first.is_displayed() and level.is_displayed()
        assert first.location["y"] < level.location["y"]
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390, "sideways scrolling"
        _open(browser, xa_site / "thu-tuc/2.000815.html")
        summary = browser.find_element(_by("CSS_SELECTOR"), ".summary")
        assert summary.location["y"] < browser.find_element(_by("ID"), "giay-to").location["y"]
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    # a wide screen keeps the filters beside the results
    _search(browser, xa_site, "khai sinh")
    first = browser.find_element(_by("CSS_SELECTOR"), "#ket-qua li")
    level = browser.find_element(_by("ID"), "cap")
    assert level.location["x"] > first.location["x"] + first.size["width"] / 2


@pytest.mark.parametrize("name", ["xa-2026.yaml", "kim-bang-2019-2020.yaml"])
def test_the_kiosk_shows_every_paper_in_the_catalogs_words(browser, tmp_path_factory, name: str) -> None:
    import json
    import unicodedata

    import yaml
    from selenium.webdriver.common.keys import Keys

    def norm(text: str) -> str:
        return " ".join(unicodedata.normalize("NFC", text).split())

    site = _sample_site(tmp_path_factory, name)
    expected = []
    for procedure in yaml.safe_load((SAMPLES / name).read_text(encoding="utf-8"))["procedures"]:
        expected += [norm(d["name"]) for d in procedure.get("documents") or []]
    text = (site / "kiosk-data.js").read_text(encoding="utf-8")
    items = json.loads(text[len("window.TTHC_KIOSK = ") :].rstrip().rstrip(";"))["items"]
    slides = sum(max(1, -(-len(item["d"]) // 5)) for item in items)
    assert slides > len(items) or name == "xa-2026.yaml"  # kim-bang has procedures with 6 papers
    browser.get((site / "kiosk.html").resolve().as_uri() + "?giay=600")
    body = browser.find_element(_by("TAG_NAME"), "body")
    seen = []
    for _ in range(slides):
        seen += [norm(li.text) for li in browser.find_elements(_by("CSS_SELECTOR"), "#slide .k-docs li")]
        body.send_keys(Keys.ARROW_RIGHT)
    for line in expected:
        assert any(shown == line or shown.startswith(line + " (") for shown in seen), line
    assert len(seen) == len(expected)
