"""The .md plan: the same content as the Word document, readable in a diff."""

from __future__ import annotations

from tests.documents.conftest import FORMULA_NAME
from tthc.report.markdown_plan import cell, render_markdown


def test_markdown_has_the_plan(plan) -> None:
    text = render_markdown(plan)
    assert "# PHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH" in text
    assert "| STT | Mã số TTHC | Tên TTHC | Văn bản quy định | Nội dung đề xuất |" in text
    assert "| 1 | 1.001193 | Đăng ký khai sinh |" in text
    assert "#### 1. Thủ tục “Đăng ký khai sinh” (mã số 1.001193)" in text
    assert "**1.2. Kiến nghị thực thi**" in text
    assert (
        "- Sửa đổi, bổ sung khoản 2 Điều 5 Nghị định 123/2015/NĐ-CP về thời hạn giải quyết, thành phần hồ sơ." in text
    )
    assert "Số: 12/PA-UBND" in text and "*Đồng Nai, ngày 28 tháng 11 năm 2026*" in text
    assert "**Nơi nhận:**\n- Bộ Tư pháp;\n- Lưu: VT." in text
    assert "- Chi phí tiết kiệm: 3.200.000 đồng/năm." in text
    assert "| Tổng cộng<br>(3 TTHC; chưa rõ chi phí: 1) | 38.400.000 | 28.800.000 | 9.600.000 | 25 % |" in text
    assert FORMULA_NAME.replace("|", "\\|") in text


def test_table_cells_are_escaped() -> None:
    assert cell("a|b\nc") == "a\\|b<br>c"


def test_totals_with_every_cost_unknown_say_so(catalog) -> None:
    from tests.documents.conftest import PHONE_CODE, sample_findings
    from tthc.plan.build import build_plan
    from tthc.plan.cost import resolve_settings

    findings = [f for f in sample_findings(catalog) if f.procedure_code == PHONE_CODE]
    plan = build_plan([catalog], findings, resolve_settings({"hourly-rate": 1, "hours-per-day": 8}, None))
    text = render_markdown(plan)
    assert "| Tổng cộng<br>(1 TTHC; chưa rõ chi phí: 1) | chưa rõ | chưa rõ | chưa rõ | chưa rõ |" in text
