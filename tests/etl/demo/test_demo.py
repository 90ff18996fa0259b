"""The synthetic demo set: deterministic, labelled, loaded by the same path, effects planted."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from etl import demo


@pytest.fixture(scope="module")
def con(built_db: Path):
    connection = duckdb.connect(str(built_db), read_only=True)
    yield connection
    connection.close()


def manifest(con) -> dict:
    return {
        key: json.loads(value)
        for key, value in con.execute("SELECT key, value FROM demo_parameters").fetchall()
    }


def test_planted_parameters_are_stored_with_the_data(con) -> None:
    stored = manifest(con)
    assert stored["label"] == "synthetic demonstration data"
    assert stored["parameters"]["pilot_effect"] == 0.4
    assert stored["parameters"]["policy_date"] == "2010-08-16"
    assert set(stored["parameters"]["pilot_starts"]) == {"01", "12", "18"}
    info = dict(con.execute("SELECT key, value FROM build_info").fetchall())
    assert info["partner_data"] == "synthetic demonstration data"


def test_every_faulty_row_and_only_those_are_quarantined(con) -> None:
    stored = manifest(con)
    read, loaded, quarantined = con.execute(
        "SELECT sum(rows_read), sum(rows_loaded), sum(rows_quarantined) FROM load_log"
    ).fetchone()
    assert read == loaded + quarantined
    assert quarantined == stored["expected_quarantined"] > 0
    assert stored["faults"]["code_without_leading_zero"] > 0  # loaded, zero restored
    sources = {s for (s,) in con.execute("SELECT DISTINCT source FROM incidents").fetchall()}
    assert all(s.startswith("SYNTHETIC") for s in sources)


def test_pilot_communes_have_the_partnership_from_their_start(con) -> None:
    stored = manifest(con)
    pilots = {p["commune_code"]: p["start"] for p in stored["pilot_communes"]}
    rows = dict(
        con.execute(
            "SELECT commune_code, strftime(first_start, '%Y-%m-%d') FROM partnership_communes"
        ).fetchall()
    )
    assert rows == pilots
    provinces = {code[:2] for code in pilots}
    assert provinces == {"01", "12", "18"}


def test_policy_shock_and_pilot_effect_are_in_the_data(con) -> None:
    """Before/after ratios: urban incidents rise after 16 August 2010, and in pilot communes
    arrests and confiscations fall after the start by about the planted fraction."""
    shock = con.execute(
        """
        SELECT sum(incidents) FILTER (month >= DATE '2010-09-01') / 52.0
             / (sum(incidents) FILTER (month < DATE '2010-08-01') / 31.0)
        FROM incidents_monthly WHERE province_code = '12'
        """
    ).fetchone()[0]
    assert 1.6 < shock < 2.3  # planted 1.9 for urban communes
    effect = con.execute(
        """
        WITH pilot AS (SELECT polygon_id, first_start FROM partnership_communes),
        rates AS (
            SELECT p.polygon_id IS NOT NULL AS is_pilot,
                m.month >= coalesce(p.first_start, DATE '2012-06-01') AS after,
                sum(m.incidents) AS n, count(DISTINCT m.month) AS months
            FROM incidents_monthly m LEFT JOIN pilot p USING (polygon_id)
            JOIN communes c ON c.source_id = m.polygon_id
            WHERE m.incident_type IN
                ('arrest_detention', 'condom_confiscation', 'syringe_confiscation')
              AND m.month >= DATE '2010-09-01' AND c.province_code IN ('01', '12', '18')
              AND (p.polygon_id IS NOT NULL OR c.area_km2 < 15 OR c.province_code = '12')
            GROUP BY ALL)
        SELECT (max(n / months) FILTER (is_pilot AND after)
                / max(n / months) FILTER (is_pilot AND NOT after))
             / (max(n / months) FILTER (NOT is_pilot AND after)
                / max(n / months) FILTER (NOT is_pilot AND NOT after))
        FROM rates
        """
    ).fetchone()[0]
    assert 0.45 < effect < 0.75  # planted: a fall of 40 %, ratio 0.6


def test_same_seed_same_files(tmp_path: Path, con) -> None:
    import geopandas as gpd
    import shapely

    frame = con.execute(
        "SELECT * EXCLUDE (geom, geom_display), ST_AsWKB(geom) AS wkb FROM communes"
    ).df()
    communes = gpd.GeoDataFrame(
        frame.drop(columns="wkb"), geometry=shapely.from_wkb(frame["wkb"].map(bytes)), crs=4326
    )
    params = demo.DemoParameters(incidents=2_000, seed=7)
    demo.write_demo(communes, tmp_path / "a", params)
    demo.write_demo(communes, tmp_path / "b", params)
    for kind in ("incidents", "services", "partnership"):
        a = (tmp_path / "a" / kind / f"synthetic_{kind}.csv").read_bytes()
        assert a == (tmp_path / "b" / kind / f"synthetic_{kind}.csv").read_bytes()
    other = demo.write_demo(communes, tmp_path / "c", demo.DemoParameters(incidents=2_000, seed=8))
    assert (tmp_path / "c" / "incidents" / "synthetic_incidents.csv").read_bytes() != a
    assert other["rows"]["incidents"] > 2_000  # duplicates planted on top


def test_the_pilot_effect_is_a_parameter_and_zero_plants_none(con) -> None:
    import geopandas as gpd
    import numpy as np
    import shapely

    from etl.demo.generator import _intensity, choose_pilots
    from etl.demo.geography import commune_weights

    frame = con.execute("SELECT * EXCLUDE (geom, geom_display) FROM communes").df()
    weights = commune_weights(gpd.GeoDataFrame(frame, geometry=[shapely.Point()] * len(frame)))
    pilots = choose_pilots(weights, demo.DemoParameters(), np.random.default_rng(1))
    none = demo.DemoParameters(pilot_effect=0.0)
    assert np.allclose(_intensity(weights, pilots, none), _intensity(weights, pilots[:0], none))
    planted = _intensity(weights, pilots, demo.DemoParameters(pilot_effect=0.4))
    assert not np.allclose(planted, _intensity(weights, pilots[:0], none))
    with pytest.raises(demo.DemoParameterError, match=r"pilot effect -0\.1: expected"):
        demo.DemoParameters(pilot_effect=-0.1)


def test_the_build_takes_the_pilot_effect_from_the_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ATLAS_DEMO_PILOT_EFFECT", "0.25")
    assert demo.demo_parameters_from_settings().pilot_effect == 0.25
    monkeypatch.setenv("ATLAS_DEMO_PILOT_EFFECT", "forty")
    with pytest.raises(demo.DemoParameterError, match="ATLAS_DEMO_PILOT_EFFECT must be a number"):
        demo.demo_parameters_from_settings()


def test_the_mix_spread_gives_each_province_and_district_its_own_mix(
    con, monkeypatch: pytest.MonkeyPatch
) -> None:
    import geopandas as gpd
    import numpy as np
    import shapely

    from etl.demo.generator import _intensity, choose_pilots
    from etl.demo.geography import commune_weights

    frame = con.execute("SELECT * EXCLUDE (geom, geom_display) FROM communes").df()
    weights = commune_weights(gpd.GeoDataFrame(frame, geometry=[shapely.Point()] * len(frame)))
    no_pilots = choose_pilots(weights, demo.DemoParameters(), np.random.default_rng(1))[:0]

    def shares(spread: float) -> np.ndarray:
        """Each province's share of each incident type (no pilot effect), (provinces, types)."""
        params = demo.DemoParameters(mix_spread=spread)
        cube = _intensity(weights, no_pilots, params).sum(axis=1)
        by = pd.DataFrame(cube).groupby(weights["province_code"].to_numpy()).sum()
        return (by.div(by.sum(axis=1), axis=0)).to_numpy()

    national = shares(0.0)
    assert np.allclose(national, national[0])  # one mix everywhere (the default set)
    local = shares(1.0)
    assert np.abs(local - national).max() > 0.1  # provinces differ
    assert np.allclose(local, shares(1.0))  # from the seed: the same every time
    with pytest.raises(demo.DemoParameterError, match=r"mix spread -1: expected 0"):
        demo.DemoParameters(mix_spread=-1)
    monkeypatch.setenv("ATLAS_DEMO_MIX_SPREAD", "0.5")
    assert demo.demo_parameters_from_settings().mix_spread == 0.5
