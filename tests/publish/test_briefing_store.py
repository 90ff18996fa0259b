"""The briefing store: province tables only (and the ranking's products), published from each
build of the database, publishing the same numbers as the database does."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import query
from etl.schema import BRIEFING_PRODUCT_TABLES, BRIEFING_TABLES, briefing_store_path
from query import published
from query.file_counts import file_count_text
from query.view import Filters

pytestmark = pytest.mark.integration


def test_the_store_beside_the_database_holds_its_tables_only(built_db: Path) -> None:
    store = briefing_store_path(built_db)
    assert store.name == "atlas_briefing.duckdb" and store.is_file()
    with duckdb.connect(str(store), read_only=True) as con:
        tables = {t for (t,) in con.execute("SHOW TABLES").fetchall()}
        assert tables == set(BRIEFING_TABLES) | set(BRIEFING_PRODUCT_TABLES)
        places = con.execute(
            "SELECT count(*) FILTER (polygon_id IS NOT NULL OR commune_code IS NOT NULL) "
            "FROM incidents_monthly").fetchone()[0]  # fmt: skip
        assert places == 0


def test_no_commune_name_or_code_is_anywhere_in_the_store(built_db: Path) -> None:
    with duckdb.connect(str(built_db), read_only=True) as atlas:
        communes = atlas.execute(
            "SELECT commune_code, commune_name_en, commune_name_km FROM communes"
        ).fetchall()
        provinces = {
            n
            for row in atlas.execute(
                "SELECT province_name_en, province_name_km FROM provinces"
            ).fetchall()
            for n in row
        }
    # A commune named like a province or part of one ("Cham", in Kampong Cham) cannot be told
    # from it; every other commune name and code is searched for.
    words = {w for row in communes for w in row
             if w and len(w) > 3 and not any(w in p for p in provinces if p)}  # fmt: skip
    with duckdb.connect(str(briefing_store_path(built_db)), read_only=True) as con:
        texts = []
        for (table,) in con.execute("SHOW TABLES").fetchall():
            columns = con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND "
                "data_type = 'VARCHAR'", [table]).fetchall()  # fmt: skip
            for (column,) in columns:
                texts += [v for (v,) in con.execute(
                    f'SELECT DISTINCT "{column}" FROM {table} WHERE "{column}" IS NOT NULL'
                ).fetchall()]  # fmt: skip
    found = {w for w in words for t in texts if re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", t)}
    assert len(words) > 1000 and texts
    assert found == set()


def test_both_stores_publish_the_same_province_numbers(built_db: Path) -> None:
    atlas, store = (query.open_database(p) for p in (built_db, briefing_store_path(built_db)))
    try:
        for filters in (Filters(date(2014, 1, 1)), Filters(date(2010, 1, 1), "venue_raid",
                                                           "key_populations"),
                        Filters(date(2012, 1, 1), actor="police", province="12")):  # fmt: skip
            a = published.units(atlas, filters, "province")
            b = published.units(store, filters, "province")
            for column in ("text", "rate_state", "status", "communes_partnered", "kp_size"):
                assert a[column].fillna(-1).tolist() == b[column].fillna(-1).tolist(), column
            assert published.total(atlas, filters) == published.total(store, filters)
        assert query.match_summary(atlas).equals(query.match_summary(store))
        # the store holds the quarantine's rows as everyone but the admin reads them
        reasons = [query.quarantine_reasons(c) for c in (atlas, store)]
        assert reasons[0].drop(columns="rows").equals(reasons[1].drop(columns="rows"))
        assert [file_count_text(n, exact=False) for n in reasons[0]["rows"]] == [
            file_count_text(n, exact=False) for n in reasons[1]["rows"]]  # fmt: skip
    finally:
        atlas.close()
        store.close()


#: The headline's checks as the demo's default evaluation publishes them.
CHECKS = {
    "robustness_effect": [-0.44], "robustness_low": [-0.52], "robustness_high": [-0.35],
    "drift_effect": [-0.59], "drift_low": [-0.69], "drift_high": [-0.46], "drift_slope": [0.04],
    "drift_breakdown": [0.05], "control_types": ["venue_raid,compulsory_treatment"],
    "control_effect": [-0.08], "control_low": [-0.26], "control_high": [0.14],
    "control_p": [0.44], "control_relative_effect": [-0.39], "control_relative_low": [-0.53],
    "control_relative_high": [-0.23], "verdict": ["fell"], "verdict_reasons": [""],
}  # fmt: skip


def test_the_stores_check_refuses_exact_file_counts_and_long_numbers() -> None:
    """What the briefing audience reads of the files and the headline is never exact: the
    stage's check fails a store that holds a file count of 3, 375 or a 16-digit effect."""
    from publish.briefing_store import check_published_numbers

    good = {
        "load_log": pd.DataFrame({"rows_read": [20080, None], "rows_loaded": [19700, None],
                                  "rows_quarantined": [380, None]}),
        "quarantine_summary": pd.DataFrame({"rows": [80.0, None]}),
        "evaluation_headline": pd.DataFrame({"effect": [-0.44], "low": [-0.51],
                                             "high": [-0.36], "pre_trend_p": [0.55],
                                             **CHECKS}),
    }  # fmt: skip
    assert check_published_numbers(good.__getitem__) is None
    for table, column, value in (("load_log", "rows_quarantined", 375),
                                 ("quarantine_summary", "rows", 3),
                                 ("evaluation_headline", "effect", -0.4237519),
                                 ("evaluation_headline", "drift_breakdown", 0.0537),
                                 ("evaluation_headline", "control_p", 0.4412),
                                 ("evaluation_headline", "robustness_low", -0.517)):  # fmt: skip
        bad = {name: frame.copy() for name, frame in good.items()}
        bad[table].loc[0, column] = value
        assert column in check_published_numbers(bad.__getitem__)
