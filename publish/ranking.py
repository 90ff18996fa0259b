"""The ranking page's products, in the briefing store (province level, the same for every
audience): its inputs as the protection layer publishes them, the windows their counts come
from, and the ranking at the default weights and method (what every visitor sees first).
"""

from __future__ import annotations

import duckdb
import pandas as pd

from analysis.ranking import DEFAULT_METHOD, DEFAULT_WEIGHTS, Ranking, rank_provinces
from publish.codec import dumps, ranking_from_json
from publish.product import Inputs, Reader, Table, first_row
from query import products, published
from query import ranking as ranking_query

WINDOW_COLUMNS = {"latest_start": "DATE", "before_start": "DATE"}
DEFAULT_COLUMNS = {"method": "VARCHAR", "weights": "VARCHAR", "ranking": "VARCHAR"}


def make_ranking_inputs(inputs: Inputs) -> dict[str, Table]:
    """``ranking_inputs`` (``query.ranking.province_inputs``, the pilot effect from the
    evaluation headline product) and ``ranking_windows`` (the first month of each window, or
    none)."""
    headline = first_row(inputs.made["evaluation_headline"]["evaluation_headline"])
    frame = ranking_query.province_inputs(inputs.con, headline)
    windows = ranking_query.ranking_windows(inputs.con)
    starts = {"latest_start": windows.latest, "before_start": windows.before}
    row = {name: None if view is None else view.start for name, view in starts.items()}
    return {"ranking_inputs": frame, "ranking_windows": pd.DataFrame([row])}


def stored_inputs(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The ranking's inputs in the briefing store open on ``con``: the product, or computed
    on the store itself when it holds none (a store published before the product existed, or
    the product failed): either way, from the store's one build."""
    frame = products.product_table(con, "ranking_inputs")
    return ranking_query.province_inputs(con) if frame is None else frame


def stored_windows(con: duckdb.DuckDBPyConnection) -> ranking_query.RankingWindows:
    """The windows of ``stored_inputs``' counts (the product, or computed on the store)."""
    frame = products.product_table(con, "ranking_windows")
    if frame is None or products.product_table(con, "ranking_inputs") is None:
        return ranking_query.ranking_windows(con)
    row = first_row(frame)
    days = [None if row[c] is None else pd.Timestamp(row[c]).date() for c in WINDOW_COLUMNS]
    return ranking_query.windows_at(*days)


def stored_default(con: duckdb.DuckDBPyConnection) -> Ranking | None:
    """The ranking at the default weights and method in the store open on ``con`` (None when
    it holds none)."""
    frame = products.product_table(con, "ranking_default")
    return None if frame is None else ranking_from_json(first_row(frame)["ranking"])


def make_ranking_default(inputs: Inputs) -> dict[str, Table]:
    """``ranking_default``: the ranking at the default weights and method, as JSON.

    Raises:
        analysis.ranking.RankingInputError: if the inputs cannot be ranked.
    """
    frame = inputs.made["ranking_inputs"]["ranking_inputs"]
    ranking = rank_provinces(frame, dict(DEFAULT_WEIGHTS), method=DEFAULT_METHOD, sensitivity=True)
    row = {"method": DEFAULT_METHOD, "weights": dumps(DEFAULT_WEIGHTS), "ranking": dumps(ranking)}
    return {"ranking_default": pd.DataFrame([row])}


def check_one_row_per_province(read: Reader) -> str | None:
    """The inputs hold each province once."""
    codes = read("ranking_inputs")["province_code"]
    if codes.empty:
        return "no province"
    twice = sorted(codes[codes.duplicated()].unique())
    return f"provinces more than once: {', '.join(twice)}" if twice else None


def check_counts_as_published(read: Reader) -> str | None:
    """No count reads as a number below the threshold (those read ``<t``)."""
    frame, limit = read("ranking_inputs"), published.threshold()
    for column in ("incidents_12m_text", "incidents_before_text"):
        values = pd.to_numeric(frame[column].str.replace(",", ""), errors="coerce")
        small = values.between(1, limit - 1)
        if small.any():
            return f"{int(small.sum())} values of {column} below {limit} are shown"
    return None


def check_ranks_complete(read: Reader) -> str | None:
    """The default ranking ranks every candidate it can, 1 to n without a gap, and lists every
    province either ranked or left out (the partnership's, listed apart)."""
    ranking = ranking_from_json(first_row(read("ranking_default"))["ranking"])
    ranks = [p.rank for p in ranking.provinces if p.rank is not None]
    inputs = len(read("ranking_inputs"))
    listed = len(ranking.provinces) + len(ranking.excluded)
    if listed != inputs:
        return f"{listed} provinces ranked or left out of {inputs}"
    return None if sorted(ranks) == list(range(1, len(ranks) + 1)) else f"ranks {sorted(ranks)}"
