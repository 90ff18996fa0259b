"""The province ranking's inputs, read through the protection layer (``query.published``).

One row per province with ``analysis.ranking.INPUT_COLUMNS``, built only from published cells
and public tables, so it reads the same from the database and from its briefing store (province
tables only):

- incidents: the published count of each province's cell of the key populations (the numerator
  of the Explore page's rate, ``published.rate_filters``) in the latest calendar year of data
  (the grid's latest window) and in the calendar year before the Village/Commune Safety Policy
  of August 2010 (2009, when the data reach back that far; missing otherwise). A count that
  reads ``<5`` enters as ``stand_in()`` (the mean of 0 to 4, 2 at the default threshold), never
  as itself: the true count never leaves ``query.cells``. Each count comes with the range of
  true counts its reading stands for (``count_range``, from ``query.cellkey.greatest_move``), which
  the ranking's uncertainty draws from;
- key-population sizes: the public estimates of the year nearest each window (as the rate's
  denominator, ``query.explore.unit_view``);
- communes and communes with partnership in the latest calendar year: ``unit_view``;
- services: every service point of the province (public or not: only their number) open at
  some time in the latest calendar year, from ``province_services``;
- police academies: the ``academies`` table, summed by province
  (``analysis.ranking_criteria.aggregate_academies``); a province without one has 0 trainees,
  and with no academies file loaded at all, readiness is missing everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import duckdb
import numpy as np
import pandas as pd

from analysis.ranking_criteria import INPUT_COLUMNS, PILOT_EFFECT, aggregate_academies
from i18n import t
from query import cellkey, explore, published, unit_layer
from query.cellkey import State
from query.grid import window_starts
from query.sql import run
from query.view import Filters, add_months, month_text
from vocabulary import KEY_POPULATIONS, POLICY_DAY

#: The first month of the calendar year before the policy's (2009: the grid's windows are
#: calendar years).
BEFORE_POLICY = date(POLICY_DAY.year - 1, 1, 1)
#: The counts beside which ``province_inputs`` gives how each reads (``query.cellkey.State``),
#: its text as published and the range of true counts it stands for.
COUNT_COLUMNS = ("incidents_12m", "incidents_before")
ACADEMY_COLUMNS = ("trainees", "modules_delivered", "pre_test_mean", "post_test_mean")


def stand_in() -> float:
    """What a count that reads ``<t`` enters the ranking as: the mean of 0 to t - 1 ((t - 1) / 2;
    2 at the default threshold of 5), whatever the true count is."""
    return (published.threshold() - 1) / 2


@dataclass(frozen=True)
class RankingWindows:
    """The two cells of each province the ranking reads: ``latest``, the latest calendar year
    of data, and ``before``, the calendar year before the policy's (None when the data do not
    reach back that far); both are the key populations' filters (``published.rate_filters``).
    ``latest`` is None when no incident is loaded."""

    latest: Filters | None
    before: Filters | None

    def describe(self, lang: str) -> str:
        """The counts' selection in words (``Filters.describe``), with the window before."""
        if self.latest is None:
            return t("no_incidents", lang)
        before = t("rank_before_missing", lang)
        if self.before is not None:
            before = f"{month_text(self.before.start)} – {month_text(self.before.end)}"
        return f"{self.latest.describe(lang)} · {t('rank_before_window', lang, period=before)}"


def ranking_windows(con: duckdb.DuckDBPyConnection) -> RankingWindows:
    """The windows the ranking's counts come from (see ``RankingWindows``)."""
    bounds = explore.month_range(con)
    if bounds is None:
        return RankingWindows(None, None)
    starts = window_starts(bounds)
    return windows_at(starts[-1], BEFORE_POLICY if BEFORE_POLICY in starts else None)


def windows_at(latest: date | None, before: date | None) -> RankingWindows:
    """The ranking's windows starting in these months (None: no such window), as
    ``ranking_windows`` gives them: what the publish stage stores is their first months."""
    return RankingWindows(
        None if latest is None else published.rate_filters(Filters(latest)),
        None if before is None else published.rate_filters(Filters(before)),
    )


def _counts(units: pd.DataFrame, prefix: str) -> pd.DataFrame:
    """A published count as the ranking takes it: shown values or the stand-in for ``<t``;
    with its state, text and the range of true counts the reading stands for
    (``count_range``)."""
    state = units["state"].to_numpy(dtype=object)
    shown = units["count"].to_numpy(float)
    low, high = count_range(shown, state)
    value = np.where(state == State.SMALL.value, stand_in(), shown)
    return pd.DataFrame(
        {
            prefix: value,
            f"{prefix}_state": state,
            f"{prefix}_text": units["text"].to_list(),
            f"{prefix}_low": low,
            f"{prefix}_high": high,
        },
        index=units["province_code"].to_list(),
    )


