"""setuptools entry point: the metadata is in setup.cfg.

Only one thing happens here: the message catalogs (`workflow/locale/*/LC_MESSAGES/
aksansi.po`) are compiled to `.mo` before the build, so a wheel (or `pip install .`)
carries them. Babel is a build requirement (pyproject.toml).
"""

import sys
from pathlib import Path

from setuptools import setup

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from workflow.i18n_tools import compile_catalogs  # noqa: E402

compile_catalogs(HERE / "workflow" / "locale")
setup()
