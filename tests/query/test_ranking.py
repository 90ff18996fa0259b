"""The ranking's inputs through the protection layer: what ``published.units`` shows, on the
database and its briefing store, a ``<5`` entering as the stand-in whatever is under it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

import query
from analysis.ranking import INPUT_COLUMNS
from config import PROJECT_ROOT
from etl.schema import briefing_store_path, products_path
from publish.evaluation import default_headline
from publish.product import first_row
from publish.stage import publish
from query import cellkey, cells, products, published
from query import ranking as ranking_query
from query.view import Filters


def write_store(db: Path) -> Path:
    """The briefing store of ``db``, written beside it by the publish stage (the evaluation's
    headline first)."""
    publish(db)
    return briefing_store_path(db)


def published_headline(db: Path) -> dict[str, object]:
    """The evaluation headline product beside ``db``."""
    con = products.open_file(products_path(db))
    try:
        return first_row(products.product_table(con, "evaluation_headline"))
    finally:
        con.close()


@pytest.fixture(scope="module")
def tiny_files(tiny_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the tiny atlas and its briefing store."""
    db = tmp_path_factory.mktemp("tiny_rank") / "tiny.duckdb"
    shutil.copy(tiny_db, db)
    return db, write_store(db)


def opened(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    con = query.open_database(path)
    try:
        yield con
    finally:
        con.close()


@pytest.fixture(params=["database", "store"])
def tiny(request: pytest.FixtureRequest, tiny_files: tuple[Path, Path]):
    yield from opened(tiny_files[0 if request.param == "database" else 1])


def assert_as_published(con: duckdb.DuckDBPyConnection, inputs: pd.DataFrame) -> None:
    """Every input equals what ``published.units`` shows for the ranking's windows."""
    windows = ranking_query.ranking_windows(con)
    shown = published.units(con, windows.latest, "province").set_index("province_code")
    frame = inputs.set_index("province_code")
    assert list(frame.index) == list(shown.index)
    assert (frame["incidents_12m_text"] == shown["text"]).all()
    expected = shown["count"].where(shown["state"] != "small", ranking_query.stand_in())
    assert np.allclose(frame["incidents_12m"], expected)
    assert np.allclose(frame["kp_size"], shown["kp_size"], equal_nan=True)
    assert (frame["communes"] == shown["n_communes"]).all()
    partnered = np.minimum(shown["communes_partnered"], shown["n_communes"])
    assert (frame["communes_without_partnership"] == shown["n_communes"] - partnered).all()
    if windows.before is None:
        assert frame["incidents_before"].isna().all()
        return
    before = published.units(con, windows.before, "province").set_index("province_code")
    assert (frame["incidents_before_text"] == before["text"]).all()
    assert np.allclose(frame["kp_size_before"], before["kp_size"], equal_nan=True)


def test_the_tiny_atlas_inputs_are_what_is_published(tiny: duckdb.DuckDBPyConnection) -> None:
    inputs = ranking_query.province_inputs(tiny)
    assert list(inputs.columns[: len(INPUT_COLUMNS)]) == list(INPUT_COLUMNS)
    assert_as_published(tiny, inputs)
    frame = inputs.set_index("province_code")
    windows = ranking_query.ranking_windows(tiny)
    assert windows.latest == Filters(date(2014, 1, 1), population="key_populations")
    assert windows.before is None  # the tiny atlas starts in 2013: no change since the policy
    assert frame["incidents_before"].isna().all() and frame["kp_size_before"].isna().all()
    # one public and one other service point in Banteay Meanchey, open in 2014; none in Kep
    assert frame["services"].to_dict() == {"01": 2.0, "23": 0.0}
    assert frame["communes"].to_dict() == {"01": 3.0, "23": 2.0}
    assert frame["communes_without_partnership"].to_dict() == {"01": 2.0, "23": 2.0}
    # an estimate for one key population only: no key-population size (a rate needs all)
    assert frame["kp_size"].isna().all()
    # no academies file: readiness unknown everywhere, never "no academy"
    assert frame[["trainees", "modules_delivered"]].isna().all().all()


def test_a_count_below_five_enters_as_the_stand_in_whatever_it_is(
    tiny: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = cells.unit_cells
    seen = []
    for true_count in (0, 1, 2, 3, 4):

        def fake(con, filters, level, n=true_count):
            frame = real(con, filters, level)
            return frame.assign(n=np.where(frame["unit"] == "23", n, frame["n"]))

        monkeypatch.setattr(cells, "unit_cells", fake)
        inputs = ranking_query.province_inputs(tiny).set_index("province_code")
        assert inputs.loc["23", "incidents_12m"] == ranking_query.stand_in() == 2.0
        assert inputs.loc["23", "incidents_12m_text"] == "<5"
        seen.append(inputs)
    assert all(frame.equals(seen[0]) for frame in seen)


def test_the_demo_inputs_are_what_is_published_on_both_files(built_db: Path) -> None:
    frames = []
    for path in (built_db, briefing_store_path(built_db)):
        for con in opened(path):  # the facts take the headline product; the store holds it
            headline = published_headline(built_db) if path == built_db else None
            inputs = ranking_query.province_inputs(con, headline)
            assert_as_published(con, inputs)
            academies = ranking_query.academies(con)
            frames.append(inputs)
    assert frames[0].equals(frames[1])
    inputs = frames[0].set_index("province_code")
    assert len(inputs) == 25 and inputs["incidents_before"].notna().all()
    assert (inputs["incidents_12m_state"] == "small").sum() >= 1  # Kep and Pailin, in the demo
    with_academy = set(academies["province_code"])
    assert len(with_academy) == 6
    assert (inputs.loc[sorted(with_academy), "trainees"] > 0).all()
    assert (inputs.drop(index=sorted(with_academy))["trainees"] == 0).all()
    pilots = ["01", "12", "18"]
    for con in opened(built_db):
        expected = default_headline(con)
    stores = [published_headline(built_db)]
    for con in opened(briefing_store_path(built_db)):
        stores.append(ranking_query.evaluation_headline(con))
    for stored in stores:  # the published headline, the same in both files
        assert {k: stored[k] for k in ("effect", "low", "high", "method", "text_km")} == {
            k: expected[k] for k in ("effect", "low", "high", "method", "text_km")
        }
        assert stored["provinces"] == ",".join(pilots) and stored["level"] == 0.95
    assert (inputs.loc[pilots, "pilot_effect"] == expected["effect"]).all()
    assert inputs.drop(index=pilots)["pilot_effect"].isna().all()


def test_each_count_comes_with_the_range_its_reading_stands_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown = np.array([np.nan, 5.0, 40.0, np.nan])
    state = np.array(["small", "shown", "shown", "missing"], dtype=object)
    low, high = ranking_query.count_range(shown, state)
    assert np.allclose(low, [0, 5, 36, np.nan], equal_nan=True)
    assert np.allclose(high, [4, 9, 44, np.nan], equal_nan=True)
    monkeypatch.setattr(cellkey, "greatest_move", lambda t: 2)  # read, never assumed
    low, high = ranking_query.count_range(shown, state)
    assert np.allclose(low, [0, 5, 38, np.nan], equal_nan=True)
    assert np.allclose(high, [4, 7, 42, np.nan], equal_nan=True)


def test_the_true_counts_lie_in_their_published_ranges(built_db: Path) -> None:
    """On the demo, every province's true count (read here by the test only) lies within the
    range its published reading gives the ranking's uncertainty."""
    for con in opened(built_db):
        windows = ranking_query.ranking_windows(con)
        inputs = ranking_query.province_inputs(con).set_index("province_code")
        for prefix, view in (
            ("incidents_12m", windows.latest),
            ("incidents_before", windows.before),
        ):
            true = cells.unit_cells(con, view, "province").set_index("unit")["n"]
            true = true.reindex(inputs.index).astype(float)
            assert (inputs[f"{prefix}_low"] <= true).all() and (
                true <= inputs[f"{prefix}_high"]
            ).all()
            small = inputs[f"{prefix}_state"] == "small"
            assert (inputs.loc[small, f"{prefix}_high"] == 4).all()
            assert (inputs.loc[~small, f"{prefix}_low"] >= 5).all()


def test_a_stored_evaluation_headline_reaches_the_pilots(tiny_files: tuple[Path, Path],
                                                         tmp_path: Path) -> None:  # fmt: skip
    db = tmp_path / "with_evaluation.duckdb"
    shutil.copy(tiny_files[0], db)
    with duckdb.connect(str(db)) as con:
        con.execute(
            "CREATE OR REPLACE TABLE evaluation_headline AS SELECT -0.4 AS effect, -0.5 AS low, "
            "-0.3 AS high, 'extended TWFE Poisson' AS method, '01' AS provinces"
        )
    for con in opened(db):
        headline = ranking_query.evaluation_headline(con)
        assert headline["effect"] == -0.4 and headline["method"] == "extended TWFE Poisson"
        effects = ranking_query.province_inputs(con).set_index("province_code")["pilot_effect"]
    assert effects["01"] == -0.4 and np.isnan(effects["23"])


def test_the_ranking_layers_import_no_streamlit() -> None:
    code = (
        "import sys, publish.cli, briefing.__main__, briefing.pack, query.ranking, "
        "geo.ranking_map; assert 'streamlit' not in sys.modules, 'streamlit imported'"
    )
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    for folder in ("analysis", "briefing", "geo"):
        for path in (PROJECT_ROOT / folder).glob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "SELECT " not in text and "FROM " not in text.replace("from ", ""), path
