"""Word (.docx, .doc) and PDF catalogs -> the model: the national database's per-procedure
export and publication-decision annexes (see :mod:`tthc.load.document_layouts`).

Old binary Word files (.doc) are converted to .docx by LibreOffice when it is installed
(``soffice --headless --convert-to docx``, in a temporary folder, with a time limit);
positions still name the .doc file. Without LibreOffice one line says how to convert.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from tthc.i18n import T
from tthc.load.base import IssueSink, LoadError, LoadResult, cannot_open
from tthc.load.limits import Limits

CONVERT_TIMEOUT = 180  # seconds for LibreOffice to convert one .doc


def load_document(path: Path, limits: Limits | None = None) -> LoadResult:
    from tthc.load.build import build_catalog
    from tthc.load.document_layouts import is_detail, read_annex, read_detail

    blocks = read_blocks(path, limits)
    sink = IssueSink()
    file = str(path)
    read = read_detail(blocks, file, sink) if is_detail(blocks) else read_annex(blocks, file, sink)
    return build_catalog(read.meta, read.records, source_file=file, layout=read.layout, sink=sink)


def read_blocks(path: Path, limits: Limits | None = None):  # type: ignore[no-untyped-def]
    """The paragraphs and table grids of a .docx, .doc or .pdf file."""
    head = _head(path)
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF"):
        from tthc.load.pdf_reader import read_pdf

        return read_pdf(path, limits)
    if head.startswith(b"PK\x03\x04"):
        return _docx_blocks(path, path, limits)
    if head.startswith(bytes.fromhex("D0CF11E0A1B11AE1")):
        return _doc_blocks(path, limits)
    if suffix == ".pdf":
        raise LoadError(
            T("tệp không phải PDF (thiếu '%PDF' ở đầu tệp); tải lại tệp", "the file is not a PDF; download it again"),
            str(path),
        )
    raise LoadError(
        T(
            "tệp không phải văn bản Word (.docx, .doc); mở bằng Word rồi lưu lại dạng .docx",
            "the file is not a Word document (.docx, .doc); open it in Word and save it as .docx",
        ),
        str(path),
    )


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise cannot_open(path, exc) from exc
    if not head:
        raise LoadError(
            T("tệp rỗng (0 byte); tải lại tệp", "the file is empty (0 bytes); download it again"), str(path)
        )
    return head


def _docx_blocks(path: Path, shown: Path, limits: Limits | None):  # type: ignore[no-untyped-def]
    from tthc.load.docx_reader import read_docx

    return read_docx(path, limits, shown=shown)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _doc_blocks(path: Path, limits: Limits | None):  # type: ignore[no-untyped-def]
    program = soffice()
    if program is None:
        raise LoadError(
            T(
                "tệp .doc (Word cũ) cần LibreOffice để chuyển sang .docx, nhưng máy chưa cài; cài LibreOffice, "
                "hoặc mở tệp bằng Word và lưu lại dạng .docx (Tệp > Lưu thành > Tài liệu Word .docx)",
                "a .doc file (old Word) needs LibreOffice to convert it to .docx, and it is not installed; "
                "install LibreOffice, or open the file in Word and save it as .docx (File > Save As > Word Document)",
            ),
            str(path),
        )
    with tempfile.TemporaryDirectory(prefix="tthc-doc-") as tmp:
        source = Path(tmp) / "in.doc"
        shutil.copyfile(path, source)  # the input is never touched, and its name never reaches a shell
        command = [
            program,
            f"-env:UserInstallation=file://{Path(tmp) / 'profile'}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
            str(Path(tmp) / "out"),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired as exc:
            raise LoadError(
                T(
                    f"LibreOffice không chuyển xong tệp .doc sau {CONVERT_TIMEOUT} giây; mở tệp bằng Word và lưu "
                    "lại dạng .docx",
                    f"LibreOffice did not finish converting the .doc file in {CONVERT_TIMEOUT} s; open it in Word "
                    "and save it as .docx",
                ),
                str(path),
            ) from exc
        except OSError as exc:
            raise LoadError(
                T(
                    f"không chạy được LibreOffice ({exc}); mở tệp bằng Word và lưu lại dạng .docx",
                    f"cannot run LibreOffice ({exc}); open the file in Word and save it as .docx",
                ),
                str(path),
            ) from exc
        converted = Path(tmp) / "out" / "in.docx"
        if not converted.is_file():
            raise LoadError(
                T(
                    "LibreOffice không chuyển được tệp .doc (tệp hỏng hoặc có mật khẩu?); mở bằng Word và lưu lại "
                    "dạng .docx",
                    "LibreOffice could not convert the .doc file (damaged or password-protected?); open it in Word "
                    "and save it as .docx",
                ),
                str(path),
            )
        return _docx_blocks(converted, path, limits)
