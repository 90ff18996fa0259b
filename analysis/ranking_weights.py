"""The ranking's weights: defaults, ``NAME=VALUE`` arguments, and one validation.

Weights are relative: they are checked, merged onto the defaults and scaled to sum to 1.
Every problem is reported at once, in one ``WeightError`` whose message names it.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping

from analysis.ranking_criteria import CRITERION_NAMES, DEFAULT_WEIGHTS, PILOT_EFFECT


class WeightError(ValueError):
    """Weights that cannot be used: unknown names, not numbers, negative, or all zero."""


def parse_weight_args(args: Iterable[str]) -> dict[str, float]:
    """``["disruption_rate=2", ...]`` (the CLI's ``--weight NAME=VALUE``) as a mapping.

    Raises WeightError naming each argument that is not NAME=VALUE, whose value is not a
    number, or whose name is given twice; names are checked by ``resolve_weights``."""
    parsed: dict[str, float] = {}
    problems: list[str] = []
    for arg in args:
        name, sep, text = arg.partition("=")
        name = name.strip()
        if not sep or not name:
            problems.append(f"{arg!r} is not NAME=VALUE")
            continue
        try:
            value = float(text)
        except ValueError:
            problems.append(f"{name}: {text.strip()!r} is not a number")
            continue
        if name in parsed:
            problems.append(f"{name} is given twice")
        parsed[name] = value
    if problems:
        raise WeightError("weights: " + "; ".join(problems))
    return parsed


def resolve_weights(overrides: Mapping[str, float] | None = None) -> dict[str, float]:
    """The defaults with ``overrides`` applied, scaled to sum to 1, in criteria order.

    A weight of 0 leaves a criterion out of the score. Raises WeightError naming the unknown
    names (and listing the known ones), the values that are not finite numbers, the negative
    ones, or saying that every weight is zero."""
    merged = dict(DEFAULT_WEIGHTS)
    problems: list[str] = []
    unknown = [name for name in overrides or {} if name not in DEFAULT_WEIGHTS]
    if PILOT_EFFECT.name in unknown:
        problems.append(
            f"{PILOT_EFFECT.name} is shown as context, not scored, so it takes no weight"
        )
        unknown.remove(PILOT_EFFECT.name)
    if unknown:
        problems.append(
            f"unknown criteria: {', '.join(unknown)}; the criteria are: "
            f"{', '.join(CRITERION_NAMES)}"
        )
    for name, value in (overrides or {}).items():
        if name not in DEFAULT_WEIGHTS:
            continue
        if not _is_finite_number(value):
            problems.append(f"{name}={value!r} is not a finite number")
        elif value < 0:
            problems.append(f"{name}={value:g} is negative; weights are 0 or more")
        else:
            merged[name] = float(value)
    if problems:
        raise WeightError("weights: " + "; ".join(problems))
    total = sum(merged.values())
    if total <= 0:
        raise WeightError(
            "weights: all weights are zero; give at least one criterion a positive weight "
            f"({', '.join(CRITERION_NAMES)})"
        )
    return {name: merged[name] / total for name in CRITERION_NAMES}


def _is_finite_number(value: object) -> bool:
    """True for an int or float that is neither NaN nor infinite (bools are not weights)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return False
    return math.isfinite(float(value))
