"""The cyclic garbage collector while a command starts.

A command imports SQLAlchemy and our models: some 300,000 objects that live as long as
the process and are no garbage, yet the collector walks them again and again while they
are being made (its young passes alone: ~20 ms of a 350 ms read). So `cli` pauses it for
the start of each run, and the run's first reach for the database (`db.engine_for`: a
unit of work, the sweep, the KSM import), the command's imports done, resumes it with
everything made so far frozen (`gc.freeze`: out of every later
collection's sight, as modules and classes are anyway). A run that opens no database
resumes it as it ends. Only the first run of a process freezes: later ones (the test
suite's in-process runs) import little, and what they leave is collected as before.
"""

from __future__ import annotations

import gc


class _State:
    paused = False
    frozen = False


def pause() -> None:
    """Stop collecting until `resume` (if the collector is on: a caller's choice stands)."""
    if gc.isenabled():
        gc.disable()
        _State.paused = True


def resume() -> None:
    """Collect again, after `pause`; the first time, freeze what the start-up made."""
    if not _State.paused:
        return
    _State.paused = False
    if not _State.frozen:
        gc.freeze()
        _State.frozen = True
    gc.enable()
