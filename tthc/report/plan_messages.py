"""What `tthc recommend` tells on stderr after writing: counts, savings, decisions, the issuer."""

from __future__ import annotations

from pathlib import Path

from tthc.i18n import Lang, text, tr


def written(plan, output: Path, decided: bool, stale: int, console, *, lang: Lang) -> None:
    from tthc.plan.cost import format_vnd

    items, total = sum(len(s.items) for s in plan.sections), plan.total
    corrections = sum(len(s.corrections) for s in plan.corrected)
    if plan.filing and plan.filing.note:
        console.print(text(plan.filing.note, lang), soft_wrap=True, markup=False)
    console.print(
        tr(
            lang,
            f"Đã ghi {output}: {items} đề xuất ở {len(plan.sections)} thủ tục, {corrections} nội dung cập nhật danh mục; "
            f"chi phí tiết kiệm {format_vnd(total.saving)} đồng/năm"
            + (f" (chưa rõ chi phí: {total.unknown} thủ tục)" if total.unknown else ""),
            f"Wrote {output}: {items} proposals on {len(plan.sections)} procedures, {corrections} catalog corrections; "
            f"cost saved {format_vnd(total.saving, lang='en')} VND/year"
            + (f" (cost unknown: {total.unknown} procedures)" if total.unknown else ""),
        ),
        soft_wrap=True,
        markup=False,
    )
    if decided:
        skipped = plan.skipped
        console.print(
            tr(
                lang,
                f"Theo quyết định: bỏ qua {skipped.get('rejected', 0)} đề xuất không đồng ý, "
                f"{skipped.get('pending', 0)} chưa quyết định; {stale} quyết định không còn khớp đề xuất nào",
                f"From the decisions: left out {skipped.get('rejected', 0)} rejected and "
                f"{skipped.get('pending', 0)} undecided proposals; {stale} decisions match no current proposal",
            ),
            soft_wrap=True,
            markup=False,
        )


def initialised(path: Path, report, console, *, lang: Lang) -> None:
    console.print(
        tr(
            lang,
            f"Đã ghi {path}: {report.added} đề xuất mới (pending), giữ {report.kept} quyết định đã có; "
            f"{len(report.gone)} đề xuất không còn xuất hiện (giữ trong tệp, found: false)",
            f"Wrote {path}: {report.added} new proposals (pending), kept {report.kept} decisions; "
            f"{len(report.gone)} proposals no longer occur (kept in the file, found: false)",
        ),
        soft_wrap=True,
        markup=False,
    )
    for gone in report.gone:
        what = gone.info.get("procedure") or ""
        console.print(f"  - {gone.fingerprint} {what} ({gone.status})", soft_wrap=True, markup=False)
