"""The catalog's words reach the citizen intact: every dossier line of the sample catalogs,
read straight from the files (PyYAML, openpyxl; not through tthc's model), appears as
written on the site, in the kiosk and in the handbook, and nothing else is put in its place.

The annex has no dossier column; its name, time, place and fee cells are checked instead.
Text is compared after NFC and whitespace collapsing (what the loader does to every cell).
"""

from __future__ import annotations

import json
import re
import unicodedata
from html import unescape
from pathlib import Path

import pytest

from tests.publish.support import GENERATED

ROOT = Path(__file__).resolve().parents[2]
YAMLS = sorted((ROOT / "catalogs").glob("*.yaml"))
ANNEX = ROOT / "catalogs" / "kim-bang-2019-2020-annex.xlsx"
BOX = "☐ "


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def words(text: str) -> str:
    """For cells the loader splits into items ("a; b", "a\nb"): the words, separators aside."""
    return norm(re.sub(r"\s*;\s+|\n", " ", text))


def yaml_dossiers(path: Path) -> list[list[str]]:
    """Per procedure, in file order, its dossier lines as the file writes them."""
    import yaml

    out = []
    for procedure in yaml.safe_load(path.read_text(encoding="utf-8"))["procedures"]:
        lines = []
        docs = procedure.get("documents") or []
        for doc in docs if isinstance(docs, list) else [docs]:
            if isinstance(doc, dict):
                lines.append(norm(doc.get("raw") or doc["name"]))
            else:
                lines.extend(norm(line) for line in str(doc).splitlines() if line.strip())
        out.append(lines)
    return out


def annex_rows(path: Path) -> list[dict[str, str]]:
    """Procedure rows of the annex (a number in column A): name, time, place, fee as written."""
    import openpyxl

    sheet = openpyxl.load_workbook(path, read_only=True).active
    rows = []
    for row in sheet.iter_rows(values_only=True):
        if isinstance(row[0], int) and row[2]:
            rows.append({"name": norm(row[2]), "time": norm(row[3]), "place": norm(row[4]), "fee": norm(row[5])})
    return rows


def _load(path: Path):
    from tthc.publish.source import load_catalogs

    return load_catalogs([path])


def _js(path: Path, name: str) -> dict:
    text = path.read_text(encoding="utf-8")
    return json.loads(text[len(f"window.{name} = ") :].rstrip().rstrip(";"))


def _publish(path: Path, work: Path):
    """(catalog path, site folder, handbook blocks) for one sample catalog."""
    import docx

    from tthc.publish.handbook import write_handbook
    from tthc.publish.site import build_site

    catalogs = _load(path)
    build_site(catalogs, work / "site", generated=GENERATED, kiosk_limit=0)
    write_handbook(catalogs, work / "so-tay.docx", generated=GENERATED)
    return path, work / "site", _handbook_blocks(docx.Document(str(work / "so-tay.docx")))


@pytest.fixture(scope="module", params=YAMLS, ids=lambda p: p.name)
def published(request, tmp_path_factory):
    return _publish(request.param, tmp_path_factory.mktemp("words"))


@pytest.fixture(scope="module")
def published_annex(tmp_path_factory):
    return _publish(ANNEX, tmp_path_factory.mktemp("annex"))


def _handbook_blocks(document) -> dict[str, list[dict[str, str]]]:
    """Procedure name -> its tables ({label: content}) in handbook order (the book is grouped by field)."""
    from docx.table import Table

    blocks: dict[str, list[dict[str, str]]] = {}
    name = None
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            if name is not None:
                blocks.setdefault(name, []).append({r.cells[0].text: r.cells[1].text for r in block.rows})
                name = None
        elif block.style.name == "Heading 2":
            name = norm(block.text.split(". ", 1)[1])
    return blocks


def _pages(site: Path) -> list[str]:
    """Procedure pages in catalog order, as plain text blocks: [(doc names, whole text)]."""
    index = _js(site / "search-index.js", "TTHC_INDEX")
    out = []
    for item in index["items"]:
        html = (site / "thu-tuc" / f"{item.get('p') or item['c']}.html").read_text(encoding="utf-8")
        names = [norm(unescape(m)) for m in re.findall(r'<span class="doc-name">(.*?)</span>', html)]
        text = norm(unescape(re.sub(r"<[^>]+>", " ", html)))
        out.append((names, text))
    return out


def test_every_dossier_line_is_on_the_site_the_kiosk_and_in_the_handbook(published) -> None:
    path, site, handbook = published
    expected = yaml_dossiers(path)
    assert sum(map(len, expected)) > 30  # the samples are not empty
    pages = _pages(site)
    kiosk = {item["n"]: item for item in _js(site / "kiosk-data.js", "TTHC_KIOSK")["items"]}
    index = _js(site / "search-index.js", "TTHC_INDEX")["items"]
    assert len(pages) == len(expected) == sum(map(len, handbook.values()))
    for lines, (names, _), item in zip(expected, pages, index, strict=True):
        assert names == lines, item["n"]  # the page: the catalog's lines, in order, nothing instead
        assert [norm(d[0]) for d in kiosk[item["n"]]["d"]] == lines, item["n"]
        book = handbook[norm(item["n"])].pop(0)
        papers = [norm(line) for line in book["Giấy tờ cần nộp"].splitlines()]
        if lines:
            assert len(papers) == len(lines), item["n"]
            for line, paper in zip(lines, papers, strict=True):
                assert paper.startswith(BOX + line), (paper, line)


