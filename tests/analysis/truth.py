"""The demo's truth, built straight from the demo generator (no ETL, no database).

Every import of the demo generator lives in this module, so that a move of ``etl/demo/``
is fixed here alone (the benchmark ``benchmarks/bench_evaluation.py`` uses it too).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from etl import demo
from etl.demo.generator import choose_pilots, place_incidents, plant_faults, sample_incidents
from etl.demo.geography import commune_weights, month_starts
from vocabulary import INCIDENT_TYPES, PILOT_TYPES


@dataclass(frozen=True)
class Truth:
    """Clean demo incidents of the outcome types (``unit``, ``month``) and the communes'
    truth (``unit``, ``start``, ``province_code``, ``urban``), over the demo's months."""

    incidents: pd.DataFrame
    communes: pd.DataFrame
    months: pd.DatetimeIndex


def demo_truth(
    communes: pd.DataFrame,
    seed: int,
    pilot_effect: float = 0.40,
    incidents: int = 20_000,
    types: tuple[str, ...] = PILOT_TYPES,
) -> Truth:
    """Draw the demo's incidents as the generator does (same seed, same draws), each in its
    true commune, and keep those of ``types`` (default arrests and confiscations)."""
    params = demo.DemoParameters(seed=seed, incidents=incidents, pilot_effect=pilot_effect)
    rng = np.random.default_rng(params.seed)
    communes = communes.reset_index(drop=True)
    weights = commune_weights(communes)
    pilots = choose_pilots(weights, params, rng)
    drawn = sample_incidents(communes, pilots, params, rng)
    return _truth(weights, pilots, drawn, params, types)


def loaded_truth(
    communes: pd.DataFrame, seed: int, pilot_effect: float = 0.40, incidents: int = 20_000
) -> Truth:
    """The demo's truth as the atlas database holds it: the incidents the demo files carry
    (drawn, placed and spoilt as ``etl.demo.write_demo`` does, same seed, same draws), less
    those spoilt so that the ETL quarantines them (a point moved into the sea, an unknown
    type, a future or impossible date; a duplicated ID's copy), each in its true commune."""
    params = demo.DemoParameters(seed=seed, incidents=incidents, pilot_effect=pilot_effect)
    rng = np.random.default_rng(params.seed)
    communes = communes.reset_index(drop=True)
    weights = commune_weights(communes)
    pilots = choose_pilots(weights, params, rng)
    clean = place_incidents(sample_incidents(communes, pilots, params, rng), communes, params, rng)
    spoilt, _ = plant_faults(clean, communes, params, rng)
    after = spoilt.drop_duplicates("incident_id").set_index("incident_id").loc[clean["incident_id"]]
    day = pd.to_datetime(after["date"], format="%Y-%m-%d", errors="coerce").fillna(
        pd.to_datetime(after["date"], format="%d/%m/%Y", errors="coerce")
    )
    moved = (after["lon"].to_numpy() != clean["lon"].to_numpy()) & clean["lon"].notna().to_numpy()
    quarantined = (
        ~after["incident_type"].isin(INCIDENT_TYPES).to_numpy()
        | (day.isna() | (day > pd.Timestamp(params.end))).to_numpy()
        | moved
    )
    return _truth(weights, pilots, clean[~quarantined], params)


def _truth(
    weights: pd.DataFrame,
    pilots: pd.DataFrame,
    drawn: pd.DataFrame,
    params: demo.DemoParameters,
    types: tuple[str, ...] = PILOT_TYPES,
) -> Truth:
    """The incidents of ``types`` in ``drawn`` in their true commune, and the communes'
    truth."""
    drawn = drawn[drawn["incident_type"].isin(types)]
    starts = dict(zip(pilots["source_id"], pd.to_datetime(pilots["start"]), strict=True))
    units = pd.DataFrame(
        {
            "unit": weights["source_id"],
            "start": pd.to_datetime(weights["source_id"].map(starts)),
            "province_code": weights["province_code"],
            "urban": weights["urban"].astype(bool),
        }
    )
    found = pd.DataFrame(
        {
            "unit": weights["source_id"].to_numpy()[drawn["_commune"].to_numpy()],
            "month": pd.to_datetime(drawn["date"]).dt.to_period("M").dt.to_timestamp().to_numpy(),
        }
    )
    return Truth(found, units, month_starts(params.start, params.end))


def truth_panels(
    communes: pd.DataFrame,
    seed: int,
    pilot_effect: float,
    types: tuple[tuple[str, ...], ...],
    incidents: int = 20_000,
) -> list[pd.DataFrame]:
    """The demo's panels of each group of ``types`` from one draw (e.g. the outcome and the
    negative control's types)."""
    params = demo.DemoParameters(seed=seed, incidents=incidents, pilot_effect=pilot_effect)
    rng = np.random.default_rng(params.seed)
    communes = communes.reset_index(drop=True)
    weights = commune_weights(communes)
    pilots = choose_pilots(weights, params, rng)
    drawn = sample_incidents(communes, pilots, params, rng)
    return [to_panel(_truth(weights, pilots, drawn, params, group)) for group in types]


def to_panel(truth: Truth) -> pd.DataFrame:
    """The commune x month panel of counts (zeros included), as the query layer gives it."""
    counts = truth.incidents.groupby(["unit", "month"]).size()
    full = pd.MultiIndex.from_product(
        [truth.communes["unit"], truth.months], names=["unit", "month"]
    )
    panel = counts.reindex(full, fill_value=0).rename("y").reset_index()
    return panel.merge(truth.communes, on="unit", how="left")


def truth_panel(
    communes: pd.DataFrame,
    seed: int,
    pilot_effect: float = 0.40,
    incidents: int = 20_000,
    types: tuple[str, ...] = PILOT_TYPES,
) -> pd.DataFrame:
    """The demo's commune x month panel of arrests and confiscations (or of ``types``: the
    same draws), with its truth."""
    return to_panel(demo_truth(communes, seed, pilot_effect, incidents, types))
