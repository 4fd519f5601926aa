"""HTML of the site: the index, one page per procedure, the kiosk screen.

Every piece of catalog text goes through :func:`e` (html.escape): catalog text is
untrusted. The page shell is ``assets/page.html``; the markup is plain, semantic HTML
(landmarks, ordered headings, labelled inputs) with no framework.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from functools import cache
from importlib import resources
from string import Template

from tthc import fields as vocab
from tthc.publish import present
from tthc.publish.entries import Entry, grouped

ONLINE_BADGES = {"full": "Toàn trình", "partial": "Một phần", "none": "Chưa trực tuyến", "other": "Chưa rõ"}


def e(text: object) -> str:
    return html.escape(str(text), quote=True)


@cache
def asset_text(name: str) -> str:
    return resources.files("tthc.publish").joinpath("assets", name).read_text(encoding="utf-8")


def shell(
    *,
    title: str,
    site_title: str,
    main: str,
    root: str = "",
    nav: str = "",
    scripts: Sequence[str] = (),
    body_class: str = "",
    footer: str = "",
) -> str:
    """A whole page: head, skip link, banner, optional nav, main, footer, scripts."""
    return Template(asset_text("page.html")).substitute(
        title=e(title),
        site_title=e(site_title),
        root=root,
        nav=nav,
        main=main,
        body_class=body_class,
        footer=footer,
        scripts="".join(f'<script src="{root}{src}"></script>\n' for src in scripts),
    )


def badge(kind: str) -> str:
    return f'<span class="badge online-{kind}">{e(ONLINE_BADGES[kind])}</span>'


def _meta(entry: Entry) -> str:
    p = entry.procedure
    parts = [e(p.code)] if p.code else []
    parts.append(e(present.field_name(p)))
    parts.extend(e(level) for level in present.level_names(p))
    return " · ".join(parts)


def _footer(catalogs, generated: dt.date) -> str:
    lines = []
    for c in catalogs:
        text = e(c.name or c.issuer or "Danh mục thủ tục hành chính")
        if c.decision and c.decision.number:
            when = f" ngày {c.decision.date:%d/%m/%Y}" if c.decision.date else ""
            text += f" (Quyết định công bố số {e(c.decision.number)}{when})"
        lines.append(f"<li>{text}</li>")
    return (
        f'<p>Nguồn: </p><ul class="sources">{"".join(lines)}</ul>'
        f"<p>Cập nhật ngày {generated:%d/%m/%Y}. Nội dung theo danh mục thủ tục hành chính đã công bố; "
        f"khi có khác biệt, văn bản công bố là căn cứ.</p>"
    )


# -- index ---------------------------------------------------------------------------------


def index_page(entries: Sequence[Entry], catalogs, *, site_title: str, generated: dt.date) -> str:
    groups = grouped(entries)
    multi = len(catalogs) > 1  # then say which catalog (issuer) each procedure comes from
    fields = list(dict.fromkeys(present.field_name(x.procedure) for x in entries))
    levels = [
        (lvl.value if lvl else "unknown", present.LEVEL_LABELS[lvl] if lvl else present.NO_LEVEL) for lvl, _ in groups
    ]
    online = [k for k in present.ONLINE_KINDS if any(present.online_kind(x.procedure) == k for x in entries)]
    full = sum(1 for x in entries if present.online_kind(x.procedure) == "full")
    intro = (
        f'<p class="lead">{len(entries)} thủ tục, trong đó {full} thủ tục làm trực tuyến được toàn bộ trên '
        f'<a href="{present.PORTAL_URL}">{present.PORTAL_NAME}</a>. Mỗi thủ tục có danh sách giấy tờ cần mang theo, '
        "nơi nộp, thời hạn và lệ phí.</p>"
    )
    form = (
        '<form id="tim-kiem" class="search" role="search" aria-label="Tìm thủ tục" hidden>'
        '<div class="field field-q"><label for="q">Tìm thủ tục</label>'
        '<input type="search" id="q" name="q" autocomplete="off" spellcheck="false" aria-describedby="q-hint" '
        'aria-controls="ket-qua">'
        '<p id="q-hint" class="hint">Gõ tên thủ tục hoặc việc cần làm, có dấu hoặc không dấu, ví dụ: '
        "<i>dang ky khai sinh</i>, <i>xác nhận độc thân</i></p></div>"
        # results before the filters: on a phone they come first; wide screens put the filters beside them
        '<div class="hits"><p id="so-ket-qua" class="count" role="status" aria-live="polite"></p>'
        '<ol id="ket-qua" class="results" hidden></ol></div>'
        '<div class="filters" role="group" aria-label="Lọc kết quả">'
        + _select("cap", vocab.citizen("levels"), levels)
        + _select("linh-vuc", vocab.citizen("field"), [(f, f) for f in fields])
        + _select("truc-tuyen", "Dịch vụ trực tuyến", [(k, present.ONLINE_KINDS[k]) for k in online])
        + "</div></form>"
    )
    sections = []
    toc = []
    for n, (level, fields_in_level) in enumerate(groups, 1):
        level_name = present.LEVEL_LABELS[level] if level else present.NO_LEVEL
        anchor = f"cap-{n}"
        toc_fields = []
        parts = [f'<section class="level" aria-labelledby="{anchor}"><h2 id="{anchor}">{e(level_name)}</h2>']
        for m, (field, items) in enumerate(fields_in_level, 1):
            fid = f"{anchor}-lv-{m}"
            toc_fields.append(f'<li><a href="#{fid}">{e(field)}</a> ({len(items)})</li>')
            parts.append(f'<h3 id="{fid}">{e(field)}</h3><ul class="procs">')
            for x in items:
                flag = ' <span class="badge flag-badge">Cần rà soát</span>' if x.notes else ""
                meta = [x.procedure.code or ""] + ([x.catalog.issuer or x.catalog.name or ""] if multi else [])
                parts.append(
                    f'<li><a href="{e(x.href)}">{e(x.procedure.name)}</a>{flag} '
                    f'<span class="meta">{e(" · ".join(m for m in meta if m))}</span> '
                    f"{badge(present.online_kind(x.procedure))}</li>"
                )
            parts.append("</ul>")
        parts.append("</section>")
        sections.append("".join(parts))
        toc.append(f'<li><a href="#{anchor}">{e(level_name)}</a><ul>{"".join(toc_fields)}</ul></li>')
    nav = f'<nav class="toc" aria-label="Mục lục theo cấp và lĩnh vực"><ul>{"".join(toc)}</ul></nav>'
    main = (
        f"<h1>Tra cứu thủ tục hành chính</h1>{intro}{form}"
        f'<div id="danh-muc"><p class="kiosk-link"><a href="kiosk.html">Màn hình trình chiếu tại nơi tiếp nhận</a></p>'
        f"{nav}{''.join(sections)}</div>"
    )
    return shell(
        title=site_title,
        site_title=site_title,
        main=main,
        scripts=("search-index.js", "assets/search.js"),
        body_class="index",
        footer=_footer(catalogs, generated),
    )


def _select(name: str, label: str, options: Sequence[tuple[str, str]]) -> str:
    opts = "".join(f'<option value="{e(v)}">{e(t)}</option>' for v, t in options)
    return (
        f'<div class="field"><label for="{name}">{e(label)}</label>'
        f'<select id="{name}" name="{name}" aria-controls="ket-qua"><option value="">Tất cả</option>{opts}</select></div>'
    )


# -- procedure page ------------------------------------------------------------------------


def procedure_page(
    entry: Entry, *, site_title: str, generated: dt.date, portal_search: str | None = present.PORTAL_SEARCH
) -> str:
    p = entry.procedure
    guide = present.online_guide(p)
    body = [f"<h1>{e(p.name)}</h1>", f'<p class="meta">{_meta(entry)}</p>']
    if entry.notes:
        items = "".join(f"<li>{e(n)}</li>" for n in entry.notes)
        body.append(
            '<aside class="flag" aria-labelledby="luu-y"><h2 id="luu-y">Lưu ý nội bộ: nội dung có thể đã lạc hậu</h2>'
            f"<ul>{items}</ul><p>Bản xem trước nội bộ; rà soát trước khi công bố.</p></aside>"
        )
    body.append(_summary(p, portal_search))
    body.append(_documents(p))
    if forms := present.forms(p):
        body.append(_section("mau-don", vocab.citizen("forms"), _list(forms)))
    body.append(
        f'<section class="online online-{guide.kind}" aria-labelledby="truc-tuyen">'
        f'<h2 id="truc-tuyen">Làm trực tuyến</h2><p class="headline">{e(guide.headline)}</p>'
        f"<p>{_link_portal(e(guide.detail))}</p></section>"
    )
    if p.applicants:
        body.append(_section("doi-tuong", vocab.citizen("applicants"), _list(p.applicants)))
    if p.conditions:
        body.append(_section("dieu-kien", vocab.citizen("conditions"), _list(p.conditions)))
    if p.steps:
        body.append(_section("cac-buoc", vocab.citizen("steps"), _list(p.steps, ordered=True)))
    if p.results:
        body.append(_section("ket-qua-tt", vocab.citizen("results"), _list([r.name for r in p.results])))
    if p.legal_basis:
        body.append(_section("can-cu", vocab.citizen("legal_basis"), _list([ref.raw for ref in p.legal_basis])))
    for f in vocab.FIELDS:  # the fields the page does not lay out itself (tthc.fields: `site`)
        value = getattr(p, f.key, None) if f.site else None
        if value:
            lines = list(value) if isinstance(value, (list, tuple)) else [str(value)]
            body.append(_section(f.key.replace("_", "-"), f.plain, _list(lines)))
    main = (
        f'<article class="procedure">{"".join(body)}</article>'
        '<p class="actions"><button type="button" class="print" onclick="window.print()">In trang này</button></p>'
    )
    nav = (
        '<nav class="crumbs" aria-label="Đường dẫn"><ol><li><a href="../index.html">Tất cả thủ tục</a></li>'
        f"<li>{e(present.field_name(p))}</li></ol></nav>"
    )
    return shell(
        title=f"{p.name} — {site_title}",
        site_title=site_title,
        main=main,
        root="../",
        nav=nav,
        body_class="procedure-page",
        footer=_footer([entry.catalog], generated),
    )


def _summary(p, portal_search: str | None) -> str:
    """The box at the top: only what the catalog states, and which of these it does not state."""
    rows = []
    for item in present.summary(p):
        if item.key in ("time", "fees"):
            value = _per_channel(p, item.key)
        elif item.key == "online":
            value = f"<p>{badge(present.online_kind(p))} {e(item.lines[0])}</p>"
        else:
            value = _paragraphs(item.lines)
        rows.append(f'<div class="row-{item.key}"><dt>{e(item.label)}</dt><dd>{value}</dd></div>')
    parts = [f"<dl>{''.join(rows)}</dl>"] if rows else []
    if missing := present.unstated(p):
        parts.append(f'<p class="unstated">Danh mục không ghi: {e("; ".join(missing))}. {present.ASK}.</p>')
    if link := present.portal_link(p, portal_search):
        cls = "portal direct" if link.direct else "portal"
        parts.append(f'<p class="{cls}"><a href="{e(link.url)}">{e(link.text)}</a></p>')
    return (
        '<section class="summary" aria-labelledby="tom-tat"><h2 id="tom-tat">Thông tin chính</h2>'
        f"{''.join(parts)}</section>"
    )


def _link_portal(escaped: str) -> str:
    url = present.PORTAL_URL
    return escaped.replace(f"({url})", f'(<a class="url" href="{url}">{url.removeprefix("https://")}</a>)', 1)


def _section(anchor: str, title: str, content: str) -> str:
    return f'<section aria-labelledby="{anchor}"><h2 id="{anchor}">{e(title)}</h2>{content}</section>'


def _paragraphs(items: Sequence[str]) -> str:
    return "".join(f"<p>{e(i)}</p>" for i in items)


def _list(items: Sequence[str], *, ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>{''.join(f'<li>{e(i)}</li>' for i in items)}</{tag}>"


def _documents(p) -> str:
    """The checklist; papers under the catalog's own sub-headings when it has them."""
    if not p.documents:
        content = "<p>Danh mục chưa ghi thành phần hồ sơ; hỏi nơi tiếp nhận hồ sơ.</p>"
    else:
        parts = ['<p class="hint no-print">Đánh dấu từng giấy tờ khi đã chuẩn bị xong.</p>']
        n = 0
        for group, docs in present.document_groups(p):
            if group:
                parts.append(f'<h3 class="doc-group">{e(group)}</h3>')
            rows = []
            for doc in docs:
                n += 1
                detail = present.document_detail(doc)
                detail_html = f'<span class="doc-detail">({e(detail)})</span>' if detail else ""
                rows.append(
                    f'<li><input type="checkbox" id="giay-to-{n}">'
                    f'<label for="giay-to-{n}"><span class="doc-name">{e(present.document_text(doc))}</span>'
                    f"{detail_html}</label></li>"
                )
            parts.append(f'<ul class="checklist">{"".join(rows)}</ul>')
        content = "".join(parts)
    return _section("giay-to", "Giấy tờ cần mang theo", content)


