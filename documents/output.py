"""Write a rendered document to disk in one format, atomically, never over a file.

`output_path(output, default, overwrite=…)` is the one rule for where a command's file
goes (every `-o`): refused, naming the path, when a file is already there and
`--overwrite` was not given; a missing parent folder, a parent that is a file or a
name too long are refused before anything is numbered or written; `-o FOLDER/` (or an
existing folder) puts the file inside under its default name; without `-o` the
default name is used, and when it is taken, the first free `NAME-2.ext`, `NAME-3.ext`…
so default names never collide.

`write_document(markdown, fmt, path)` / `write_atomic(path, data)` are the one way
files leave `documents/`: the bytes go to a temporary file beside the target, are
flushed to disk, then moved into place; without `overwrite` the move is a hard link,
which fails instead of replacing a file that appeared in the meantime. `stage_file`
does the first half only, for files that belong to a database transaction: the caller
places them after the commit, or discards them on a rollback (see
`workflow.infrastructure.staged_files`). PDF is made from the .docx by LibreOffice
headless, each call with its own profile directory (concurrent conversions otherwise
collide on the shared profile lock) and a timeout.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from itertools import count
from pathlib import Path

from documents.errors import OutputProblem
from documents.meta import DocumentMeta
from states.formats import OUTPUT_FORMATS

FORMATS = OUTPUT_FORMATS
PDF_TIMEOUT_S = 120
NAME_MAX = 255  # bytes of one file name, when the file system does not say
PATH_MAX = 4096
_TEMP_SERIAL = count()
_TEMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
_TEMP_ROOM = 40  # bytes a temporary name adds to the file name


def safe_name(text: str) -> str:
    """A file-name part: `045/SEK-AKSANSI/XI/2026` → `045-SEK-AKSANSI-XI-2026`."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")
    return cleaned or "dokumen"


def shown(path: Path | str) -> str:
    """A path as text that can always be printed (undecodable bytes as \\x escapes)."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def output_path(
    output: Path | str | None,
    default: Path,
    *,
    overwrite: bool = False,
    companions: tuple[str, ...] = (),
) -> Path:
    """Where a command writes its file; refuses (OutputProblem) before anything is written.

    `output`: the user's `-o` (None: `default`, made free of collisions). `companions`:
    suffixes of files written beside it (the `.svg` of a report), checked the same way.
    """
    if output is None:
        return _checked_name(_free_path(default, companions))
    text = os.fspath(output)
    target = Path(text)
    if text.endswith(("/", os.sep)) or _is_dir(_checked_name(target)):
        _check_folder(target)
        target = target / default.name
    else:
        _check_folder(target.parent)
    _checked_name(target)
    if not overwrite:
        for path in (target, *(target.with_suffix(s) for s in companions)):
            _refuse_existing(path)
    elif _is_dir(target):
        raise OutputProblem(f"{shown(target)} is a folder; --overwrite replaces files only.")
    return target


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long, a loop of links: not a folder we can use
        return False


def _exists(path: Path) -> bool:
    try:
        return path.exists() or path.is_symlink()
    except OSError:
        return False


def _free_path(default: Path, companions: tuple[str, ...]) -> Path:
    candidate, number = default, 1
    while any(_exists(p) for p in (candidate, *(candidate.with_suffix(s) for s in companions))):
        number += 1
        candidate = default.with_name(f"{default.stem}-{number}{default.suffix}")
    return candidate


def _check_folder(folder: Path) -> None:
    where = folder if str(folder) else Path(".")
    _checked_name(where)
    if _is_dir(where):
        return
    if _exists(where) or any(_is_file(p) for p in where.parents):
        raise OutputProblem(
            f"{shown(_first_file(where))} is a file, not a folder; choose another -o."
        )
    raise OutputProblem(
        f"the folder {shown(where)} does not exist; create it first or choose another -o."
    )


def _first_file(folder: Path) -> Path:
    for path in (*reversed(folder.parents), folder):
        if _is_file(path):
            return path
    return folder


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


def _checked_name(path: Path) -> Path:
    limit = _name_max(path.parent)
    length = len(os.fsencode(path.name))
    if length + _TEMP_ROOM > limit:
        raise OutputProblem(
            f"the file name {shown(path.name)[:40]}… is too long ({length} bytes; this "
            f"file system allows {limit - _TEMP_ROOM} here); choose a shorter -o."
        )
    if len(os.fsencode(str(path.absolute()))) + _TEMP_ROOM > PATH_MAX:
        raise OutputProblem(f"the path {shown(path)[:60]}… is too long; choose a shorter -o.")
    return path


def _name_max(folder: Path) -> int:
    for where in (folder, *folder.parents):
        if _is_dir(where):
            return _folder_name_max(str(where))
    return NAME_MAX


@functools.lru_cache(maxsize=1024)
def _folder_name_max(folder: str) -> int:
    """PC_NAME_MAX of an existing folder, asked once per folder (a sweep files thousands
    of letters in a few hundred folders; the limit is the file system's)."""
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError):
        return NAME_MAX


