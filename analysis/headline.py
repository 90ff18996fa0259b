"""The pilot evaluation on the atlas database, and its answer in words.

``evaluate_atlas`` reads the commune x month panel through the query layer
(``query.panel``) and evaluates it (``analysis.evaluation``); ``headline_text`` says the
result in one sentence, in Khmer or English; ``reason_text`` says why an evaluation could not
be run; ``default_headline`` is the briefing pack's headline: the default evaluation, or the
reason it cannot be run. No SQL here, no streamlit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

import duckdb
import pandas as pd

import query
from analysis.designs import (
    DEFAULT_DESIGN,
    DEFAULT_WINDOW,
    MIN_COMPARISON_COMMUNES,
    MIN_PILOT_COMMUNES,
    Groups,
    InsufficientDataError,
    design_groups,
)
from analysis.evaluation import Evaluation, Robustness, evaluate, robustness_check
from i18n import t
from query.panel import evaluation_panel
from vocabulary import INCIDENT_TYPES, PILOT_TYPES

__all__ = [
    "atlas_groups",
    "atlas_robustness",
    "check_provinces",
    "default_headline",
    "evaluate_atlas",
    "headline_frame",
    "headline_text",
    "note_text",
    "reason_text",
    "signed_percent",
    "subject_text",
]

Window = str | tuple[date, date]
#: The level of the headline's interval.
HEADLINE_LEVEL = 0.95


def check_provinces(
    con: duckdb.DuckDBPyConnection, provinces: Sequence[str] | None
) -> tuple[str, ...] | None:
    """The chosen pilot provinces as sorted codes (None: every province with a start).

    Raises:
        ValueError: if a code is not one of the database's provinces, or the list is empty.
    """
    if provinces is None:
        return None
    known = set(query.province_list(con)["province_code"])
    unknown = [p for p in provinces if p not in known]
    if unknown:
        raise ValueError(
            f"unknown province {unknown[0]!r}: expected a province code, one of "
            f"{', '.join(sorted(known))}"
        )
    if not provinces:
        raise ValueError("choose at least one pilot province")
    return tuple(sorted(set(provinces)))


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
        InsufficientDataError: if the data cannot answer (the message says what is missing).
    """
    chosen = check_provinces(con, provinces)
    panel = evaluation_panel(con, types)
    if panel.empty:
        raise InsufficientDataError("no incidents in the window: no incident is loaded")
    return evaluate(panel, design, window, provinces=chosen, robustness=robustness)


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
    panel = evaluation_panel(con, types)
    if panel.empty:
        raise InsufficientDataError("no incidents in the window: no incident is loaded")
    return robustness_check(panel, design, window, provinces=chosen)


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
    panel = evaluation_panel(con, INCIDENT_TYPES)
    if panel.empty:
        raise InsufficientDataError("no incidents in the window: no incident is loaded")
    return design_groups(panel, design, window, chosen)


def signed_percent(change: float) -> str:
    """A relative change as a signed whole percentage: ``−38 %``, ``+5 %``, ``0 %``."""
    value = round(change * 100)
    return "0 %" if value == 0 else f"{'+' if value > 0 else '−'}{abs(value)} %"


def subject_text(types: Sequence[str], lang: str) -> str:
    """What was counted, as the subject of the headline: arrests and confiscations (the pilot
    types), all incidents, or the chosen types."""
    chosen = set(types)
    if chosen == set(PILOT_TYPES):
        return t("group_arrests_confiscations", lang)
    if chosen == set(INCIDENT_TYPES):
        return t("eval_subject_all", lang)
    return t("eval_subject_types", lang)


def headline_text(effect: float, low: float, high: float, subject: str, lang: str) -> str:
    """The answer in one sentence: a fall or a rise with its 95 % interval when the interval
    excludes no change, otherwise that the data show no clear change."""
    if high < 0:
        values = {"pct": round(-effect * 100), "a": round(-high * 100), "b": round(-low * 100)}
        return t("eval_fell", lang, subject=subject, **values)
    if low > 0:
        values = {"pct": round(effect * 100), "a": round(low * 100), "b": round(high * 100)}
        return t("eval_rose", lang, subject=subject, **values)
    return t(
        "eval_unclear", lang, subject=subject, effect=signed_percent(effect),
        low=signed_percent(low), high=signed_percent(high),
    )  # fmt: skip


# The messages of ``InsufficientDataError`` (analysis.designs, analysis.poisson) in words of
# both languages: a pattern, the label, and the label's values from the pattern's groups.
SPAN = r"(?P<span>\d{4}-\d{2} to \d{4}-\d{2})"
REASONS = (
    (r"no incidents in the window: no incident is loaded", "eval_no_data"),
    (r"no incidents in the window: the data cover " + SPAN, "eval_window_outside"),
    (r"no incidents in the window " + SPAN, "eval_no_incidents"),
    (r"no pilot communes: no commune has a partnership start", "eval_no_pilots"),
    (r"no pilot communes: no commune of province (?P<codes>[0-9, ]+) has", "eval_no_pilots_in"),
    (r"no pre-period: every pilot commune started before the window opens", "eval_no_pre"),
    (r"too few pilot communes: (?P<n>\d+) with incidents in " + SPAN, "eval_few_pilots"),
    (r"too few comparison communes: (?P<n>\d+) with incidents in " + SPAN, "eval_few_comparison"),
    (r"no pre-period incidents: .* in " + SPAN, "eval_no_pre_incidents"),
    (r"no incidents in the pilot communes after their start in " + SPAN, "eval_no_post"),
    (r"the pilot communes' months after the start cannot be compared", "eval_no_overlap"),
    (r"the estimate failed on these data", "eval_failed"),
    (r"unknown province '(?P<value>[^']*)'", "eval_bad_province"),
    (r"unknown incident type '(?P<value>[^']*)'", "eval_bad_type"),
    (r"choose at least one pilot province", "eval_choose_province"),
    (r"choose at least one incident type", "eval_choose_type"),
)


