"""`tthc publish`: the files, the HTML a screen reader relies on, escaping, atomic replacement."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.publish.support import CATALOG, GENERATED, load_fixture
from tthc.publish.site import MARKER, SiteError, build_site


class Outline(HTMLParser):
    """Headings, landmarks, labels and form controls of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.tags: list[str] = []
        self.lang: str | None = None
        self.label_for: set[str] = set()
        self.controls: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "html":
            self.lang = a.get("lang")
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))
        if tag == "label" and a.get("for"):
            self.label_for.add(a["for"])
        if tag in ("input", "select", "textarea"):
            self.controls.append(a.get("id") or "")
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def outline(path: Path) -> Outline:
    parser = Outline()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _pages(site: Path) -> list[Path]:
    return [site / "index.html", site / "kiosk.html", *sorted((site / "thu-tuc").glob("*.html"))]


def test_site_has_index_kiosk_data_and_one_page_per_procedure(site: Path) -> None:
    for name in ("index.html", "kiosk.html", "search-index.js", "kiosk-data.js", "assets/site.css", MARKER):
        assert (site / name).is_file(), name
    pages = sorted(p.name for p in (site / "thu-tuc").glob("*.html"))
    assert pages == ["1.000105.html", "1.000110.html", "1.001193.html", "1.004746.html", "2.000986.html"]
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="thu-tuc/1.001193.html">Đăng ký khai sinh</a>' in index
    # grouped by level, then field
    assert index.index(">Cấp tỉnh</h2>") < index.index(">Cấp xã</h2>")
    assert index.count(">Hộ tịch</h3>") == 2


@pytest.mark.parametrize("name", ["index.html", "kiosk.html", "thu-tuc/1.001193.html", "thu-tuc/2.000986.html"])
def test_pages_are_accessible_html(site: Path, name: str) -> None:
    page = outline(site / name)
    assert page.lang == "vi"
    assert page.title.strip()
    for landmark in ("header", "main", "footer"):
        assert landmark in page.tags, landmark
    assert page.headings.count(1) == 1 and page.headings[0] == 1
    for before, after in zip(page.headings, page.headings[1:], strict=False):
        assert after <= before + 1, f"heading jumps from h{before} to h{after}"
    for control in page.controls:
        assert control and control in page.label_for, f"control {control!r} has no label"


def test_procedure_page_tells_a_citizen_what_to_bring_where_how_long_how_much(site: Path) -> None:
    html = (site / "thu-tuc/1.004746.html").read_text(encoding="utf-8")
    assert '<input type="checkbox" id="giay-to-1">' in html
    assert "Tờ khai cấp bản sao trích lục hộ tịch" in html and "01 bản chính" in html
    assert "Bộ phận tiếp nhận và trả kết quả UBND phường Thử Nghiệm" in html
    assert "01 ngày làm việc" in html
    # fees differ by channel: one line per way of filing
    assert "<strong>Trực tiếp:</strong> Lệ phí: 8.000 đồng/bản sao" in html
    assert "<strong>Trực tuyến:</strong> Lệ phí: 4.000 đồng/bản sao" in html
    assert "Làm trực tuyến được một phần" in html and "Người yêu cầu nhận bản sao giấy tại trụ sở." in html


def test_search_index_is_a_js_file_with_every_procedure(site: Path) -> None:
    text = (site / "search-index.js").read_text(encoding="utf-8")
    prefix = "window.TTHC_INDEX = "
    assert text.startswith(prefix)
    data = json.loads(text[len(prefix) :].rstrip().rstrip(";"))
    by_code = {item["c"]: item for item in data["items"]}
    assert by_code["1.001193"] == {"n": "Đăng ký khai sinh", "c": "1.001193", "f": 0, "l": ["commune"], "o": "full"}
    assert data["fields"] == ["Hộ tịch", "Đất đai", "Nội vụ"]
    assert by_code["1.000110"]["o"] == "other"  # legacy "Mức độ 3" is not mapped to a new level
    assert by_code["2.000986"]["o"] == "none"
    assert data["catalogs"] == [] and "s" not in by_code["1.001193"]


