"""Run a console script in this very process, then write its peak RSS to a file.

    python -m bench._peak FILE SCRIPT ARGS…

The peak is VmHWM of /proc/self/status: the high-water mark of this process's own memory
since it started. (`ru_maxrss` would not do: Linux carries it over `exec` from the parent
that spawned the process, so a small command started by a big harness reads as big.)
"""

from __future__ import annotations

import atexit
import runpy
import sys
from pathlib import Path


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def main() -> None:
    target, script, *args = sys.argv[1:]
    atexit.register(lambda: Path(target).write_text(f"{peak_mb():.3f}\n"))
    sys.argv = [script, *args]
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