def test_the_words_the_loader_used_to_cut_are_there(tmp_path: Path) -> None:
    """xa-2026 2.000815 and 2.000424: "bản chính / bản sao" kept mid-sentence."""
    from tthc.publish.site import build_site

    build_site(_load(ROOT / "catalogs" / "xa-2026.yaml"), tmp_path / "site", generated=GENERATED)
    page = unescape((tmp_path / "site/thu-tuc/2.000815.html").read_text(encoding="utf-8"))
    assert (
        "Bản sao cần chứng thực (trường hợp người yêu cầu chỉ xuất trình bản chính thì cơ quan chụp từ bản chính "
        "để chứng thực)</span>"
    ) in page
    assert "Cần chứng thực (" not in page
    page = unescape((tmp_path / "site/thu-tuc/2.000424.html").read_text(encoding="utf-8"))
    assert (
        page.count(
            "Bản chính hoặc bản sao có chứng thực hoặc bản sao kèm theo bản chính để đối chiếu hoặc bản sao điện tử"
        )
        == 2
    )
    # the counts are a note beside the words, not a restatement of the kinds
    assert '<span class="doc-detail">(số lượng: 01 bản chính)</span>' in page


def test_annex_cells_are_on_the_site_the_kiosk_and_in_the_handbook(published_annex) -> None:
    path, site, handbook = published_annex
    rows = annex_rows(path)
    assert len(rows) == sum(map(len, handbook.values())) > 10
    pages = _pages(site)
    kiosk = _js(site / "kiosk-data.js", "TTHC_KIOSK")["items"]
    by_name = {norm(item["n"]): item for item in kiosk}
    for row, (_, text) in zip(rows, pages, strict=True):
        for key in ("name", "time", "place", "fee"):
            assert words(row[key]) in words(text), (row["name"], key)
        item = by_name[row["name"]]
        book = handbook[row["name"]].pop(0)
        assert words("\n".join(item["t"])) == words(row["time"])
        assert words("\n".join(item["p"])) == words(row["fee"])
        assert words(book["Thời hạn giải quyết"]) == words(row["time"])
        assert words(book["Phí, lệ phí"]) == words(row["fee"])
        assert norm(book["Nơi nộp hồ sơ"]) == row["place"]


RECORDS = ROOT / "tests" / "fixtures" / "realdata" / "records"


def test_crawled_portal_records_keep_their_papers_and_sub_headings(tmp_path: Path) -> None:
    """Real dichvucong.gov.vn records (committed byte for byte): every paper on the page is text of
    the record's dossier table; the table's sub-headings ("Giấy tờ phải nộp", "Giấy tờ phải xuất
    trình", "Lưu ý") head their papers; the page links to the record's own portal page."""
    from tthc.publish.handbook import write_handbook
    from tthc.publish.site import build_site

    folder = RECORDS / "bo-tu-phap"
    catalogs = _load(folder)
    build_site(catalogs, tmp_path / "site", generated=GENERATED, kiosk_limit=0)
    pages = {}  # the record's portal address -> its page (1.002544's page says it is 1.014023)
    for page in (tmp_path / "site/thu-tuc").glob("*.html"):
        html = page.read_text(encoding="utf-8")
        pages[re.search(r'<p class="portal direct"><a href="([^"]+)"', html).group(1)] = html
    checked = 0
    for record in sorted(folder.glob("*.json")):
        data = json.loads(record.read_text(encoding="utf-8"))
        source = norm(data["thanh_phan_ho_so"])
        html = pages[data["detail_url"]]
        names = [norm(unescape(m)) for m in re.findall(r'<span class="doc-name">(.*?)</span>', html)]
        for name in names:
            assert name in source, (record.name, name)
        checked += len(names)
    assert checked > 15
    assert len(pages) == len(list(folder.glob("*.json")))  # each page links to its own record's portal page
    html = unescape((tmp_path / "site/thu-tuc/1.003005.html").read_text(encoding="utf-8"))
    source = norm(json.loads((folder / "1.003005.json").read_text(encoding="utf-8"))["thanh_phan_ho_so"])
    groups = re.findall(r'<h3 class="doc-group">(.*?)</h3>', html)
    assert groups and all(norm(g) in source for g in groups), groups
    assert any(g.startswith("Lưu ý") for g in groups)
    # in the handbook, the sub-heading precedes its papers without a tick box
    import docx

    write_handbook(catalogs, tmp_path / "so-tay.docx")
    book = _handbook_blocks(docx.Document(str(tmp_path / "so-tay.docx")))
    name = norm(json.loads((folder / "1.003005.json").read_text(encoding="utf-8"))["ten_thu_tuc"])
    lines = book[name][0]["Giấy tờ cần nộp"].splitlines()
    headings = [line for line in lines if not line.startswith(BOX)]
    assert headings == [f"{g}:" for g in groups]