def _per_channel(p, what: str) -> str:
    """One line when every channel says the same; else one line per way of filing."""
    groups = present.by_channel(p, what)
    if len(groups) == 1 and not groups[0][0]:
        return _paragraphs(groups[0][1])
    items = []
    for method, texts in groups:
        label = f"<strong>{e(method)}:</strong> " if method else ""
        items.append(f"<li>{label}{'; '.join(e(x) for x in texts)}</li>")
    return f'<ul class="per-channel">{"".join(items)}</ul>' if items else ""


# -- kiosk ---------------------------------------------------------------------------------


def kiosk_page(*, site_title: str, generated: dt.date, catalogs) -> str:
    main = (
        f'<h1 class="visually-hidden">{e(site_title)} — màn hình trình chiếu</h1>'
        '<div id="slide" class="slide" aria-live="off" aria-atomic="true">'
        '<noscript><p>Màn hình trình chiếu cần JavaScript. <a href="index.html">Xem danh mục thủ tục</a>.</p></noscript>'
        "</div>"
        '<div class="kiosk-bar" role="group" aria-label="Điều khiển trình chiếu">'
        '<button type="button" id="truoc">‹ Trước</button>'
        '<button type="button" id="tam-dung" aria-pressed="false">Tạm dừng</button>'
        '<button type="button" id="sau">Sau ›</button>'
        '<p id="vi-tri" class="position"></p>'
        '<p class="help">Phím ← → để chuyển · phím cách để tạm dừng hoặc chạy tiếp</p>'
        "</div>"
    )
    return shell(
        title=f"Trình chiếu — {site_title}",
        site_title=site_title,
        main=main,
        scripts=("kiosk-data.js", "assets/kiosk.js"),
        body_class="kiosk",
        footer=f"<p>Tra cứu đầy đủ: {e(site_title)} · cập nhật {generated:%d/%m/%Y}</p>",
    )
