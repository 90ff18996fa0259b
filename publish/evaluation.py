"""The pilot evaluation on the atlas database: its panel read through the query layer
(``query.panel``) and handed to ``analysis.evaluation`` as a DataFrame.

``evaluate_atlas`` and ``atlas_groups`` serve the evaluation page (a
choice of its own) and the command line, for the choices the evaluation offers (``offered``,
``atlas_offer``) and as it may publish them (``publish.evaluation_rules``);
``default_headline`` and ``headline_frame`` make the evaluation headline product (the default
evaluation, in both languages, or the reason it cannot be run). The words are
``analysis.headline``'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

import query
from analysis.designs import (
    DEFAULT_DESIGN,
    DEFAULT_WINDOW,
    DESIGNS,
    WINDOWS,
    EvaluationInputError,
    Groups,
    InsufficientDataError,
    design_groups,
    select_sample,
)
from analysis.evaluation import Evaluation, evaluate
from analysis.headline import headline_text, reason_text, subject_text
from publish import evaluation_rules as rules
from query.panel import check_types, evaluation_panel
from vocabulary import NEGATIVE_CONTROL_TYPES, PILOT_TYPES

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
    """The panel of ``types``, with its record keys (the event study's published gates).

    Raises:
        InsufficientDataError: ``no_data`` when no incident is loaded.
    """
    panel = evaluation_panel(con, types, keys=True)
    if panel.empty:
        raise InsufficientDataError("no_data")
    return panel


@dataclass(frozen=True)
class Offered:
    """A choice the evaluation offers, checked: its panel, the pilot provinces (None: every
    one), the window's name and whole calendar years, the groups it compares by role."""

    panel: pd.DataFrame
    provinces: tuple[str, ...] | None
    window: str
    bounds: tuple[date, date]
    groups: Groups


def offered_provinces(panel: pd.DataFrame) -> tuple[str, ...]:
    """The pilot provinces offered alone: those whose groups, and what the other pilot
    provinces add to them, hold ``rules.MIN_COMMUNES`` communes each, in every design and
    window (``rules.groups_hold``), so that no choice differences down to a small group.

    Raises:
        InsufficientDataError: if no commune has a start.
    """
    offered = []
    pilots = sorted(set(panel.loc[panel["start"].notna(), "province_code"]))
    for code in pilots:
        spans = [rules.calendar_window(w, panel) for w in WINDOWS]
        pairs = [(design_groups(panel, d, span), design_groups(panel, d, span, (code,)))
                 for d in DESIGNS for span in spans]  # fmt: skip
        if all(rules.groups_hold(whole, part) for whole, part in pairs):
            offered.append(code)
    return tuple(offered)


def atlas_offer(con: duckdb.DuckDBPyConnection) -> tuple[str, ...]:
    """The pilot provinces the evaluation offers alone on these facts (``offered_provinces``);
    empty without incidents or starts. Raises nothing the data can cause."""
    try:
        return offered_provinces(_panel(con, PILOT_TYPES))
    except InsufficientDataError:
        return ()


def _one_province(panel: pd.DataFrame, chosen: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """Every pilot province (None), or one province offered alone.

    Raises:
        EvaluationInputError: ``one_province`` for another set, ``province_not_offered``.
        InsufficientDataError: ``no_pilots_in`` for a province without a start.
    """
    pilots = set(panel.loc[panel["start"].notna(), "province_code"])
    if chosen is None or (pilots and set(chosen) == pilots):
        return None
    if len(chosen) > 1:
        raise EvaluationInputError("one_province")
    if chosen[0] not in pilots:
        raise InsufficientDataError("no_pilots_in", codes=chosen[0])
    if chosen[0] not in offered_provinces(panel):
        raise EvaluationInputError("province_not_offered", min_communes=rules.MIN_COMMUNES)
    return chosen


def offered(
    con: duckdb.DuckDBPyConnection,
    provinces: Sequence[str] | None,
    types: Sequence[str],
    design: str,
    window: object,
) -> Offered:
    """The choice checked against what the evaluation offers (``publish.evaluation_rules``).

    Raises:
        ValueError: if a province, type, design or window is unknown.
        EvaluationInputError: if the choice is not offered (types, a set of provinces, a
            province whose groups are small).
        InsufficientDataError: if the data cannot answer, or a group holds fewer than
            ``rules.MIN_COMMUNES`` communes (``small_groups``).
    """
    chosen = check_provinces(con, provinces)
    rules.check_types(check_types(types))
    if design not in DESIGNS:
        raise ValueError(f"unknown design {design!r}: expected one of {', '.join(DESIGNS)}")
    panel = _panel(con, types)
    bounds = rules.calendar_window(window, panel)
    try:
        chosen = _one_province(panel, chosen)
        groups = design_groups(panel, design, bounds, chosen)
    except EvaluationInputError as exc:
        raise rules.protected_error(exc) from None
    if not rules.groups_hold(groups):
        raise InsufficientDataError("small_groups", min_communes=rules.MIN_COMMUNES)
    return Offered(panel, chosen, str(window), bounds, groups)


def _active(choice: Offered, design: str) -> None:
    """Refuse a sample with fewer than ``rules.MIN_COMMUNES`` communes with incidents.

    Raises:
        InsufficientDataError: as ``rules.check_active`` or the sample's own refusals, in the
            atlas's words.
    """
    try:
        sample = select_sample(choice.panel, design, choice.bounds, choice.provinces)
    except EvaluationInputError as exc:
        raise rules.protected_error(exc) from None
    if min(sample.pilot_communes, sample.comparison_communes) < rules.MIN_COMMUNES:
        raise InsufficientDataError(
            "too_few_pilots" if sample.pilot_communes < rules.MIN_COMMUNES
            else "too_few_comparison"
        )  # fmt: skip


def evaluate_atlas(
    con: duckdb.DuckDBPyConnection,
    provinces: Sequence[str] | None = None,
    types: Sequence[str] = PILOT_TYPES,
    design: str = DEFAULT_DESIGN,
    window: Window = DEFAULT_WINDOW,
    robustness: bool = True,
) -> Evaluation:
    """``analysis.evaluation.evaluate`` on the database's panel of incidents of ``types``, for
    the pilot communes of ``provinces`` (None or every pilot province: all of them; or one
    province offered alone), as it may be published (``publish.evaluation_rules.protect``).
    With the robustness line, the negative control is the panel of ``NEGATIVE_CONTROL_TYPES``
    not among ``types`` (none left: no control, and the verdict cannot be "fell").

    Raises:
        ValueError: if a province, type, design or window is unknown.
        EvaluationInputError: if the choice is not offered.
        InsufficientDataError: if the data cannot answer (its code says what is too small,
            without a number), or the estimator fails on them (``failed``, with the error's
            type only: an estimator's message may state counts).
    """
    choice = offered(con, provinces, types, design, window)
    _active(choice, design)
    controls = tuple(t for t in NEGATIVE_CONTROL_TYPES if t not in types) if robustness else ()
    control = evaluation_panel(con, controls) if controls else None
    try:
        result = evaluate(choice.panel, design, choice.bounds, provinces=choice.provinces,
                          robustness=robustness, bin_months=rules.BIN_MONTHS, control=control,
                          control_types=controls)  # fmt: skip
    except EvaluationInputError as exc:
        raise rules.protected_error(exc) from None
    except (ValueError, ArithmeticError, RuntimeError) as exc:  # the fit's own words may count
        raise InsufficientDataError("failed", error=type(exc).__name__) from None
    rules.check_active(result)
    passing = rules.published_bins(choice.panel, choice.groups, result.event_study)
    return rules.protect(result, choice.groups, passing, choice.window)


def atlas_groups(
    con: duckdb.DuckDBPyConnection,
    provinces: Sequence[str] | None = None,
    design: str = DEFAULT_DESIGN,
    window: Window = DEFAULT_WINDOW,
) -> Groups:
    """The pilot and comparison communes of a design and window, by role
    (``analysis.designs.design_groups``): what a map of the evaluation shows.

    Raises:
        ValueError, EvaluationInputError: if the choice is unknown or not offered.
        InsufficientDataError: if no commune of the provinces has a start, no incident is
            loaded, or a group is small.
    """
    return offered(con, provinces, PILOT_TYPES, design, window).groups


def _reasons(exc: EvaluationInputError) -> dict[str, str]:
    """The reason in English (``reason``) and in words of both languages."""
    words = {f"reason_{lang}": reason_text(exc.code, exc.params, lang) for lang in LANGUAGES}
    return {"reason": str(exc), **words}


def default_headline(con: duckdb.DuckDBPyConnection) -> dict:
    """The default evaluation (every pilot province, arrests and confiscations, the default
    design and window, with its checks) as the briefing pack's headline: ``effect``, ``low``,
    ``high`` (relative changes), ``method``, ``design``, ``window``, ``first_month``,
    ``last_month``, ``pilot_communes``, ``comparison_communes`` (communes by role, never
    incidents), ``pre_trend_p``, the checks (``CHECK_COLUMNS``: the robustness line, the
    drift check, the negative control, the verdict and its reasons' codes), the sentence in
    both languages (``text_en``, ``text_km``), ``level`` (0.95), ``provinces`` (the pilot
    provinces' codes, comma-separated), ``synthetic`` and ``reason`` (None); every number as
    ``publish.evaluation_rules`` publishes it. When the evaluation cannot be run, the numbers
    are None and ``reason`` says why (``reason_en``, ``reason_km`` in words).

    Raises:
        ValueError, ArithmeticError, RuntimeError: if the estimator fails on these data.
    """
    synthetic = query.is_synthetic(con)
    keys = ("effect", "low", "high", "method", "design", "window", "first_month", "last_month",
            "pilot_communes", "comparison_communes", "pre_trend_p")  # fmt: skip
    level = {"level": HEADLINE_LEVEL}
    try:
        result = evaluate_atlas(con, robustness=True)
    except InsufficientDataError as exc:
        out: dict = dict.fromkeys((*keys, *CHECK_COLUMNS))
        out |= {"design": DEFAULT_DESIGN, "window": DEFAULT_WINDOW}
        return out | level | {"provinces": None, "text_en": None, "text_km": None,
                              "synthetic": synthetic, **_reasons(exc)}  # fmt: skip
    data = result.to_dict()
    out = {key: data[key] for key in keys} | check_columns(data)
    subject = {lang: subject_text(PILOT_TYPES, lang) for lang in LANGUAGES}
    texts = {
        f"text_{lang}": headline_text(result.effect, result.low, result.high, subject[lang], lang)
        for lang in LANGUAGES
    }
    provinces = {"provinces": ",".join(result.provinces)}
    return out | level | provinces | texts | {"synthetic": synthetic, "reason": None,
                                             "reason_en": None, "reason_km": None}  # fmt: skip


#: The checks' columns of the headline: (part of ``Evaluation.to_dict``, its key) by column.
CHECK_FIELDS = {
    "robustness_effect": ("robustness", "effect"), "robustness_low": ("robustness", "low"),
    "robustness_high": ("robustness", "high"), "drift_effect": ("sensitivity", "effect"),
    "drift_low": ("sensitivity", "low"), "drift_high": ("sensitivity", "high"),
    "drift_slope": ("sensitivity", "pre_slope"), "drift_breakdown": ("sensitivity", "breakdown"),
    "control_types": ("negative_control", "types"),
    "control_effect": ("negative_control", "effect"), "control_low": ("negative_control", "low"),
    "control_high": ("negative_control", "high"), "control_p": ("negative_control", "p"),
    "control_relative_effect": ("negative_control", "adjusted_effect"),
    "control_relative_low": ("negative_control", "adjusted_low"),
    "control_relative_high": ("negative_control", "adjusted_high"),
    "verdict": ("verdict", None), "verdict_reasons": ("verdict_reasons", None),
}  # fmt: skip
#: The checks' columns and their DuckDB types (codes as comma-separated text).
CHECK_COLUMNS = {name: "VARCHAR" if name in ("control_types", "verdict", "verdict_reasons")
                 else "DOUBLE" for name in CHECK_FIELDS}  # fmt: skip


def check_columns(data: dict) -> dict[str, object]:
    """The checks of ``Evaluation.to_dict`` (already published) as the headline's columns
    (``CHECK_FIELDS``): None where a check could not be made; lists of codes joined by
    commas. Raises nothing."""
    out: dict[str, object] = {}
    for column, (part, key) in CHECK_FIELDS.items():
        value = data.get(part) if key is None else (data.get(part) or {}).get(key)
        out[column] = ",".join(value) if isinstance(value, list | tuple) else value
    return out


#: The columns of the ``evaluation_headline`` table, in order, with their DuckDB types.
HEADLINE_COLUMNS = {
    "effect": "DOUBLE", "low": "DOUBLE", "high": "DOUBLE", "level": "DOUBLE",
    "method": "VARCHAR", "design": "VARCHAR", "window": "VARCHAR", "first_month": "VARCHAR",
    "last_month": "VARCHAR", "pilot_communes": "INTEGER", "comparison_communes": "INTEGER",
    "pre_trend_p": "DOUBLE", "provinces": "VARCHAR", "text_en": "VARCHAR", "text_km": "VARCHAR",
    "reason": "VARCHAR", "reason_en": "VARCHAR", "reason_km": "VARCHAR", "synthetic": "BOOLEAN",
    **CHECK_COLUMNS,
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
    numbers = [c for c, kind in HEADLINE_COLUMNS.items() if kind == "DOUBLE"]
    return frame.astype({**dict.fromkeys(numbers, "float64"), "pilot_communes": "Int32",
                         "comparison_communes": "Int32", "synthetic": "boolean"})  # fmt: skip
