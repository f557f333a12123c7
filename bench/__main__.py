"""`make bench`: run every benchmark module's `main()` in turn (or those named on the line).

A module that fails is reported (its traceback on stderr) and the others still run; the
exit status is then 1."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
import traceback
from pathlib import Path


def main() -> None:
    wanted = sys.argv[1:]
    folder = Path(__file__).parent
    names = sorted(
        m.name for m in pkgutil.iter_modules([str(folder)]) if not m.name.startswith("_")
    )
    failed = []
    begun = time.monotonic()
    for name in names:
        if wanted and name not in wanted:
            continue
        print(f"\n=== bench/{name}.py", flush=True)
        started = time.monotonic()
        try:
            importlib.import_module(f"bench.{name}").main()
        except Exception:
            traceback.print_exc()
            print(f"FAILED bench/{name}.py (traceback on stderr)", flush=True)
            failed.append(name)
        print(f"--- bench/{name}.py took {time.monotonic() - started:.0f} s", flush=True)
    print(f"\n=== all: {time.monotonic() - begun:.0f} s", flush=True)
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
