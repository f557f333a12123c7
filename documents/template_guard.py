"""Limits on what a template may cost, and the line where one failed.

A coordinator may drop their own templates in AKSANSI_TEMPLATE_DIR. The sandbox keeps
them away from Python internals; `GuardedSandbox` also keeps a template from asking
for gigabytes: a repetition (`'x' * n`, `[0] * n`, `'%9999999s' % v`, `'x'.ljust(n)`,
`|center(n)`, `|indent(n)`) is refused above `MAX_SIZE` characters or items, a power
above `MAX_POWER_BITS`, `range()` above `MAX_ITERATIONS` steps in one rendering, and
the rendered text above `MAX_OUTPUT` characters (`render_limited`). Any failure while
rendering (division by zero, recursion, calling or iterating the wrong thing, a limit)
becomes `TemplateProblem` naming the template file and its line (`runtime_problem`).
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from jinja2 import Template
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from documents.errors import TemplateProblem

MAX_SIZE = 100_000
MAX_POWER_BITS = 4_096
MAX_ITERATIONS = 200_000
MAX_OUTPUT = 5_000_000
_WIDE_PERCENT = re.compile(r"%[-+ #0]*(\d{6,}|\*)")
_SIZED_METHODS = frozenset({"ljust", "rjust", "center", "zfill", "expandtabs"})
_steps: ContextVar[list[int]] = ContextVar("aksansi_template_steps")


class TemplateLimit(Exception):
    """A template asked for more than a letter can need."""


class GuardedSandbox(SandboxedEnvironment):
    """The sandbox with repetitions, powers, ranges and sized calls bounded."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = counted_range

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            _check_repeat(left, right)
            _check_repeat(right, left)
        elif operator == "**":
            _check_power(left, right)
        elif operator == "%" and isinstance(left, str):
            _check_percent(left)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if getattr(__obj, "__name__", "") in _SIZED_METHODS:
            for value in (*args, *kwargs.values()):
                _check_size(value)
        return super().call(__context, __obj, *args, **kwargs)


def guarded_filters(filters: dict[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """`center`, `indent` and `format` with their sizes bounded (the others as they are)."""
    guarded = dict(filters)
    for name in ("center", "indent"):
        if name in guarded:
            guarded[name] = _sized_filter(guarded[name])
    if "format" in guarded:
        guarded["format"] = _percent_filter(guarded["format"])
    return guarded


def _sized_filter(inner: Callable[..., Any]) -> Callable[..., Any]:
    def filter_(value: Any, *args: Any, **kwargs: Any) -> Any:
        for size in (*args, *kwargs.values()):
            _check_size(size)
        return inner(value, *args, **kwargs)

    return filter_


def _percent_filter(inner: Callable[..., Any]) -> Callable[..., Any]:
    def filter_(value: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(value, str):
            _check_percent(value)
        return inner(value, *args, **kwargs)

    return filter_


def _check_size(value: Any) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_SIZE:
        raise TemplateLimit(f"a size of {_short(value)} (at most {MAX_SIZE:,})")


def _check_repeat(sequence: Any, times: Any) -> None:
    repeatable = isinstance(sequence, (str, list, tuple)) and isinstance(times, int)
    if repeatable and len(sequence) * max(times, 0) > MAX_SIZE:
        raise TemplateLimit(f"a repetition of {_short(times)} (at most {MAX_SIZE:,} long)")


def _check_power(base: Any, exponent: Any) -> None:
    integers = isinstance(base, int) and isinstance(exponent, int) and abs(base) > 1
    if integers and exponent > 0 and abs(base).bit_length() * exponent > MAX_POWER_BITS:
        raise TemplateLimit(f"the power {_short(base)} ** {_short(exponent)}")


def _check_percent(text: str) -> None:
    if _WIDE_PERCENT.search(text):
        raise TemplateLimit(f"a width above {MAX_SIZE:,} in {text[:30]!r}")


def _short(number: int) -> str:
    digits = str(number) if abs(number) < 10**30 else f"{str(number)[:10]}…"
    return digits


def counted_range(*args: int) -> Iterator[int]:
    """`range()` that counts its steps against the rendering's budget."""
    steps = range(*args)
    if len(steps) > MAX_ITERATIONS:
        raise TemplateLimit(f"a range of {len(steps):,} steps (at most {MAX_ITERATIONS:,})")
    return _counting(steps)


def _counting(steps: range) -> Iterator[int]:
    budget = _steps.get(None)
    for step in steps:
        if budget is not None:
            budget[0] += 1
            if budget[0] > MAX_ITERATIONS:
                raise TemplateLimit(f"more than {MAX_ITERATIONS:,} loop steps in one letter")
        yield step


def render_limited(template: Template, context: dict[str, Any]) -> str:
    """The template rendered, its steps and its length bounded."""
    token = _steps.set([0])
    try:
        parts: list[str] = []
        length = 0
        for chunk in template.generate(context):
            length += len(chunk)
            if length > MAX_OUTPUT:
                raise TemplateLimit(f"more than {MAX_OUTPUT:,} characters of text")
            parts.append(chunk)
        return "".join(parts)
    finally:
        _steps.reset(token)


def runtime_problem(name: str, exc: BaseException) -> TemplateProblem:
    """`exc`, raised while `name` was rendering, as one sentence with the file and line."""
    where = _template_line(exc) or (name, None)
    at = f"{where[0]}, line {where[1]}" if where[1] else where[0]
    if isinstance(exc, TemplateLimit):
        reason = f"asks for {exc}"
    elif isinstance(exc, RecursionError):
        reason = "calls itself without end"
    else:
        reason = f"failed ({type(exc).__name__}: {_first_line(exc)})"
    return TemplateProblem(f"the template {at} {reason}; fix the template.")


def _template_line(exc: BaseException) -> tuple[str, int | None] | None:
    """The last frame that is a template file (Jinja maps its lines to the source)."""
    frames = traceback.extract_tb(exc.__traceback__)
    for frame in reversed(frames):
        if frame.filename.endswith(".j2") or frame.filename == "<template>":
            return str(Path(frame.filename)), frame.lineno
    return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else "")[:120]
