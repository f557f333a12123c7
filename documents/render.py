"""The Jinja2 environment: sandboxed, strict, and overridable from AKSANSI_TEMPLATE_DIR.

Templates are Markdown with Jinja2 tags (`templates/<kind>.md.j2`). Every value a
template prints passes through `_escape_markdown`, so a region name or a subject
with `*` or `|` cannot change the layout. Unknown variables fail (`StrictUndefined`)
instead of printing an empty blank, and the sandbox refuses attribute access to
Python internals, because a coordinator may drop their own templates in
AKSANSI_TEMPLATE_DIR.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from documents.errors import DocumentError, TemplateProblem
from documents.filters import FILTERS
from documents.template_guard import (
    GuardedSandbox,
    guarded_filters,
    render_limited,
    runtime_problem,
)

BUILTIN_TEMPLATES = Path(__file__).with_name("templates")
_MARKDOWN_SPECIAL = re.compile(r"[\\*|<`]")


class RawMarkdown(str):
    """Text that is Markdown already and is printed as it is: a file the coordinator wrote
    for the agreement (`moa draft --mechanism FILE.md`), never a value from the data."""

    __slots__ = ()


def _escape_markdown(value: Any) -> Any:
    """Printed values are text, never Markdown markup (a `RawMarkdown` is left as it is)."""
    if value.__class__ is str and _MARKDOWN_SPECIAL.search(value):
        return _MARKDOWN_SPECIAL.sub(r"\\\g<0>", value)
    return value


class HashingLoader(BaseLoader):
    """User templates first, then the built-in ones; remembers each source's SHA-256.

    The environment calls `get_source` only when it (re)compiles a template, so the
    remembered hash always belongs to the compiled template in use.
    """

    def __init__(self, user_dir: str | None) -> None:
        search = [user_dir] if user_dir else []
        self._inner = FileSystemLoader([*search, str(BUILTIN_TEMPLATES)])
        self.hashes: dict[str, str] = {}

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self._inner.get_source(environment, template)
        self.hashes[template] = hashlib.sha256(source.encode("utf-8")).hexdigest()
        return source, filename, uptodate

    def source_only(self, environment: Environment, template: str) -> str:
        """The source, without recording its hash (that belongs to the compiled one)."""
        return self._inner.get_source(environment, template)[0]

    def list_templates(self) -> list[str]:
        return self._inner.list_templates()


class DocumentEnvironment(GuardedSandbox):
    """The sandbox (with the limits of `documents.template_guard`), with a fast path for
    the plain dicts our contexts are made of.

    `{{ pemda.nama }}` on a dict is an item lookup, which the sandbox always allows
    (`pemda['nama']` is the same thing); trying it first skips the AttributeError
    the generic attribute-then-item lookup raises for every dict value. Anything
    else (a missing key, objects, methods) goes through the sandbox's own checks.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if obj.__class__ is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


_ENVIRONMENTS: dict[str | None, SandboxedEnvironment] = {}


def environment() -> SandboxedEnvironment:
    """One environment per template folder per process.

    Templates are compiled once per process (`auto_reload=False`: no file check per
    letter); a long-running `jobs run` picks up edited templates when restarted.
    """
    user_dir = os.environ.get("AKSANSI_TEMPLATE_DIR") or None
    env = _ENVIRONMENTS.get(user_dir)
    if env is None:
        env = DocumentEnvironment(
            loader=HashingLoader(user_dir),
            auto_reload=False,
            undefined=StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            finalize=_escape_markdown,
        )
        env.filters.update(FILTERS)
        env.filters.update(guarded_filters(env.filters))
        _ENVIRONMENTS[user_dir] = env
    return env


def render_markdown(template_name: str, context: dict[str, Any]) -> str:
    """Render one template to Markdown text; any template failure is a `TemplateProblem`."""
    return render_with_hash(template_name, context)[0]


def render_with_hash(template_name: str, context: dict[str, Any]) -> tuple[str, str]:
    """The Markdown and the SHA-256 of the template source it came from."""
    env = environment()
    try:
        template = env.get_template(template_name)
        text = render_limited(template, context)
    except TemplateError as exc:
        raise _explain(template_name, exc) from None
    except DocumentError:
        raise
    except Exception as exc:  # a template's own failure at run time (its file and line)
        raise runtime_problem(template_name, exc) from None
    loader = env.loader
    assert isinstance(loader, HashingLoader)
    return text, loader.hashes.get(template_name, "")


_NAMES_USED: dict[tuple[int, str], frozenset[str] | None] = {}


def names_used(template_name: str) -> frozenset[str] | None:
    """The context names a template reads, with the templates it extends, includes or
    imports; None when that cannot be known (a computed template name, a broken file).

    Lets the caller skip the queries for values a template never prints (a user's
    template in AKSANSI_TEMPLATE_DIR is read the same way). Worked out once per
    template per environment, like the compiled template itself.
    """
    env = environment()
    key = (id(env), template_name)
    if key not in _NAMES_USED:
        _NAMES_USED[key] = _names_in(env, template_name, set())
    return _NAMES_USED[key]


def _names_in(env: Environment, name: str, seen: set[str]) -> frozenset[str] | None:
    from jinja2 import meta

    seen.add(name)
    loader = env.loader
    assert isinstance(loader, HashingLoader)
    try:
        tree = env.parse(loader.source_only(env, name))
    except TemplateError:
        return None
    names = set(meta.find_undeclared_variables(tree))
    for other in meta.find_referenced_templates(tree):
        if other is None:
            return None
        if other not in seen:
            found = _names_in(env, other, seen)
            if found is None:
                return None
            names |= found
    return frozenset(names)


def _explain(name: str, exc: TemplateError) -> TemplateProblem:
    where = os.environ.get("AKSANSI_TEMPLATE_DIR") or "the built-in templates"
    if isinstance(exc, SecurityError):
        return TemplateProblem(
            f"the template {name} tried to reach Python internals ({exc}); the sandbox refuses "
            f"it: use only the values and filters a letter provides (templates from {where})."
        )
    if isinstance(exc, TemplateSyntaxError):
        at = f"{exc.name or name}, line {exc.lineno}"
        return TemplateProblem(f"the template {at} has a syntax error: {exc.message}; fix it.")
    if isinstance(exc, TemplateNotFound):
        return TemplateProblem(f"no template named {exc.name} in {where} or the built-in ones.")
    if isinstance(exc, UndefinedError):
        return TemplateProblem(
            f"the template {name} uses a value the tool does not provide ({exc.message})."
        )
    return TemplateProblem(f"the template {name} failed: {exc}.")
