"""`make bench`: run every benchmark module's `main()` in turn (or those named on the line)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main() -> None:
    wanted = sys.argv[1:]
    folder = Path(__file__).parent
    names = sorted(
        m.name for m in pkgutil.iter_modules([str(folder)]) if not m.name.startswith("_")
    )
    for name in names:
        if wanted and name not in wanted:
            continue
        print(f"\n=== bench/{name}.py")
        importlib.import_module(f"bench.{name}").main()


if __name__ == "__main__":
    main()
