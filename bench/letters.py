"""Benchmark: letter rendering (design.md §7, bar: documents/ ≥ 50% of plain jinja2).

Run: `python -m bench.letters` (or through `python -m bench`). Prints
- Markdown letters/second through `documents.render` (sandboxed, StrictUndefined,
  Markdown-escaping finalize) vs plain `jinja2.Environment` rendering the same
  template source, compiled once, with the same filters, in the same run;
- .docx letters/second and where the time goes (render, parse, python-docx build, save);
- whole `issue_letter` transactions/second on SQLite (number + render + store + .md file).
"""

from __future__ import annotations

import io
import os
import tempfile
import time
from collections.abc import Callable
from datetime import date
from typing import Any

TEMPLATE = "audiensi_request.md.j2"


def sample_context() -> dict[str, Any]:
    """What `build_context` gives the template for Kota Mojokerto."""
    return {
        "org": {
            "nama": "Sekretariat Asosiasi KSM Sanitasi Seluruh Indonesia (AKSANSI)",
            "alamat": "Jl. Contoh Nomor 1, Yogyakarta",
            "kota": "Yogyakarta",
            "kontak": "Telepon 0274 000000 · Pos-el sekretariat@example.org",
            "telepon": "0274 000000",
            "email": "sekretariat@example.org",
        },
        "ttd": {"nama": "Penanda Tangan", "jabatan": "Koordinator Sekretariat AKSANSI"},
        "pemda": {
            "jenis": "Kota",
            "nama": "Mojokerto",
            "nama_lengkap": "Kota Mojokerto",
            "kepala": "Wali Kota",
            "pemerintah": "Pemerintah Kota Mojokerto",
            "kode": "35.76",
            "kota_surat": "Mojokerto",
        },
        "surat": {
            "nomor": "045/SEK-AKSANSI/XI/2026",
            "tanggal": date(2026, 11, 27),
            "sifat": "Biasa",
            "hal": "Permohonan Audiensi",
            "kepada": "Wali Kota Mojokerto",
            "di": "Mojokerto",
            "draf": False,
        },
        "tembusan": ["Sekretaris Daerah Kota Mojokerto", "Kepala Bappeda Kota Mojokerto", "Arsip"],
        "rujukan": None,
        "narahubung": None,
        "audiensi_tanggal": None,
        "pks": None,
        "kb_ditandatangani": True,
        "langkah": 1,
        "tahun_anggaran": 2027,
        "ref": None,
        "ref_sebelumnya": None,
    }


def rate(func: Callable[[], object], seconds: float = 1.0, repeats: int = 3) -> float:
    """Best calls/second over `repeats` runs of about `seconds` each."""
    func()  # warm-up (compiles templates, fills caches)
    best = 0.0
    for _ in range(repeats):
        count, start = 0, time.perf_counter()
        while (elapsed := time.perf_counter() - start) < seconds:
            for _ in range(20):
                func()
            count += 20
        best = max(best, count / elapsed)
    return best


def plain_jinja_template():  # type: ignore[no-untyped-def]
    from jinja2 import Environment, FileSystemLoader

    from documents.filters import FILTERS
    from documents.render import BUILTIN_TEMPLATES

    env = Environment(
        loader=FileSystemLoader(str(BUILTIN_TEMPLATES)),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    return env.get_template(TEMPLATE)


def markdown_figures() -> tuple[float, float, int]:
    from documents.render import render_markdown

    context = sample_context()
    template = plain_jinja_template()
    plain = rate(lambda: template.render(context))
    ours = rate(lambda: render_markdown(TEMPLATE, context))
    return ours, plain, len(render_markdown(TEMPLATE, context).encode())


def docx_breakdown(n: int = 60) -> dict[str, float]:
    """Milliseconds per letter in each phase of making a .docx."""
    from docx import Document

    from documents import docx as word
    from documents.markup import parse
    from documents.meta import DocumentMeta
    from documents.render import render_markdown

    context, spent = sample_context(), dict.fromkeys(("render", "parse", "build", "save"), 0.0)
    for _ in range(n):
        t0 = time.perf_counter()
        markdown = render_markdown(TEMPLATE, context)
        t1 = time.perf_counter()
        blocks = parse(markdown)
        t2 = time.perf_counter()
        doc, meta = Document(), DocumentMeta(title="bench")
        word._setup(doc, meta)
        for block in blocks:
            if block.kind not in ("layout", "pagebreak"):
                word._build(doc, block, meta)
        t3 = time.perf_counter()
        doc.save(io.BytesIO())
        t4 = time.perf_counter()
        for key, value in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            spent[key] += value
    return {key: 1000 * value / n for key, value in spent.items()}


def issue_rate(formats: tuple[str, ...], n: int = 300) -> float:
    """Whole letters/second: one transaction each (number, render, store, audit, files)."""
    from workflow.domain import regions
    from workflow.domain.letters.issuing import issue_letter
    from workflow.infrastructure import db, schema
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.seed import seed_portfolio
    from workflow.services.settings import set_setting

    work = tempfile.mkdtemp(prefix="aksansi-bench-")
    os.environ["AKSANSI_OUTPUT_DIR"] = os.path.join(work, "out")
    url = db.database_url(os.path.join(work, "bench.sqlite3"))
    schema.upgrade(url)
    seed_portfolio(UnitOfWork(url), actor="bench")
    for key, value in (
        ("org.address", "Jl. Contoh 1"),
        ("org.city", "Yogyakarta"),
        ("signatory.name", "Penanda Tangan"),
        ("signatory.position", "Koordinator"),
    ):
        set_setting(UnitOfWork(url), key, value, actor="bench")
    start = time.perf_counter()
    for _ in range(n):
        with UnitOfWork(url) as uow:
            region = regions.resolve(uow.session, "35.76")
            issue_letter(
                uow.session,
                region,
                "audiensi_request",
                on=date(2026, 11, 27),
                actor="bench",
                formats=formats,
            )
            uow.commit()
    return n / (time.perf_counter() - start)


def main() -> None:
    ours, plain, size = markdown_figures()
    print(
        f"letters: Markdown letter ({size} bytes) via documents/: {ours:,.0f}/s; "
        f"plain jinja2, same template compiled once: {plain:,.0f}/s; "
        f"ratio {ours / plain:.0%} (bar ≥ 50%)"
    )
    phases = docx_breakdown()
    total = sum(phases.values())
    shares = ", ".join(f"{k} {v:.2f} ms ({v / total:.0%})" for k, v in phases.items())
    print(f"letters: .docx {1000 / total:,.0f} letters/s; per letter {total:.2f} ms = {shares}")
    with_file, stored_only = issue_rate(("md",)), issue_rate(())
    print(
        f"letters: issue_letter on SQLite, one transaction per letter: {with_file:,.0f}/s "
        f"writing the .md file (fsync'd), {stored_only:,.0f}/s stored only (formats=())"
    )


if __name__ == "__main__":
    main()
