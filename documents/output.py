"""Write a rendered document to disk in one format, atomically.

`write_document(markdown, fmt, path)` is the one way files leave `documents/`: the
bytes go to a temporary file beside the target, are flushed to disk, then renamed
over it (`os.replace`), so a crash never leaves a half-written letter. PDF is made
from the .docx by LibreOffice headless, each call with its own profile directory
(concurrent conversions otherwise collide on the shared profile lock) and a timeout.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from documents.errors import OutputProblem

FORMATS = ("md", "html", "docx", "pdf")
_UMASK = os.umask(0o022)  # read once (os.umask can only be read by setting it)
os.umask(_UMASK)
PDF_TIMEOUT_S = 120


def safe_name(text: str) -> str:
    """A file-name part: `045/SEK-AKSANSI/XI/2026` → `045-SEK-AKSANSI-XI-2026`."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")
    return cleaned or "dokumen"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def check_format(fmt: str) -> None:
    """Refuse a format before anything is numbered or written."""
    if fmt not in FORMATS:
        raise OutputProblem(f"unknown format '{fmt}'; use one of: {', '.join(FORMATS)}.")
    if fmt == "pdf" and soffice() is None:
        raise OutputProblem(
            "PDF needs LibreOffice (the 'soffice' program), which is not installed here; "
            "install it (e.g. apt-get install libreoffice-writer-nogui) or use --format docx."
        )


def document_bytes(markdown: str, fmt: str, title: str = "Dokumen") -> bytes:
    """The document in `fmt` (md, html, docx) as bytes."""
    if fmt == "md":
        return markdown.encode("utf-8")
    if fmt == "html":
        from documents.html import to_html

        return to_html(markdown, title).encode("utf-8")
    if fmt == "docx":
        from documents.docx import to_docx

        return to_docx(markdown, title)
    raise OutputProblem(f"cannot make '{fmt}' bytes directly; use write_document.")


def write_document(markdown: str, fmt: str, path: Path, title: str = "Dokumen") -> Path:
    """Write `markdown` as `fmt` to `path` atomically; returns the path written."""
    check_format(fmt)
    if fmt == "pdf":
        return _write_pdf(markdown, path, title)
    write_atomic(path, document_bytes(markdown, fmt, title))
    return path


def write_atomic(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            os.fchmod(fd, 0o666 & ~_UMASK)  # mkstemp makes 0600; a letter is an ordinary file
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputProblem(f"cannot write {path}: {exc.strerror or exc}.") from None


def _write_pdf(markdown: str, path: Path, title: str) -> Path:
    program = soffice()
    assert program is not None  # check_format refused it otherwise
    with tempfile.TemporaryDirectory(prefix="aksansi-pdf-") as work:
        source = Path(work) / (path.stem + ".docx")
        source.write_bytes(document_bytes(markdown, "docx", title))
        profile = Path(work) / "profile"
        command = [
            program,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            work,
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=PDF_TIMEOUT_S, check=True)
        except (subprocess.SubprocessError, OSError) as exc:
            raise OutputProblem(
                f"LibreOffice could not convert {path.name} to PDF: {exc}."
            ) from None
        made = Path(work) / (path.stem + ".pdf")
        if not made.exists():
            raise OutputProblem(f"LibreOffice produced no PDF for {path.name}.")
        write_atomic(path, made.read_bytes())
    return path
