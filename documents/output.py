"""Write a rendered document to disk in one format, atomically.

`write_document(markdown, fmt, path)` is the one way files leave `documents/`: the
bytes go to a temporary file beside the target, are flushed to disk, then renamed
over it (`os.replace`), so a crash never leaves a half-written letter. A caller
whose database row holds the exact same bytes (the letter register) may pass
`sync=False`: see `write_atomic` for why that is safe and what it saves. PDF is made
from the .docx by LibreOffice headless, each call with its own profile directory
(concurrent conversions otherwise collide on the shared profile lock) and a timeout.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import threading
from itertools import count
from pathlib import Path

from documents.errors import OutputProblem
from documents.meta import DocumentMeta

FORMATS = ("md", "html", "docx", "pdf")
PDF_TIMEOUT_S = 120
_TEMP_SERIAL = count()
_TEMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


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


def document_bytes(
    markdown: str, fmt: str, title: str = "Dokumen", meta: DocumentMeta | None = None
) -> bytes:
    """The document in `fmt` (md, html, docx) as bytes; `meta` dresses HTML and Word."""
    if fmt == "md":
        return markdown.encode("utf-8")
    if fmt == "html":
        from documents.html import to_html

        return to_html(markdown, title, meta).encode("utf-8")
    if fmt == "docx":
        from documents.docx import to_docx

        return to_docx(markdown, title, meta)
    raise OutputProblem(f"cannot make '{fmt}' bytes directly; use write_document.")


def write_document(
    markdown: str,
    fmt: str,
    path: Path,
    title: str = "Dokumen",
    *,
    sync: bool = True,
    meta: DocumentMeta | None = None,
) -> Path:
    """Write `markdown` as `fmt` to `path` atomically; returns the path written."""
    check_format(fmt)
    if fmt == "pdf":
        return _write_pdf(markdown, path, title, meta)
    write_atomic(path, document_bytes(markdown, fmt, title, meta), sync=sync)
    return path


def write_atomic(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`.

    The rename is what makes the write atomic: a reader sees the old file or the
    whole new one, never a half. `sync=True` also fsyncs the bytes before the rename
    so the file survives a power cut. `sync=False` skips that fsync (about 1 ms a
    file, and it stalls the next file creations behind the journal commit): it is
    for files whose exact bytes are also in a database row committed in the same
    transaction (a letter's Markdown is `letter.content`). After a power cut such a
    file may at worst be empty or missing, never half of a different letter, and
    `aksansi letter export NUMBER` writes it again from the register; on SQLite (WAL,
    synchronous=NORMAL) the register row itself is not fsynced per commit either, so
    a per-file fsync would not make the pair any more durable.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = _open_temp(path)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                if sync:
                    handle.flush()
                    os.fsync(handle.fileno())
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputProblem(f"cannot write {path}: {exc.strerror or exc}.") from None


def _open_temp(path: Path) -> tuple[int, Path]:
    """A new temporary file beside `path`, named by process, thread and a serial number.

    Cheaper than `tempfile.mkstemp` (random names, and mode 0600 to widen again);
    O_EXCL refuses a leftover of a killed process that had the same id, and the next
    serial number is tried then. The umask applies, as for any ordinary file.
    """
    for _ in range(100):
        unique = f"{os.getpid()}-{threading.get_ident()}-{next(_TEMP_SERIAL)}"
        temp = path.with_name(f".{path.name}.{unique}.tmp")
        try:
            return os.open(temp, _TEMP_FLAGS, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")


def _write_pdf(markdown: str, path: Path, title: str, meta: DocumentMeta | None) -> Path:
    program = soffice()
    assert program is not None  # check_format refused it otherwise
    with tempfile.TemporaryDirectory(prefix="aksansi-pdf-") as work:
        source = Path(work) / (path.stem + ".docx")
        source.write_bytes(document_bytes(markdown, "docx", title, meta))
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