def test_kiosk_shows_the_most_filed_procedures_first(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site([load_fixture()], out, generated=GENERATED, kiosk_limit=2)
    text = (out / "kiosk-data.js").read_text(encoding="utf-8")
    data = json.loads(text[len("window.TTHC_KIOSK = ") :].rstrip().rstrip(";"))
    assert [item["n"] for item in data["items"]] == ["Cấp bản sao trích lục hộ tịch", "Đăng ký khai sinh"]


def test_two_catalogs_sharing_a_code_get_two_pages(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site([load_fixture(), load_fixture()], out, generated=GENERATED)
    assert (out / "thu-tuc/1.001193.html").is_file() and (out / "thu-tuc/1.001193-2.html").is_file()
    text = (out / "search-index.js").read_text(encoding="utf-8")
    data = json.loads(text[len("window.TTHC_INDEX = ") :].rstrip().rstrip(";"))
    assert [i.get("p") for i in data["items"] if i["c"] == "1.001193"] == [None, "1.001193-2"]


def test_pages_are_small(site: Path) -> None:
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*") if p.is_file()}
    assert sizes["index.html"] < 20_000
    assert max(s for p, s in sizes.items() if p.startswith("thu-tuc/")) < 15_000
    assert sizes["assets/site.css"] + sizes["assets/search.js"] + sizes["assets/kiosk.js"] < 30_000


def test_catalog_text_is_escaped_everywhere(tmp_path: Path) -> None:
    evil = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    path = tmp_path / "evil.yaml"
    path.write_text(
        "tthc_catalog: 1\ncatalog:\n  issuer: 'UBND </script><b>'\nprocedures:\n"
        f"  - name: '{evil}'\n    field: '</title><h1>x'\n    place: '<iframe>'\n"
        f"    documents: ['<svg onload=alert(1)>']\n    fees: '\u2028</script>'\n",
        encoding="utf-8",
    )
    from tthc.load import load_file

    out = tmp_path / "site"
    build_site([load_file(path).catalog], out, generated=GENERATED)
    for file in out.rglob("*"):
        if file.suffix not in (".html", ".js") or file.parent.name == "assets":
            continue
        text = file.read_text(encoding="utf-8")
        for bad in ("<script>alert", "<img src=x", "<svg", "<iframe>", "</title><h1>", "<b>"):
            assert bad not in text, (file.name, bad)
        if file.suffix == ".js":
            assert "</script" not in text and "\u2028" not in text
    page = (out / "thu-tuc/tt-1.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img" in page


def test_flagged_procedures_carry_a_visible_note(tmp_path: Path) -> None:
    catalog = load_fixture()
    from tthc.text import match_key

    notes = {(match_key(catalog.identity), "1.000110"): ["còn yêu cầu sổ hộ khẩu"]}
    out = tmp_path / "site"
    build_site([catalog], out, notes=notes, generated=GENERATED)
    flagged = (out / "thu-tuc/1.000110.html").read_text(encoding="utf-8")
    assert '<aside class="flag"' in flagged and "còn yêu cầu sổ hộ khẩu" in flagged
    assert '<aside class="flag"' not in (out / "thu-tuc/1.001193.html").read_text(encoding="utf-8")
    assert (out / "index.html").read_text(encoding="utf-8").count("Cần rà soát") == 1


def test_rebuild_replaces_a_previous_site_but_never_a_foreign_folder(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site([load_fixture()], out, generated=GENERATED)
    (out / "thu-tuc/stale.html").write_text("old", encoding="utf-8")
    build_site([load_fixture()], out, generated=GENERATED)
    assert not (out / "thu-tuc/stale.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no temp folders left

    foreign = tmp_path / "documents"
    foreign.mkdir()
    (foreign / "report.docx").write_bytes(b"keep me")
    with pytest.raises(SiteError):
        build_site([load_fixture()], foreign, generated=GENERATED)
    assert (foreign / "report.docx").read_bytes() == b"keep me"


def test_a_failed_build_leaves_the_old_site_intact(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "site"
    build_site([load_fixture()], out, generated=GENERATED)
    before = (out / "index.html").read_bytes()
    from tthc.publish import site as site_module

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(site_module.Path, "write_bytes", broken)
    from tthc.report.files import WriteError

    with pytest.raises(WriteError, match="disk full"):  # one line for the user, naming the site folder
        build_site([load_fixture()], out, title="Khác", generated=GENERATED)
    monkeypatch.undo()
    assert (out / "index.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_cli_publish_builds_the_site(cli, tmp_path: Path) -> None:
    code, _, err = cli("publish", CATALOG, "-o", tmp_path / "site")
    assert code == 0, err
    assert "5 thủ tục" in err and "index.html" in err
    assert (tmp_path / "site/thu-tuc/1.001193.html").is_file()


def test_cli_publish_flag_outdated_marks_the_household_book(cli, tmp_path: Path) -> None:
    code, _, err = cli("publish", CATALOG, "-o", tmp_path / "site", "--flag-outdated", "--as-of", "2026-11-28")
    assert code == 0, err
    page = (tmp_path / "site/thu-tuc/1.000110.html").read_text(encoding="utf-8")
    assert '<aside class="flag"' in page and "hộ khẩu" in page
    assert '<aside class="flag"' not in (tmp_path / "site/thu-tuc/1.001193.html").read_text(encoding="utf-8")


def test_cli_publish_refuses_a_catalog_with_format_errors(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("tthc_catalog: 1\nprocedures:\n  - code: '1.000001'\n", encoding="utf-8")
    code, _, err = cli("publish", bad, "-o", tmp_path / "site")
    assert code == 2
    assert err.count("\n") == 1 and "tthc validate" in err
    assert not (tmp_path / "site").exists()


WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"{d}{n}" for d in ("COM", "LPT") for n in range(10))}


def test_page_names_are_safe_on_windows_and_links_still_work(tmp_path: Path) -> None:
    """#12.11: a code that is a Windows device name (any case, any extension) or otherwise unsafe."""
    codes = ["CON", "nul", "Com1", "lpt9.2", "aux.html", "PRN ", " .con. ", "CON", "c:on", "..", "a" * 60, "1.001193"]
    path = tmp_path / "codes.yaml"
    path.write_text(
        "tthc_catalog: 1\nprocedures:\n"
        + "".join(f"  - code: {json.dumps(c)}\n    name: Thủ tục số {n}\n" for n, c in enumerate(codes, 1)),
        encoding="utf-8",
    )
    from tthc.load import load_file

    out = tmp_path / "site"
    build_site([load_file(path).catalog], out, generated=GENERATED)
    names = sorted(p.name for p in (out / "thu-tuc").iterdir())
    assert len(names) == len(codes) and len({n.lower() for n in names}) == len(codes)
    for name in names:
        assert name.split(".")[0].upper() not in WINDOWS_DEVICES, name
        assert re.fullmatch(r"[0-9A-Za-z_-][0-9A-Za-z._-]*\.html", name) and len(name) <= 50, name
        assert not name.removesuffix(".html").endswith((".", " ")), name
    assert "CON_.html" in names and "nul_.html" in names and "lpt9_.2.html" in names and "1.001193.html" in names
    # the same input gives the same names (bookmarks keep working)
    again = tmp_path / "again"
    build_site([load_file(path).catalog], again, generated=GENERATED)
    assert sorted(p.name for p in (again / "thu-tuc").iterdir()) == names
    # every link of the index and of the search index opens a page that exists
    index = (out / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="(thu-tuc/[^"]+)"', index)
    assert len(links) == len(codes) and all((out / unescape(link)).is_file() for link in links)
    text = (out / "search-index.js").read_text(encoding="utf-8")
    items = json.loads(text[len("window.TTHC_INDEX = ") :].rstrip().rstrip(";"))["items"]
    assert sorted(f"{i.get('p') or i['c']}.html" for i in items) == names


def test_cli_synonyms_file_goes_into_the_search_index(cli, tmp_path: Path) -> None:
    words = tmp_path / "tu-dong-nghia.yaml"
    words.write_text("tthc_synonyms: 1\nsynonyms:\n  hoà giải: giảng hoà\n", encoding="utf-8")
    code, _, err = cli("publish", CATALOG, "-o", tmp_path / "site", "--synonyms", words)
    assert code == 0, err
    text = (tmp_path / "site/search-index.js").read_text(encoding="utf-8")
    pairs = json.loads(text[len("window.TTHC_INDEX = ") :].rstrip().rstrip(";"))["syn"]
    assert ["giảng hoà", "hoà giải"] in pairs
    assert ["xác nhận độc thân", "xác nhận tình trạng hôn nhân"] in pairs  # the shipped list


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("synonyms: [a, b]\n", "synonyms:"),
        ("synonyms:\n  hoà giải: {a: 1}\n", "hoà giải"),
        ("synonyms:\n  a: [b\n", "tu.yaml:3"),
    ],
)
def test_cli_bad_synonyms_file_is_one_line_and_nothing_written(
    cli, tmp_path: Path, content: str, expected: str
) -> None:
    words = tmp_path / "tu.yaml"
    words.write_text(content, encoding="utf-8")
    code, _, err = cli("publish", CATALOG, "-o", tmp_path / "site", "--synonyms", words)
    assert code == 2 and err.count("\n") == 1 and expected in err, err
    assert not (tmp_path / "site").exists()
    assert words.read_text(encoding="utf-8") == content


def test_cli_missing_synonyms_file(cli, tmp_path: Path) -> None:
    code, _, err = cli("publish", CATALOG, "-o", tmp_path / "site", "--synonyms", tmp_path / "khong-co.yaml")
    assert code == 2 and "khong-co.yaml" in err and err.count("\n") == 1


def test_the_readme_and_docs_publish_commands_work(cli, tmp_path: Path, monkeypatch) -> None:
    """Every `tthc publish` / `tthc handbook` line the README's "For citizens" and docs/publish.md show."""
    import shlex

    root = Path(__file__).resolve().parents[2]
    lines = []
    readme = (root / "README.md").read_text(encoding="utf-8")
    lines += re.findall(r"^(tthc (?:publish|handbook) .+?)(?:\s+#.*)?$", readme.split("## For citizens", 1)[1], re.M)
    lines += re.findall(
        r"^(tthc (?:publish|handbook) .+?)(?:\s+#.*)?$", (root / "docs/publish.md").read_text("utf-8"), re.M
    )
    assert len(lines) >= 8
    for name in ("catalogs", "docs"):
        (tmp_path / name).symlink_to(root / name)
    monkeypatch.chdir(tmp_path)
    for line in lines:
        args = shlex.split(line)[1:]
        if args[-1].endswith(".pdf"):
            continue  # LibreOffice: test_pdf_through_libreoffice
        code, _, err = cli(*args)
        assert code == 0, (line, err)
