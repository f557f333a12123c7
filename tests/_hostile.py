"""Hostile invocations of the CLI: the strategies and the checks of `test_hostile_inputs.py`.

One invocation runs `aksansi ARGS…` in-process (click's CliRunner) on a fresh copy of a
database made by `init --seed` (plus a blocker, a letter and a reminder, so ids point
at something), in a folder of its own that holds the output folder, an existing file,
a file where a folder is expected and a KSM sheet. `check(run)` is the property: no
traceback, an exit status in {0, 1, 2}, and a refusal leaves every table's rows and
every file of the folder as they were.

Run as a script it tallies instead of stopping at the first failure, for measuring:

    .venv/bin/python tests/_hostile.py --examples 2000
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

FIXED_NOW = "2026-11-27T09:00:00+07:00"
REGIONS = ("sukoharjo", "33.75", "Kota Mojokerto", "kulon progo", "temanggung")
DB_NAME = "aksansi.sqlite3"
SHEET = "sheet.csv"
TEMPLATES = "templates"

# --- values -----------------------------------------------------------------------------

HUGE_INTS = (
    2**63,
    2**63 - 1,
    -(2**63) - 1,
    2**64,
    10**30,
    2**31,
    -(2**31) - 1,
    -1,
    0,
)
EXTREME_DAYS = (
    "9999-12-31T23:59:59-12:00",
    "9999-12-31T23:59:59.999999+14:00",
    "0001-01-01",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31",
    "1900-01-01",
    "2200-06-01",
    "2026-02-30",
    "20261127",
    "2026-W48-5",
    "2026-11-27T25:00",
    "nan",
    "",
    " ",
)
SANE_DAYS = ("2026-11-27", "2026-11-20", "2026-10-01", "2026-11-27T08:00:00+07:00")
NASTY_TEXTS = (
    "\udcff",  # a byte that is not UTF-8, as Python decodes it from argv
    "a\udc80b",
    "\ud800",  # a lone surrogate
    "\x00",
    "bell\x07",
    "\x1b[31mred",
    "form\x0cfeed",
    "vt\x0b",
    "cr\rlf",
    "\x85next",
    "line\u2028sep",
    "\ufffe",
    "\uffff",
    "x" * 70_000,
    "é" * 5_000,
    "",
    " ",
    "tab\there",
    "two\nlines",
    "{{ 7*7 }}",
    "{seq}",
    "*bold* | <b>",
)
# Environment values can only hold what an OS environment holds (no NUL, surrogates
# only as the escapes of undecodable bytes).
ENV_TEXTS = ("\udcff", "a\udc80b", "bell\x07", "\x1b[31m", "x" * 5_000, "", "Ana")
NUMBER_FORMATS = (
    "{seq.__class__}/{year}",
    "{seq.real}/{year}",
    "{seq[0]}/{year}",
    "{seq:0<3}/{year}",
    "{year}/{seq:.1}",
    "{seq:>100000}/{year}",
    "{seq:c}/{year}",
    "{seq!r}/{year}",
    "{seq:x}/{year}",
    "{seq:%}/{year}",
    "{seq}{year}{seq}",
    "{0}{seq}{year}",
    "{seq:03d}/{year}/{",
    "{year}",
    "{seq:03d}/X/{month_roman}/{year}",
)
PATHS = (
    "missing/sub/out.md",
    "afile/out.md",
    "n" * 300 + ".md",
    "out/",
    "newdir/",
    "taken.md",
    "out",
    "afile/",
    "\udcff.md",
    "",
    "x/" + "d" * 300 + "/f.md",
)
EVERY = ("0s", "-1h", "1e9h", "99999999999999999999h", "1000000d", "nan", "", "1h30", "\udcff")
TEMPLATE_BODIES = (
    "{{ 1 // 0 }}",
    "{{ 1 / 0 }}",
    "{% for i in range(10**9) %}{% endfor %}",
    "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    "{{ pemda() }}",
    "{% for c in 5 %}{% endfor %}",
    "{{ ''.__class__ }}",
    "{{ 'x' * 10**10 }}",
    "{{ 10 ** 10 ** 10 }}",
    "{{ [0] * 10**10 }}",
    "{{ 2 ** 100000 }}",
    "{{ nomor",
    "{{ tidak_ada }}",
    "{% include 'tidak-ada.md.j2' %}",
    "{{ '%s' % 1 }}",
    "{{ 'abc'|int(base=99) }}",
)


def _one_of(values: tuple[Any, ...], sane: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.sampled_from(values), sane)


def ints() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(HUGE_INTS), st.integers(-5, 5), st.integers(-(2**70), 2**70)
    ).map(str)


def days() -> st.SearchStrategy[str]:
    moments = st.datetimes(timezones=st.sampled_from([None, *map(_zone, (-12, 0, 7, 14))])).map(
        lambda moment: moment.isoformat()
    )
    return st.one_of(st.sampled_from(EXTREME_DAYS), st.sampled_from(SANE_DAYS), moments)


def _zone(hours: int) -> Any:
    from datetime import timedelta, timezone

    return timezone(timedelta(hours=hours))


def texts() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(NASTY_TEXTS),
        st.text(st.characters(codec=None), max_size=20),
        st.sampled_from(("Budi Santoso, S.T.", "Kepala Dinas PUPR", "catatan")),
    )


def regions() -> st.SearchStrategy[str]:
    return _one_of(REGIONS, texts())


def paths() -> st.SearchStrategy[str]:
    return st.sampled_from(PATHS)


def _choice(*values: str) -> st.SearchStrategy[str]:
    return _one_of(values, texts())


# --- commands ---------------------------------------------------------------------------


def _argv(*parts: Any) -> st.SearchStrategy[list[str]]:
    """A command line: literals as they are, strategies drawn, optional parts in pairs."""
    drawn = [part if isinstance(part, st.SearchStrategy) else st.just(part) for part in parts]
    return st.tuples(*drawn).map(lambda values: [v for v in _flatten(values) if v is not None])


def _flatten(values: Any) -> Iterator[Any]:
    for value in values:
        if isinstance(value, (list, tuple)):
            yield from _flatten(value)
        else:
            yield value


def _opt(name: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), values.map(lambda value: (name, value)))


EVENTS = ("draft_moa", "submit_moa", "sign_moa", "hold", "resume", "request_audiensi")
BLOCKER_TYPES = ("other", "no_budget", "official_rotated", "legal_review")
KINDS = ("audiensi_request", "funding_followup", "response_request", "official_introduction")
FORMATS = ("md", "html", "docx")
POSITIONS = ("Kepala Dinas PUPR", "Kadis PUPR", "Sekda", "Bupati")
KEYS = ("letter.number_format", "org.name", "signatory.name", "org.city", "letter.font")


def commands() -> st.SearchStrategy[list[str]]:
    note, day, number = _opt("--note", texts()), _opt("--on", days()), ints()
    output = _opt("-o", paths())
    return st.one_of(
        _argv("advance", regions(), _choice(*EVENTS), day, note, _opt("--by", texts())),
        _argv("blocker", "add", regions(), _choice(*BLOCKER_TYPES), note, day),
        _argv("blocker", "void", number, note),
        _argv("blocker", "edit", number, note),
        _argv("blocker", "resolve", number, note, day),
        _argv("blocker", "show", number),
        _argv(
            "official",
            "set",
            regions(),
            "--position",
            _choice(*POSITIONS),
            "--name",
            texts(),
            _opt("--since", days()),
            _opt("--email", texts()),
            _opt("--phone", texts()),
        ),
        _argv(
            "official",
            "correct",
            regions(),
            "--position",
            _choice(*POSITIONS),
            _opt("--name", texts()),
            _opt("--since", days()),
        ),
        _argv("official", "end", regions(), "--position", _choice(*POSITIONS), day, note),
        _argv(
            "letter",
            "render",
            regions(),
            _choice(*KINDS),
            "--format",
            st.sampled_from(FORMATS),
            output,
            day,
            _opt("--reply-to", texts()),
        ),
        _argv("letter", "void", _choice("001/SEK-AKSANSI/XI/2026"), note),
        _argv("letter", "list", _opt("--year", ints())),
        _argv(
            "letter",
            "receive",
            regions(),
            "--number",
            texts(),
            "--date",
            days(),
            "--subject",
            texts(),
        ),
        _argv("remind", "list", _opt("--region", regions()), _opt("--status", texts())),
        _argv("remind", "ics", output),
        _argv("remind", "add", regions(), "--on", days(), texts()),
        _argv("remind", "snooze", number),
        _argv("board", _opt("--as-of", days())),
        _argv("board", "--stalled", _opt("--days", ints())),
        _argv("config", "set", _choice(*KEYS), _one_of(NUMBER_FORMATS, texts())),
        _argv("region", "set", regions(), "--seat", texts()),
        _argv("region", "show", regions()),
        _argv("ksm", "import", _choice(SHEET)),
        _argv("ksm", "add", regions(), texts(), _opt("--capacity-kk", ints())),
        _argv("ksm", "show", number),
        _argv("jobs", "run", "--every", st.sampled_from(EVERY)),
        _argv("report", "portfolio", _opt("--from", days()), _opt("--to", days()), output),
        _argv("amend", number, note),
        _argv("undo", regions(), note),
        _argv("approve", regions(), _choice("tkksd_review", "legal_review"), "--on", days()),
        _argv(
            "calendar",
            "planning",
            "set",
            regions(),
            _choice("rkpd", "kua_ppas"),
            "--from",
            days(),
            "--to",
            days(),
        ),
        _argv("calendar", "planning", _opt("--year", ints())),
        _argv("calendar", "show", ints()),
        _argv("calendar", "add-holiday", days(), texts()),
        _argv("mou", "draft", regions(), _opt("--years", ints()), output),
        _argv("moa", "draft", regions(), _opt("--budget", ints()), _opt("--years", ints())),
        _argv("history", regions()),
    )


@dataclass(frozen=True)
class Invocation:
    argv: list[str]
    env: dict[str, str]
    sheet: bytes | None = None  # the KSM sheet's bytes, when `ksm import` reads it
    template: str | None = None  # a hostile letter template in AKSANSI_TEMPLATE_DIR


def sheets() -> st.SearchStrategy[bytes]:
    header = b"kode_wilayah,nama_ksm,kecamatan,desa,kapasitas_kk\n"
    cells = st.one_of(
        st.sampled_from(
            (
                b"x" * 200_000,
                b"\xff\xfe",
                b"bell\x07",
                b"\x00",
                str(2**63).encode(),
                str(10**30).encode(),
                b"-1",
                b"33.11",
                b"KSM Maju",
            )
        ),
        st.binary(max_size=8),
    )
    rows = st.lists(st.tuples(cells, cells, cells, cells, cells), min_size=1, max_size=3)
    return rows.map(lambda rows: header + b"".join(b",".join(row) + b"\n" for row in rows))


def invocations() -> st.SearchStrategy[Invocation]:
    env = st.fixed_dictionaries(
        {},
        optional={
            "AKSANSI_NOW": st.sampled_from((*EXTREME_DAYS[:6], "\udcff", "2026-11-27")),
            "AKSANSI_USER": st.sampled_from(ENV_TEXTS),
        },
    )
    return st.builds(
        Invocation,
        argv=st.one_of(
            commands(),
            st.tuples(st.just("--by"), texts(), commands()).map(
                lambda parts: [parts[0], parts[1], *parts[2]]
            ),
        ),
        env=env,
        sheet=st.one_of(st.none(), sheets()),
        template=st.one_of(st.none(), st.none(), st.sampled_from(TEMPLATE_BODIES)),
    )


# --- running one ------------------------------------------------------------------------


def make_template(folder: Path) -> Path:
    """A seeded database with one blocker, one letter and one reminder in it."""
    from click.testing import CliRunner

    from cli import main
    from workflow.infrastructure import db

    path = folder / DB_NAME
    runner = CliRunner()
    env = {"AKSANSI_DB": str(path), "AKSANSI_NOW": FIXED_NOW, "AKSANSI_USER": "tester"}
    env |= {"AKSANSI_LANG": "en", "AKSANSI_OUTPUT_DIR": str(folder / "out")}
    setup = (
        ["init", "--seed"],
        ["config", "set", "org.address", "Jl. Kaliurang Km 5, Yogyakarta"],
        ["config", "set", "org.city", "Yogyakarta"],
        ["config", "set", "signatory.name", "Ir. Sri Wahyuni"],
        ["config", "set", "signatory.position", "Koordinator Sekretariat AKSANSI"],
        ["blocker", "add", "sukoharjo", "no_budget", "--note", "APBD belum ada"],
        ["official", "set", "sukoharjo", "--position", "Kepala Dinas PUPR", "--name", "Budi"],
        ["letter", "render", "sukoharjo", "audiensi_request", "--format", "md"],
        ["remind", "add", "sukoharjo", "--on", "2026-12-01", "telepon", "Dinas"],
    )
    for argv in setup:
        result = runner.invoke(main, argv, env=env, catch_exceptions=False)
        assert result.exit_code == 0, (argv, result.output)
    db.dispose_all()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.rmtree(folder / "out", ignore_errors=True)
    return path


@dataclass
class Outcome:
    exit_code: int
    output: str
    error: BaseException | None
    changed: bool  # rows or files differ from before
    tb: str = ""
    rows_before: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)


@contextmanager
def _workplace(template: Path, invocation: Invocation) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="aksansi-hostile-") as work:
        folder = Path(work)
        shutil.copy(template, folder / DB_NAME)
        (folder / "out").mkdir()
        (folder / "taken.md").write_text("hand-made\n")
        (folder / "afile").write_text("a file, not a folder\n")
        (folder / SHEET).write_bytes(invocation.sheet or b"kode_wilayah,nama_ksm\n")
        if invocation.template is not None:
            (folder / TEMPLATES).mkdir()
            for kind in KINDS:
                (folder / TEMPLATES / f"{kind}.md.j2").write_text(invocation.template + "\n")
        previous = os.getcwd()
        os.chdir(folder)
        try:
            yield folder
        finally:
            os.chdir(previous)


def run(template: Path, invocation: Invocation) -> Outcome:
    from click.testing import CliRunner

    import jobs.scheduler
    from cli import main
    from workflow.infrastructure import db

    with _workplace(template, invocation) as folder:
        env = {
            "AKSANSI_DB": str(folder / DB_NAME),
            "AKSANSI_NOW": FIXED_NOW,
            "AKSANSI_USER": "tester",
            "AKSANSI_LANG": "en",
            "AKSANSI_OUTPUT_DIR": str(folder / "out"),
            "AKSANSI_TEMPLATE_DIR": str(folder / TEMPLATES) if invocation.template else None,
            "AKSANSI_SMTP_URL": None,
        }
        env |= invocation.env
        before = _rows(folder / DB_NAME), _files(folder)
        daemon = jobs.scheduler.run_daemon
        jobs.scheduler.run_daemon = _no_daemon  # an accepted --every would run for ever
        try:
            result = CliRunner().invoke(main, invocation.argv, env=env)  # type: ignore[arg-type]
        finally:
            jobs.scheduler.run_daemon = daemon
            db.dispose_all()
        after = _rows(folder / DB_NAME), _files(folder)
    error = result.exception
    if isinstance(error, SystemExit):
        error = None
    tb = "".join(traceback.format_exception(error)) if error is not None else ""
    return Outcome(result.exit_code, result.output, error, before != after, tb)


def _no_daemon(*_args: Any, **_kwargs: Any) -> None:
    return None


def _rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        tables = [
            name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {
            table: sorted(map(repr, conn.execute(f'SELECT * FROM "{table}"')))  # type: ignore[misc]
            for table in tables
        }


def _files(folder: Path) -> dict[str, str]:
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.startswith(DB_NAME):
            found[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def problems(outcome: Outcome) -> list[str]:
    """What is wrong with one outcome (empty: the property holds)."""
    found = []
    if outcome.error is not None or "Traceback" in outcome.output:
        found.append("traceback")
    if outcome.exit_code not in (0, 1, 2):
        found.append(f"exit {outcome.exit_code}")
    if outcome.exit_code != 0 and outcome.changed:
        found.append("a refusal changed rows or files")
    return found


def kind_of(outcome: Outcome) -> str:
    """A traceback's kind: the exception type and the frame of ours nearest to it."""
    error = outcome.error
    if error is None:
        return "no exception"
    frames = traceback.extract_tb(error.__traceback__)
    ours = [
        f for f in frames if "/site-packages/" not in f.filename and "/lib/python" not in f.filename
    ]
    where = f"{Path(ours[-1].filename).name}:{ours[-1].name}" if ours else "?"
    return f"{type(error).__name__} in {where}"


