"""Score an assessment with the rubric in `states/ksm_rubric.py` (pure: no database).

Ages are counted to the visit day, not to today, so a stored score never drifts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from states.ksm_rubric import ASPECTS, HIJAU_FROM, KUNING_FROM, RUBRIC, RUBRIC_VERSION, Criterion


@dataclass(frozen=True)
class AspectScore:
    aspect: str
    score: int
    light: str
    needs: list[str]  # the `need` of each criterion earning less than half its weight


def light_for(score: int) -> str:
    if score >= HIJAU_FROM:
        return "hijau"
    if score >= KUNING_FROM:
        return "kuning"
    return "merah"


def score_assessment(values: dict[str, Any], visited_on: date) -> dict[str, AspectScore]:
    """aspect → its score, light and needs, for one visit's field values."""
    return {aspect: _score_aspect(aspect, values, visited_on) for aspect in ASPECTS}


def aspect_scores(values: dict[str, Any], visited_on: date) -> tuple[int, ...]:
    """Each aspect's score in `ASPECTS` order, as `score_assessment` gives it (no needs)."""
    return tuple(round(_total(criteria, values, visited_on)) for criteria in _CRITERIA)


def rubric_version() -> str:
    return RUBRIC_VERSION


def _score_aspect(aspect: str, values: dict[str, Any], visited_on: date) -> AspectScore:
    needs = [
        criterion["need"]
        for criterion in RUBRIC[aspect]
        if criterion_fraction(criterion, values, visited_on) < 0.5
    ]
    score = round(_total(_CRITERIA[ASPECTS.index(aspect)], values, visited_on))
    return AspectScore(aspect, score, light_for(score), needs)


# field, weight, rule, the criterion, and its parts already worked out (None: its rule
# reads other fields or the visit day too)
Compiled = list[tuple[str, float, Any, Criterion, dict[Any, float] | None]]
VALUE_ONLY_RULES = frozenset({"enum", "bool", "at_least", "share", "count", "at_most"})
REMEMBERED = 1024  # parts remembered per criterion (its field's few values)
_KEYS = (str, int, float, bool)  # equal keys (1, 1.0, True) earn equal fractions


def _total(criteria: Compiled, values: dict[str, Any], visited_on: date) -> float:
    """The sum of weight × fraction; an empty field adds nothing (its fraction is 0)."""
    total = 0.0
    for name, weight, rule, criterion, parts in criteria:
        value = values.get(name)
        if value is None:
            continue
        part = None if parts is None or type(value) not in _KEYS else parts.get(value)
        if part is None:
            fraction = float(rule(criterion, value, values, visited_on))
            part = weight * max(0.0, min(1.0, fraction))
            if parts is not None and type(value) in _KEYS and len(parts) < REMEMBERED:
                parts[value] = part
        total += part
    return total


def criterion_fraction(criterion: Criterion, values: dict[str, Any], visited_on: date) -> float:
    """0–1 for one criterion; an empty field earns 0."""
    value = values.get(criterion["field"])
    if value is None:
        return 0.0
    fraction = _RULES[criterion["rule"]](criterion, value, values, visited_on)
    return max(0.0, min(1.0, float(fraction)))


def _enum(c: Criterion, value: Any, _values: dict[str, Any], _on: date) -> float:
    return float(c["points"].get(value, 0.0))


def _bool(_c: Criterion, value: Any, _values: dict[str, Any], _on: date) -> float:
    return 1.0 if value else 0.0


def _at_least(c: Criterion, value: Any, _values: dict[str, Any], _on: date) -> float:
    return float(value / c["target"])


def _share(_c: Criterion, value: Any, _values: dict[str, Any], _on: date) -> float:
    return float(value / 100)


def _ratio(c: Criterion, value: Any, values: dict[str, Any], _on: date) -> float:
    per = values.get(c["per"])
    if per is None:
        return 0.0
    if per == 0:
        return 1.0 if value > 0 else 0.0
    return float(value / per / c["target"])


def _age(c: Criterion, value: Any, _values: dict[str, Any], visited_on: date) -> float:
    days = (visited_on - value).days
    for step in c["steps"]:
        if days <= step["max_days"]:
            return float(step["fraction"])
    return 0.0


def _count(c: Criterion, value: Any, _values: dict[str, Any], _on: date) -> float:
    listed = value if isinstance(value, (list, tuple, set)) else str(value).split(",")
    return float(len({item.strip() for item in listed if item.strip()}) / c["of"])


def _at_most(c: Criterion, value: Any, _values: dict[str, Any], _on: date) -> float:
    return float(1 - value / c["zero_at"])


_RULES = {
    "enum": _enum,
    "bool": _bool,
    "at_least": _at_least,
    "share": _share,
    "ratio": _ratio,
    "age": _age,
    "count": _count,
    "at_most": _at_most,
}


# Each aspect's criteria in `ASPECTS` order, their rule looked up once.
def _compiled(c: Criterion) -> tuple[str, float, Any, Criterion, dict[Any, float] | None]:
    parts: dict[Any, float] | None = {} if c["rule"] in VALUE_ONLY_RULES else None
    return c["field"], c["weight"], _RULES[c["rule"]], c, parts


_CRITERIA: list[Compiled] = [[_compiled(c) for c in RUBRIC[aspect]] for aspect in ASPECTS]
