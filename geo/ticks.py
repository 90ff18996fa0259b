"""Axis ticks written in the reader's digits: plotly writes the numbers of its automatic ticks
and hover texts with 0 to 9 whatever the page's language, so a chart of a Khmer page is
given its ticks as text (``tickvals`` and ``ticktext``) and its hover texts made here."""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

#: The digits 0 to 9 as plotly writes them (a figure is given the reader's own).
LATIN_DIGITS = "0123456789"


def local(text: object, digits: str) -> str:
    """``text`` with its digits 0 to 9 written as ``digits`` (the reader's ten)."""
    return str(text).translate(str.maketrans(LATIN_DIGITS, digits))


def nice_step(span: float, most: int = 8) -> float:
    """The smallest step of 1, 2 or 5 times a power of ten that cuts ``span`` into at most
    ``most`` steps (1 for an empty span)."""
    if not span > 0 or math.isinf(span):
        return 1.0
    scale = 10.0 ** math.floor(math.log10(span / most))
    return next(f * scale for f in (1, 2, 5, 10) if span / (f * scale) <= most)


def number_ticks(values: Iterable[float], digits: str, *, suffix: str = "",
                 signed: bool = False, most: int = 8) -> dict:  # fmt: skip
    """Ticks covering ``values`` (0 included) one step beyond each end, each written with
    ``digits`` (and ``suffix``; a sign when ``signed``): layout keys of a plotly axis."""
    numbers = [float(v) for v in values if v is not None and not pd.isna(v)] + [0.0]
    low, high = min(numbers), max(numbers)
    step = nice_step(high - low, most)
    first, last = math.floor(low / step) - 1, math.ceil(high / step) + 1
    ticks = [round(i * step, 10) for i in range(first, last + 1)]
    decimals = max(0, -math.floor(math.log10(step))) if step < 1 else 0
    texts = [f"{v:+.{decimals}f}" if signed and v else f"{v:.{decimals}f}" for v in ticks]
    texts = [local(text.replace("-", "−") + suffix, digits) for text in texts]
    return {"tickmode": "array", "tickvals": ticks, "ticktext": texts}


def year_ticks(days: Iterable[object], digits: str, most: int = 8) -> dict:
    """A tick at the first of January of each year ``days`` span (every other year, or more,
    past ``most``), written as the year with ``digits``: layout keys of a plotly date axis."""
    stamps = pd.to_datetime(pd.Series(list(days))).dropna()
    if stamps.empty:
        return {}
    years = list(range(stamps.min().year, stamps.max().year + 2))
    step = max(1, math.ceil(len(years) / most))
    years = years[::step]
    return {"tickmode": "array", "tickvals": [pd.Timestamp(y, 1, 1) for y in years],
            "ticktext": [local(y, digits) for y in years]}  # fmt: skip