def reason_text(message: str, lang: str) -> str:
    """Why the evaluation could not be run, in ``lang``: the message of an
    ``InsufficientDataError`` (or of a refused province or type) in the atlas's words; a
    message not known here is given as it is."""
    for pattern, key in REASONS:
        match = re.match(pattern, message)
        if match:
            values = {k: (v or "").replace(" to ", " – ") for k, v in match.groupdict().items()}
            values |= {"min_pilots": MIN_PILOT_COMMUNES, "min_comparison": MIN_COMPARISON_COMMUNES}
            return t(key, lang, **values)  # a label uses the values it names
    return t("eval_cannot", lang, detail=message)


def note_text(note: str, lang: str) -> str:
    """A note of the evaluation (``Evaluation.notes``) in ``lang``."""
    early = re.match(r"(\d+) pilot commune\(s\) started before the window opens \(([0-9-]+)\)",
                     note)  # fmt: skip
    if early:
        return t("eval_note_early", lang, n=early.group(1), month=early.group(2))
    if note.startswith("The robustness estimate (Callaway-Sant'Anna) could not be computed"):
        return t("eval_note_no_robustness", lang)
    return t("eval_cannot", lang, detail=note)


def default_headline(con: duckdb.DuckDBPyConnection) -> dict:
    """The default evaluation (every pilot province, arrests and confiscations, the default
    design and window, no robustness line) as the briefing pack's headline: ``effect``,
    ``low``, ``high`` (relative changes), ``method``, ``design``, ``window``, ``first_month``,
    ``last_month``, ``pilot_communes``, ``comparison_communes``, ``pre_trend_p``, the sentence
    in both languages (``text_en``, ``text_km``), ``level`` (0.95), ``provinces`` (the pilot
    provinces' codes, comma-separated), ``synthetic`` and ``reason`` (None). When the
    evaluation cannot be run, the numbers are None and ``reason`` says why (``reason_en``,
    ``reason_km`` in words)."""
    synthetic = query.is_synthetic(con)
    keys = ("effect", "low", "high", "method", "design", "window", "first_month", "last_month",
            "pilot_communes", "comparison_communes", "pre_trend_p")  # fmt: skip
    level = {"level": HEADLINE_LEVEL}
    try:
        result = evaluate_atlas(con, robustness=False)
    except InsufficientDataError as exc:
        out: dict = dict.fromkeys(keys)
        out |= {"design": DEFAULT_DESIGN, "window": DEFAULT_WINDOW}
        reason = str(exc)
        texts = {f"reason_{lang}": reason_text(reason, lang) for lang in ("en", "km")}
        return out | level | {"provinces": None, "text_en": None, "text_km": None,
                              "synthetic": synthetic, "reason": reason, **texts}  # fmt: skip
    data = result.to_dict()
    out = {key: data[key] for key in keys}
    subject = {lang: subject_text(PILOT_TYPES, lang) for lang in ("en", "km")}
    texts = {
        f"text_{lang}": headline_text(result.effect, result.low, result.high, subject[lang], lang)
        for lang in ("en", "km")
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
    ``HEADLINE_COLUMNS``), written by the ETL with every database and its briefing store.
    An estimator that fails on these data gives a row with no numbers and the failure as its
    reason, not an error: the headline is context, and the build must not fail for it."""
    try:
        row = default_headline(con)
    except (InsufficientDataError, ValueError, ArithmeticError, RuntimeError) as exc:
        # pyfixest raises ValueError or RuntimeError when the model cannot be fitted (no
        # variation left after the fixed effects, no convergence); numpy ArithmeticError.
        reason = f"the estimate failed on these data ({type(exc).__name__})"
        row = dict.fromkeys(HEADLINE_COLUMNS)
        row |= {"level": HEADLINE_LEVEL, "design": DEFAULT_DESIGN, "window": DEFAULT_WINDOW,
                "reason": reason, "reason_en": reason_text(reason, "en"),
                "reason_km": reason_text(reason, "km"),
                "synthetic": query.is_synthetic(con)}  # fmt: skip
    frame = pd.DataFrame([{name: row.get(name) for name in HEADLINE_COLUMNS}])
    return frame.astype({"effect": "float64", "low": "float64", "high": "float64",
                         "level": "float64", "pre_trend_p": "float64",
                         "pilot_communes": "Int32", "comparison_communes": "Int32",
                         "synthetic": "boolean"})  # fmt: skip


def pilot_offsets(starts: dict[str, pd.Timestamp], day: date) -> tuple[int, int] | None:
    """Where ``day`` falls in months since the start, for the pilot communes' ``starts``: the
    earliest and the latest offset (None without a pilot commune)."""
    if not starts:
        return None
    month = pd.Timestamp(day).year * 12 + pd.Timestamp(day).month - 1
    offsets = [month - (s.year * 12 + s.month - 1) for s in starts.values()]
    return min(offsets), max(offsets)