# --- tallying (measurement) -------------------------------------------------------------


def tally(examples: int) -> tuple[int, Counter[str], Counter[str], dict[str, Invocation]]:
    from hypothesis import HealthCheck, given, settings

    tracebacks: Counter[str] = Counter()
    other: Counter[str] = Counter()
    first: dict[str, Invocation] = {}
    counted = [0]
    work = Path(tempfile.mkdtemp(prefix="aksansi-hostile-template-"))
    template = make_template(work)

    @settings(
        max_examples=examples,
        database=None,
        derandomize=True,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(invocation=invocations())
    def one(invocation: Invocation) -> None:
        counted[0] += 1
        outcome = run(template, invocation)
        for problem in problems(outcome):
            kind = kind_of(outcome) if problem == "traceback" else problem
            (tracebacks if problem == "traceback" else other)[kind] += 1
            first.setdefault(kind, invocation)

    one()
    shutil.rmtree(work, ignore_errors=True)
    return counted[0], tracebacks, other, first


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=2000)
    args = parser.parse_args(argv)
    os.environ.setdefault("AKSANSI_LANG", "en")
    total, tracebacks, other, first = tally(args.examples)
    failed = sum(tracebacks.values())
    print(
        f"{total} invocations, {failed} tracebacks of {len(tracebacks)} kinds "
        f"({100 * failed / max(total, 1):.1f} %)"
    )
    for kind, number in (*tracebacks.most_common(), *other.most_common()):
        example = first[kind]
        print(f"  {number:5d}  {kind}")
        print(f"         e.g. {ascii(example.argv)[:150]} env={ascii(example.env)[:80]}")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()
