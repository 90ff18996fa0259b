"""The pilot evaluation on the atlas database: its panel read through the query layer
(``query.panel``) and handed to ``analysis.evaluation`` as a DataFrame.

``evaluate_atlas``, ``atlas_robustness`` and ``atlas_groups`` serve the evaluation page (a
choice of its own) and the command line; ``default_headline`` and ``headline_frame`` make the
evaluation headline product (the default evaluation, in both languages, or the reason it
cannot be run). The words are ``analysis.headline``'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import duckdb
import pandas as pd

import query
from analysis.designs import (
    DEFAULT_DESIGN,
    DEFAULT_WINDOW,
    EvaluationInputError,
    Groups,
    InsufficientDataError,
    design_groups,
)
from analysis.evaluation import Evaluation, Robustness, evaluate, robustness_check
from analysis.headline import headline_text, reason_text, subject_text
from query.panel import evaluation_panel
from vocabulary import INCIDENT_TYPES, PILOT_TYPES

Window = str | tuple[date, date]
#: The level of the headline's interval.
HEADLINE_LEVEL = 0.95
LANGUAGES = ("en", "km")


def check_provinces(
    con: duckdb.DuckDBPyConnection, provinces: Sequence[str] | None
) -> tuple[str, ...] | None:
    """The chosen pilot provinces as sorted codes (None: every province with a start).

    Raises:
        EvaluationInputError (a ValueError): if a code is not one of the database's provinces
            (``bad_province``), or the list is empty (``choose_province``).
    """
    if provinces is None:
        return None
    known = set(query.province_list(con)["province_code"])
    unknown = [p for p in provinces if p not in known]
    if unknown:
        raise EvaluationInputError("bad_province", value=unknown[0], known=", ".join(sorted(known)))
    if not provinces:
        raise EvaluationInputError("choose_province")
    return tuple(sorted(set(provinces)))


def _panel(con: duckdb.DuckDBPyConnection, types: Sequence[str]) -> pd.DataFrame:
    """The panel of ``types``.

    Raises:
        InsufficientDataError: ``no_data`` when no incident is loaded.
    """
    panel = evaluation_panel(con, types)
    if panel.empty:
        raise InsufficientDataError("no_data")
    return panel


def evaluate_atlas(
    con: duckdb.DuckDBPyConnection,
    provinces: Sequence[str] | None = None,
    types: Sequence[str] = PILOT_TYPES,
    design: str = DEFAULT_DESIGN,
    window: Window = DEFAULT_WINDOW,
    robustness: bool = True,
) -> Evaluation:
    """``analysis.evaluation.evaluate`` on the database's panel of incidents of ``types``, for
    the pilot communes of ``provinces`` (None: every province with a start).

    Raises:
        ValueError: if a province, type, design or window is unknown.
        InsufficientDataError: if the data cannot answer (its code says what is missing).
    """
    chosen = check_provinces(con, provinces)
    return evaluate(_panel(con, types), design, window, provinces=chosen, robustness=robustness)


def atlas_robustness(
    con: duckdb.DuckDBPyConnection,
    provinces: Sequence[str] | None = None,
    types: Sequence[str] = PILOT_TYPES,
    design: str = DEFAULT_DESIGN,
    window: Window = DEFAULT_WINDOW,
) -> Robustness | None:
    """The robustness line of ``evaluate_atlas`` with the same arguments, alone (the page
    draws the rest from ``evaluate_atlas(..., robustness=False)`` first).

    Raises:
        ValueError, InsufficientDataError: as ``evaluate_atlas``.
    """
    chosen = check_provinces(con, provinces)
    return robustness_check(_panel(con, types), design, window, provinces=chosen)


def atlas_groups(
    con: duckdb.DuckDBPyConnection,
    provinces: Sequence[str] | None = None,
    design: str = DEFAULT_DESIGN,
    window: Window = DEFAULT_WINDOW,
) -> Groups:
    """The pilot and comparison communes of a design and window, by role
    (``analysis.designs.design_groups``): what a map of the evaluation shows.

    Raises:
        ValueError: if a province, design or window is unknown.
        InsufficientDataError: if no commune of the provinces has a start, or no incident is
            loaded.
    """
    chosen = check_provinces(con, provinces)
    return design_groups(_panel(con, INCIDENT_TYPES), design, window, chosen)


def _reasons(exc: EvaluationInputError) -> dict[str, str]:
    """The reason in English (``reason``) and in words of both languages."""
    words = {f"reason_{lang}": reason_text(exc.code, exc.params, lang) for lang in LANGUAGES}
    return {"reason": str(exc), **words}


def default_headline(con: duckdb.DuckDBPyConnection) -> dict:
    """The default evaluation (every pilot province, arrests and confiscations, the default
    design and window, no robustness line) as the briefing pack's headline: ``effect``,
    ``low``, ``high`` (relative changes), ``method``, ``design``, ``window``, ``first_month``,
    ``last_month``, ``pilot_communes``, ``comparison_communes``, ``pre_trend_p``, the sentence
    in both languages (``text_en``, ``text_km``), ``level`` (0.95), ``provinces`` (the pilot
    provinces' codes, comma-separated), ``synthetic`` and ``reason`` (None). When the
    evaluation cannot be run, the numbers are None and ``reason`` says why (``reason_en``,
    ``reason_km`` in words).

    Raises:
        ValueError, ArithmeticError, RuntimeError: if the estimator fails on these data.
    """
    synthetic = query.is_synthetic(con)
    keys = ("effect", "low", "high", "method", "design", "window", "first_month", "last_month",
            "pilot_communes", "comparison_communes", "pre_trend_p")  # fmt: skip
    level = {"level": HEADLINE_LEVEL}
    try:
        result = evaluate_atlas(con, robustness=False)
    except InsufficientDataError as exc:
        out: dict = dict.fromkeys(keys)
        out |= {"design": DEFAULT_DESIGN, "window": DEFAULT_WINDOW}
        return out | level | {"provinces": None, "text_en": None, "text_km": None,
                              "synthetic": synthetic, **_reasons(exc)}  # fmt: skip
    data = result.to_dict()
    out = {key: data[key] for key in keys}
    subject = {lang: subject_text(PILOT_TYPES, lang) for lang in LANGUAGES}
    texts = {
        f"text_{lang}": headline_text(result.effect, result.low, result.high, subject[lang], lang)
        for lang in LANGUAGES
    }
    provinces = {"provinces": ",".join(result.provinces)}
    return out | level | provinces | texts | {"synthetic": synthetic, "reason": None,
                                             "reason_en": None, "reason_km": None}  # fmt: skip


#: The columns of the ``evaluation_headline`` table, in order, with their DuckDB types.
HEADLINE_COLUMNS = {
    "effect": "DOUBLE", "low": "DOUBLE", "high": "DOUBLE", "level": "DOUBLE",
    "method": "VARCHAR", "design": "VARCHAR", "window": "VARCHAR", "first_month": "VARCHAR",
    "last_month": "VARCHAR", "pilot_communes": "INTEGER", "comparison_communes": "INTEGER",
    "pre_trend_p": "DOUBLE", "provinces": "VARCHAR", "text_en": "VARCHAR", "text_km": "VARCHAR",
    "reason": "VARCHAR", "reason_en": "VARCHAR", "reason_km": "VARCHAR", "synthetic": "BOOLEAN",
}  # fmt: skip


def headline_frame(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """``default_headline`` as the one row of the ``evaluation_headline`` table (columns
    ``HEADLINE_COLUMNS``), the evaluation headline product. An estimator that fails on these
    data gives a row with no numbers and the failure as its reason, not an error: the headline
    is context, and the stage must not fail for it. Raises nothing the estimator raises."""
    try:
        row = default_headline(con)
    except (ValueError, ArithmeticError, RuntimeError) as exc:
        # pyfixest raises ValueError or RuntimeError when the model cannot be fitted (no
        # variation left after the fixed effects, no convergence); numpy ArithmeticError.
        failed = EvaluationInputError("failed", error=type(exc).__name__)
        row = dict.fromkeys(HEADLINE_COLUMNS)
        row |= {"level": HEADLINE_LEVEL, "design": DEFAULT_DESIGN, "window": DEFAULT_WINDOW,
                "synthetic": query.is_synthetic(con), **_reasons(failed)}  # fmt: skip
    frame = pd.DataFrame([{name: row.get(name) for name in HEADLINE_COLUMNS}])
    return frame.astype({"effect": "float64", "low": "float64", "high": "float64",
                         "level": "float64", "pre_trend_p": "float64",
                         "pilot_communes": "Int32", "comparison_communes": "Int32",
                         "synthetic": "boolean"})  # fmt: skip
