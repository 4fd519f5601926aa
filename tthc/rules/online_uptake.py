"""Simplifiable: a fully online service that citizens hardly use (low online uptake)."""

from __future__ import annotations

from collections.abc import Iterator

from tthc.i18n import T
from tthc.model import OnlineLevel, Procedure, Volume
from tthc.rules.base import Effect, Finding, Group, Option, Rule, RuleContext, RuleDoc, Severity


def online_share(volume: Volume | None) -> tuple[float, int | None, int, int] | None:
    """(share, year, online, dossiers) of the latest year with dossiers, else the yearly figures.

    None when there is nothing to judge: no volume, no online count, or zero dossiers.
    """
    if volume is None:
        return None
    latest = volume.latest()
    if latest is not None and latest.online is not None:
        year, online, dossiers = latest.year, latest.online, latest.dossiers or 0
    elif volume.online_per_year is not None and volume.dossiers_per_year is not None:
        year, online, dossiers = None, volume.online_per_year, volume.dossiers_per_year
    else:
        return None
    if dossiers <= 0:
        return None
    return online / dossiers, year, online, dossiers


def percent_vi(share: float) -> str:
    """0.0058 -> "0,58 %" (Vietnamese decimal comma)."""
    return f"{share * 100:.2f}".replace(".", ",") + " %"


def _check(procedure: Procedure, ctx: RuleContext) -> Iterator[Finding]:
    service = procedure.online_service
    if service is None or service.level is not OnlineLevel.FULL:
        return
    measured = online_share(procedure.volume)
    if measured is None:
        return
    share, year, online, dossiers = measured
    threshold = float(ctx.options["threshold"])
    if share >= threshold:
        return
    when_vi = f"năm {year}" if year else "mỗi năm"
    when_en = f"in {year}" if year else "per year"
    figure = percent_vi(share)
    counts_en = f"{online:,}/{dossiers:,}"
    counts = counts_en.replace(",", ".")
    figure_en = f"{share * 100:.2f} %"
    yield ctx.finding(
        procedure,
        "volume",
        T(
            f"dịch vụ công trực tuyến toàn trình nhưng chỉ {figure} hồ sơ nộp trực tuyến {when_vi} "
            f"({counts}; ngưỡng {percent_vi(threshold)})",
            f"fully online service, yet only {figure_en} of dossiers were filed online {when_en} "
            f"({counts_en}; threshold {threshold * 100:.2f} %)",
        ),
        T(
            "tăng cường truyền thông, hướng dẫn người dân nộp hồ sơ trực tuyến: niêm yết hướng dẫn tại bộ phận một cửa, "
            "hỗ trợ trực tiếp khi tiếp nhận, đăng trên trang thông tin điện tử và màn hình tại nơi tiếp nhận",
            "promote the online service to citizens: post filing guides at the one-stop desk, help applicants file "
            "online at reception, publish it on the website and the reception-desk screen",
        ),
        subject="online-share",
        source=procedure.volume.source if procedure.volume else None,
        data={"share": round(share, 6), "year": year, "online": online, "dossiers": dossiers, "threshold": threshold},
    )


LOW_ONLINE_UPTAKE = Rule(
    code="TT309",
    name="low-online-uptake",
    group=Group.SIMPLIFIABLE,
    severity=Severity.INFO,
    summary=T("Dịch vụ công trực tuyến toàn trình ít được sử dụng", "Fully online service with low online uptake"),
    doc=RuleDoc(
        what=T(
            "Thủ tục đã cung cấp dịch vụ công trực tuyến toàn trình nhưng tỷ lệ hồ sơ nộp trực tuyến trong năm gần nhất "
            "có số liệu (hoặc số liệu hằng năm) thấp hơn ngưỡng (mặc định 10 %). Không xét khi thiếu số liệu hồ sơ, "
            "khi không có hồ sơ nào, hoặc khi dịch vụ chưa toàn trình.",
            "The procedure is offered fully online, yet the share of dossiers filed online in the latest year with "
            "figures (or the yearly figures) is below the threshold (default 10 %). Silent without dossier figures, "
            "with zero dossiers, or when the service is not fully online.",
        ),
        why=T(
            "Nghị định 224/2026/NĐ-CP, Điều 14 (thay Nghị định 42/2022/NĐ-CP từ 01/7/2026) yêu cầu cung cấp dịch vụ công "
            "trực tuyến toàn trình; dịch vụ chỉ giảm chi phí tuân thủ khi người dân dùng nó. Nghị định 63/2010/NĐ-CP "
            "yêu cầu công khai, niêm yết thủ tục. Một huyện từng ghi nhận chỉ 0,58 % hồ sơ nộp trực tuyến vì người dân "
            "không biết có thể nộp trực tuyến, và kiến nghị trang giới thiệu thủ tục, sổ tay tại bộ phận một cửa và "
            "màn hình tại nơi tiếp nhận.",
            "Decree 224/2026/NĐ-CP, Art. 14 (replacing Decree 42/2022/NĐ-CP from 1/7/2026) requires fully online "
            "services; a service only cuts compliance cost when citizens use it. Decree 63/2010/NĐ-CP requires "
            "procedures to be made public and posted. One district found only 0.58 % of dossiers filed online because "
            "citizens did not know they could, and recommended a procedure page, handbooks at the one-stop desk and "
            "screens at reception.",
        ),
        example=T(
            "'Đăng ký khai sinh': Mức độ DVC trực tuyến 'Toàn trình'; năm 2025 có 1.200 hồ sơ, 7 hồ sơ trực tuyến (0,58 %).",
            "'Đăng ký khai sinh': online service 'Toàn trình'; in 2025, 1,200 dossiers, 7 filed online (0.58 %).",
        ),
        instead=T(
            "Tăng cường truyền thông: niêm yết hướng dẫn nộp trực tuyến trên Cổng Dịch vụ công quốc gia, hỗ trợ người dân "
            "nộp trực tuyến ngay tại bộ phận một cửa, công bố thủ tục trên trang thông tin và màn hình tại nơi tiếp nhận "
            "(tthc publish, tthc handbook); theo dõi lại tỷ lệ (tthc stats).",
            "Promote the service: post guides to filing on the National Public Service Portal, help citizens file "
            "online at the one-stop desk, publish the procedure on the website and the reception screen (tthc publish, "
            "tthc handbook); measure the share again (tthc stats).",
        ),
    ),
    legal_basis=T(
        "Nghị định 224/2026/NĐ-CP, Điều 14; Nghị định 63/2010/NĐ-CP (công khai thủ tục hành chính)",
        "Decree 224/2026/NĐ-CP, Art. 14; Decree 63/2010/NĐ-CP (publicity of procedures)",
    ),
    check=_check,
    options=(
        Option(
            "threshold",
            float,
            0.10,
            T(
                "Tỷ lệ hồ sơ trực tuyến (0–1) dưới mức này thì báo (mặc định 0,10 = 10 %).",
                "Report when the online share (0–1) is below this (default 0.10 = 10 %).",
            ),
        ),
    ),
    proposal=T("Tăng cường truyền thông dịch vụ công trực tuyến", "Promote the online public service"),
    effect=Effect.PROMOTE,
)

RULES = (LOW_ONLINE_UPTAKE,)
