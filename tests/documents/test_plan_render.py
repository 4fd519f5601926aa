"""Render the .docx with LibreOffice headless, where it is installed, and check the pages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tthc.report.docx_plan import write_docx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def render_pdf(docx_path: Path, folder: Path) -> Path:
    profile = folder / "lo-profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / (docx_path.stem + ".pdf")


def test_plan_renders_to_a4_pages_with_the_text(plan, tmp_path: Path) -> None:
    source = tmp_path / "plan.docx"
    write_docx(plan, source)
    pdf = render_pdf(source, tmp_path)
    assert pdf.is_file() and pdf.stat().st_size > 1000
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "(A4)" in info
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "PHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH" in text
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "32.000.000" in text
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        # Times New Roman itself, or its metric-compatible stand-in where the font is not installed
        assert any(name in fonts for name in ("TimesNewRoman", "Times New Roman", "LiberationSerif", "Tinos"))