def _refuse_existing(path: Path) -> None:
    if _exists(path):
        raise OutputProblem(
            f"{shown(path)} already exists; pass --overwrite to replace it, or choose another -o."
        )


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
    """The document in `fmt` (md, html, docx, pdf) as bytes; `meta` dresses HTML and Word."""
    if fmt == "md":
        return markdown.encode("utf-8")
    if fmt == "html":
        from documents.html import to_html

        return to_html(markdown, title, meta).encode("utf-8")
    if fmt == "docx":
        from documents.docx import to_docx

        return to_docx(markdown, title, meta)
    if fmt == "pdf":
        return _pdf_bytes(markdown, title, meta)
    raise OutputProblem(f"unknown format '{fmt}'; use one of: {', '.join(FORMATS)}.")


def write_document(
    markdown: str,
    fmt: str,
    path: Path,
    title: str = "Dokumen",
    *,
    sync: bool = True,
    meta: DocumentMeta | None = None,
    overwrite: bool = False,
) -> Path:
    """Write `markdown` as `fmt` to `path` atomically; returns the path written."""
    check_format(fmt)
    data = document_bytes(markdown, fmt, title, meta)
    write_atomic(path, data, sync=sync, overwrite=overwrite)
    return path


def stage_document(
    markdown: str,
    fmt: str,
    path: Path,
    title: str = "Dokumen",
    *,
    sync: bool = True,
    meta: DocumentMeta | None = None,
    overwrite: bool = False,
) -> StagedFile:
    """`write_document` up to the move: the caller places or discards the file."""
    check_format(fmt)
    data = document_bytes(markdown, fmt, title, meta)
    return stage_file(path, data, sync=sync, overwrite=overwrite)


@dataclass
class StagedFile:
    """A file written under a temporary name beside `path`, not yet moved into place."""

    temp: Path
    path: Path
    overwrite: bool

    def place(self) -> None:
        """Move it into place (never over a file, unless `overwrite`)."""
        try:
            _move(self.temp, self.path, self.overwrite)
        except OSError as exc:
            self.discard()
            raise OutputProblem(
                f"cannot write {shown(self.path)}: {exc.strerror or exc}."
            ) from None
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        self.temp.unlink(missing_ok=True)


def write_atomic(path: Path, data: bytes, *, sync: bool = True, overwrite: bool = False) -> None:
    """Write `data` to a temporary file beside `path`, then move it to `path`.

    The move is what makes the write atomic: a reader sees no file (or the old one,
    with `overwrite`) or the whole new one, never a half. Without `overwrite` an
    existing `path` is refused (OutputProblem), also one created in the meantime.
    `sync=True` also fsyncs the bytes before the move so the file survives a power
    cut. `sync=False` skips that fsync (about 1 ms a file, and it stalls the next file
    creations behind the journal commit): it is for files whose exact bytes are also
    in a database row committed in the same transaction (a letter's Markdown is
    `letter.content`). After a power cut such a file may at worst be empty or
    missing, never half of a different letter, and `aksansi letter show NUMBER
    --format md -o FILE` writes it again from the register; on SQLite (WAL,
    synchronous=NORMAL) the register row itself is not fsynced per commit either, so
    a per-file fsync would not make the pair any more durable.
    """
    stage_file(path, data, sync=sync, overwrite=overwrite).place()


def stage_file(
    path: Path, data: bytes, *, sync: bool = True, overwrite: bool = False
) -> StagedFile:
    """Write `data` under a temporary name beside `path` (its folder made if missing)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = _open_temp(path)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                if sync:
                    handle.flush()
                    os.fsync(handle.fileno())
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputProblem(f"cannot write {shown(path)}: {exc.strerror or exc}.") from None
    return StagedFile(temp, path, overwrite)


def _move(temp: Path, path: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(temp, path)
        return
    try:
        os.link(temp, path)  # fails, rather than replaces, if `path` exists by now
    except FileExistsError:
        temp.unlink(missing_ok=True)
        _refuse_existing(path)
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        _refuse_existing(path)  # a file system without hard links: check, then move
        os.replace(temp, path)
        return
    temp.unlink()


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


def _pdf_bytes(markdown: str, title: str, meta: DocumentMeta | None) -> bytes:
    return pdf_from_docx(document_bytes(markdown, "docx", title, meta), title)


def pdf_from_docx(docx: bytes, title: str) -> bytes:
    """A Word document printed to PDF by LibreOffice headless (its own profile folder)."""
    program = soffice()
    if program is None:
        check_format("pdf")  # raises, saying how to install it
    with tempfile.TemporaryDirectory(prefix="aksansi-pdf-") as work:
        source = Path(work) / "dokumen.docx"
        source.write_bytes(docx)
        profile = Path(work) / "profile"
        command = [
            str(program),
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
            raise OutputProblem(f"LibreOffice could not convert {title} to PDF: {exc}.") from None
        made = Path(work) / "dokumen.pdf"
        if not made.exists():
            raise OutputProblem(f"LibreOffice produced no PDF for {title}.")
        return made.read_bytes()