def count_range(shown: np.ndarray, state: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The true counts a published reading stands for, from the reading alone: 0 to t - 1
    for ``<t``; for a shown n, n - m to n + m with m ``cellkey.greatest_move(t)``, at least t
    (a shown count is never below the threshold). NaN where the count is missing. Raises
    nothing."""
    t = float(published.threshold())
    move = cellkey.greatest_move(published.threshold())
    small = state == State.SMALL.value
    low = np.where(small, 0.0, np.maximum(shown - move, t))
    high = np.where(small, t - 1, shown + move)
    return low, high


def _missing_counts(codes: list[str], prefix: str) -> pd.DataFrame:
    columns = {prefix: np.nan, f"{prefix}_state": "missing", f"{prefix}_text": ""}
    columns |= {f"{prefix}_low": np.nan, f"{prefix}_high": np.nan}
    return pd.DataFrame(columns, index=codes)


_SERVICES = """
    SELECT province_code, CAST(count(*) AS INTEGER) AS services FROM province_services
    WHERE opened < $after AND (closed IS NULL OR closed >= $start) GROUP BY ALL
"""


def _services(con: duckdb.DuckDBPyConnection, view: Filters) -> pd.Series:
    """Service points open at some time in the view's period, per province code."""
    frame = run(con, _SERVICES, {"start": view.start, "after": add_months(view.end, 1)})
    return frame.set_index("province_code")["services"].astype(float)


def academies(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The police academies (public institutions): ``academy``, ``province_code``,
    ``adopted``, ``modules_delivered``, ``trainees``, ``pre_test_mean``, ``post_test_mean``,
    by province and name. The file gives no coordinates."""
    sql = """SELECT academy, province_code, adopted, modules_delivered, trainees,
        pre_test_mean, post_test_mean FROM academies ORDER BY province_code, academy"""
    return run(con, sql, {})


def _academy_columns(con: duckdb.DuckDBPyConnection, codes: list[str]) -> pd.DataFrame:
    """The four academy columns per province: 0 trainees without an academy, all missing
    when no academies file is loaded."""
    rows = academies(con)
    out = pd.DataFrame(np.nan, index=codes, columns=list(ACADEMY_COLUMNS))
    if rows.empty:
        return out
    summed = aggregate_academies(rows).set_index("province_code")
    out["trainees"] = 0.0
    out.update(summed[list(ACADEMY_COLUMNS)].astype(float))
    return out


def _base_units(con: duckdb.DuckDBPyConnection, windows: RankingWindows) -> pd.DataFrame:
    """Province rows of the latest window as ``published.units`` shows them (with no
    incident loaded: the twelve months to this month, counts missing)."""
    if windows.latest is not None:
        return published.units(con, windows.latest, "province")
    units = explore.unit_view(con, _period(windows), "province", KEY_POPULATIONS)
    return units.assign(count=np.nan, state="missing", text="")


def _period(windows: RankingWindows) -> Filters:
    """The last twelve months of data, or the twelve months to this month without data."""
    return windows.latest or Filters(add_months(date.today().replace(day=1), -11))


def province_inputs(
    con: duckdb.DuckDBPyConnection, headline: Mapping[str, object] | None = None
) -> pd.DataFrame:
    """One row per province (by code) with ``analysis.ranking.INPUT_COLUMNS`` and
    ``pilot_effect``, then for each count its ``_state`` and ``_text`` as published and the
    range of true counts it stands for (``_low``, ``_high``: ``count_range``). The pilot
    effect comes from ``headline`` (the evaluation headline, as ``evaluation_headline`` gives
    it), or, when None, from the headline stored in the file, if it holds one.

    Raises:
        duckdb.Error: if the file is not an atlas database or briefing store of this version.
    """
    windows = ranking_windows(con)
    units = _base_units(con, windows)
    codes = units["province_code"].to_list()
    latest = _counts(units, "incidents_12m") if windows.latest else None
    if latest is None:
        latest = _missing_counts(codes, "incidents_12m")
    before, kp_before = _missing_counts(codes, "incidents_before"), pd.Series(np.nan, codes)
    if windows.before is not None:
        earlier = published.units(con, windows.before, "province")
        before = _counts(earlier, "incidents_before")
        kp_before = pd.Series(earlier["kp_size"].to_numpy(float), index=earlier["province_code"])
    communes = units["n_communes"].to_numpy(float)
    partnered = np.minimum(units["communes_partnered"].to_numpy(float), communes)
    frame = pd.DataFrame(
        {
            "province_code": codes,
            "name_en": units["province_name_en"].to_list(),
            "name_km": units["province_name_km"].to_list(),
            "kp_size": units["kp_size"].to_numpy(float),
            "kp_size_before": kp_before.reindex(codes).to_numpy(float),
            "services": _services(con, _period(windows)).reindex(codes).fillna(0.0).to_numpy(),
            "communes": communes,
            "communes_without_partnership": communes - partnered,
        }
    )
    frame = frame.join(latest, on="province_code").join(before, on="province_code")
    frame = frame.join(_academy_columns(con, codes), on="province_code")
    frame = frame.join(_kp_ranges(con, _period(windows), frame), on="province_code")
    frame = frame.join(_positions(con), on="province_code")
    frame = frame.join(partnership_starts(con), on="province_code")
    if headline is None:
        headline = evaluation_headline(con)
    frame[PILOT_EFFECT.name] = _pilot_effects(headline, codes)
    extra = [f"{c}_{part}" for c in COUNT_COLUMNS for part in ("state", "text", "low", "high")]
    columns = [*INPUT_COLUMNS, PILOT_EFFECT.name, *EXTRA_COLUMNS, *extra]
    return frame[columns].reset_index(drop=True)


#: The optional input columns ``province_inputs`` gives (``ranking_criteria.OPTIONAL_COLUMNS``).
EXTRA_COLUMNS = ("kp_low", "kp_high", "lon", "lat", "partnership_start")

_KP_RANGES = """
    WITH est AS (
        SELECT province_code, estimate, low, high FROM kp_estimates
        WHERE list_contains($rate_pops, CAST(population AS VARCHAR))
        QUALIFY row_number() OVER (PARTITION BY province_code, population
            ORDER BY abs(year - $mid_year), year DESC, source) = 1
    )
    SELECT province_code, sum(estimate) AS estimate, sum(coalesce(low, estimate)) AS kp_low,
        sum(coalesce(high, estimate)) AS kp_high
    FROM est GROUP BY ALL HAVING count(*) = len($rate_pops)
"""


def _kp_ranges(con: duckdb.DuckDBPyConnection, view: Filters, frame: pd.DataFrame) -> pd.DataFrame:
    """The published low and high ends of each province's key-population estimate (the same
    estimates, nearest year and populations as the rate's denominator); where the sum of the
    estimates differs from the size used, the ends are scaled to it."""
    mid = (view.start.year + view.end.year) / 2
    found = run(con, _KP_RANGES, {"rate_pops": list(KEY_POPULATIONS), "mid_year": mid})
    found = found.set_index("province_code").astype(float)
    size = frame.set_index("province_code")["kp_size"].astype(float)
    scale = (size / found["estimate"].reindex(size.index)).where(lambda v: np.isfinite(v))
    return pd.DataFrame(
        {
            "kp_low": found["kp_low"].reindex(size.index) * scale,
            "kp_high": found["kp_high"].reindex(size.index) * scale,
        }
    )


def _positions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """A point inside each province (its display outline's representative point), in degrees:
    ``lon`` and ``lat`` by province code, for the distances to the police academies."""
    layer = unit_layer(con, "province")
    points = layer.geometry.representative_point()
    return pd.DataFrame(
        {"lon": points.x.to_numpy(), "lat": points.y.to_numpy()},
        index=layer["province_code"].to_list(),
    )


def partnership_starts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The first month with a partnership activity in each province that has one
    (``partnership_start``, ISO date text) from the province table
    ``province_partnership_monthly`` (in the database and its briefing store)."""
    sql = """SELECT province_code, CAST(min(month) AS VARCHAR) AS partnership_start
        FROM province_partnership_monthly WHERE communes_partnered > 0 GROUP BY ALL"""
    return run(con, sql, {}).set_index("province_code")


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    sql = "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
    return set(run(con, sql, {})["table_name"])


def evaluation_headline(con: duckdb.DuckDBPyConnection) -> dict[str, object] | None:
    """The pilot evaluation's headline stored with the data (table ``evaluation_headline``,
    first row: ``effect``, ``low``, ``high``, ``method``, and optionally ``level`` and
    ``provinces``, as ``analysis.evaluation.Evaluation.to_dict`` names them), or None when
    the evaluation has not been run on these data."""
    if "evaluation_headline" not in _tables(con):
        return None
    frame = run(con, "SELECT * FROM evaluation_headline LIMIT 1", {})
    if frame.empty:
        return None
    row = frame.iloc[0].to_dict()
    return {k: (None if _is_missing(v) else v) for k, v in row.items()}


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value))


def _pilot_effects(headline: Mapping[str, object] | None, codes: list[str]) -> list[float]:
    """The effect the evaluation measured, for the provinces it covered (context only)."""
    if not headline or headline.get("effect") is None:
        return [np.nan] * len(codes)
    covered = headline.get("provinces") or ()
    if isinstance(covered, str):
        covered = [c.strip() for c in covered.split(",")]
    return [float(headline["effect"]) if c in set(covered) else np.nan for c in codes]
