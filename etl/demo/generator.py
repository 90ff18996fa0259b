"""Synthetic demonstration data, written as partner files and loaded through the same ETL.

Deterministic (a seed in, the same files out). It plants known effects that the analysis
pages can be tested against: the Village/Commune Safety Policy shock (16 August 2010), and a
pilot effect, a known fraction by which arrests and confiscations fall after the partnership
starts in a commune. Every file says "synthetic" in its name and in its ``source``/``operator``
values, and the parameters are written beside the files and stored in the database.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from etl.demo import context
from etl.demo.geography import commune_weights, month_starts, point_pools
from vocabulary import ACTORS, INCIDENT_TYPES, PILOT_TYPES, POLICY_DAY, POPULATIONS, SYNTHETIC_LABEL

MANIFEST = "demo_parameters.json"
LABEL = SYNTHETIC_LABEL
SOURCES = ("SYNTHETIC outreach NGO A", "SYNTHETIC outreach NGO B", "SYNTHETIC PAS monitoring")
TYPE_WEIGHTS = (0.30, 0.12, 0.08, 0.10, 0.08, 0.10, 0.14, 0.08)
# Population mix by incident type; arrests and body searches (extortion) follow the 2012-13
# Phnom Penh baseline survey: arrest 23 % PWUD, 12 % FSW, 6 % MSM, 6 % TG; searches 44/8/28/23.
POPULATION_MIX = {
    "arrest_detention": (0.12, 0.10, 0.23, 0.06, 0.06, 0.02, 0.02),
    "condom_confiscation": (0.70, 0.00, 0.00, 0.12, 0.14, 0.02, 0.02),
    "syringe_confiscation": (0.00, 0.80, 0.15, 0.00, 0.00, 0.05, 0.00),
    "venue_raid": (0.75, 0.00, 0.05, 0.08, 0.10, 0.00, 0.02),
    "outreach_obstructed": (0.05, 0.05, 0.05, 0.03, 0.02, 0.78, 0.02),
    "compulsory_treatment": (0.00, 0.35, 0.60, 0.00, 0.00, 0.00, 0.05),
    "extortion_harassment": (0.08, 0.10, 0.44, 0.28, 0.23, 0.02, 0.02),
    "service_disruption": (0.10, 0.40, 0.20, 0.05, 0.05, 0.10, 0.10),
}
ACTOR_MIX = (0.62, 0.10, 0.14, 0.11, 0.03)
FAULTS = (
    "code_without_leading_zero",  # loaded: the zero is restored
    "khmer_names",  # loaded: placed through the gazetteer's Khmer names
    "dd_mm_yyyy_date",  # loaded
    "duplicate_id",  # quarantined
    "point_in_the_sea",  # quarantined
    "unknown_incident_type",  # quarantined
    "future_date",  # quarantined
    "impossible_date",  # quarantined
)
QUARANTINED_FAULTS = FAULTS[3:]
# The kinds of partner file the demo writes, one folder each (the contract's kinds).
KINDS = ("incidents", "services", "service_activity", "partnership", "academies", "kp_estimates")


class DemoParameterError(ValueError):
    """A demo parameter is outside what the generator can plant."""


@dataclass(frozen=True)
class DemoParameters:
    """Everything that shapes the demo set; stored with it.

    Raises:
        DemoParameterError: if ``pilot_effect`` is not in [0, 1], or ``incidents`` or
            ``mix_spread`` is negative.
    """

    seed: int = 2010
    incidents: int = 20_000
    start: str = "2008-01-01"
    end: str = "2014-12-31"
    policy_date: str = POLICY_DAY.isoformat()
    shock_urban: float = 1.9
    shock_rural: float = 1.25
    pilot_effect: float = 0.40
    pilot_starts: dict[str, str] = field(
        default_factory=lambda: {"01": "2011-03-01", "12": "2012-06-01", "18": "2013-04-01"}
    )
    pilot_share: float = 0.6
    share_points: float = 0.70
    share_codes: float = 0.20
    faulty_share: float = 0.03
    mix_spread: float = 0.0

    def __post_init__(self) -> None:
        if not 0.0 <= self.pilot_effect <= 1.0:
            raise DemoParameterError(
                f"pilot effect {self.pilot_effect:g}: expected a fraction from 0 (no effect) "
                "to 1 (arrests and confiscations stop), e.g. 0.4 for a fall of 40 %"
            )
        if self.incidents < 0:
            raise DemoParameterError(f"{self.incidents} incidents: expected 0 or more")
        if self.mix_spread < 0:
            raise DemoParameterError(
                f"mix spread {self.mix_spread:g}: expected 0 (the national mix of incident "
                "types everywhere) or more"
            )


def choose_pilots(
    weights: pd.DataFrame, params: DemoParameters, rng: np.random.Generator
) -> pd.DataFrame:
    """Pilot communes: a share of the urban coded communes of each pilot province, with start."""
    rows = []
    for province, start in params.pilot_starts.items():
        pool = weights[
            (weights["province_code"] == province)
            & weights["urban"]
            & weights["commune_code"].notna()
        ]
        pool = pool.sort_values("source_id")
        picked = pool.sample(frac=params.pilot_share, random_state=int(rng.integers(1 << 31)))
        offsets = rng.integers(0, 6, size=len(picked))
        for (_, row), offset in zip(picked.iterrows(), offsets, strict=True):
            start_month = (pd.Timestamp(start) + pd.DateOffset(months=int(offset))).date()
            rows.append((row["source_id"], row["commune_code"], province, start_month))
    return pd.DataFrame(rows, columns=["source_id", "commune_code", "province_code", "start"])


def _local_mixes(weights: pd.DataFrame, params: DemoParameters) -> np.ndarray:
    """Each commune's factor on each type's weight, shape (C, T): its province's times its
    district's, each a Gamma draw of mean 1 and variance ``mix_spread`` per type (from a
    generator of its own, so the rest of the set draws as with the national mix)."""
    rng = np.random.default_rng([params.seed, 19])
    shape = 1.0 / params.mix_spread
    factors = []
    for column in ("province_code", "district_code"):
        unit = pd.factorize(weights[column].fillna(""))[0]
        draws = rng.gamma(shape, params.mix_spread, size=(unit.max() + 1, len(TYPE_WEIGHTS)))
        factors.append(draws[unit])
    return factors[0] * factors[1]


def _intensity(weights: pd.DataFrame, pilots: pd.DataFrame, params: DemoParameters) -> np.ndarray:
    """Expected share of incidents per (commune, month, type): shape (C, M, T)."""
    months = month_starts(params.start, params.end)
    after_policy = np.asarray(months >= pd.Timestamp(params.policy_date))
    shock = np.where(weights["urban"].to_numpy(), params.shock_urban, params.shock_rural)
    rate = weights["base"].to_numpy()[:, None] * np.where(
        after_policy[None, :], shock[:, None], 1.0
    )
    cube = rate[:, :, None] * np.asarray(TYPE_WEIGHTS)[None, None, :]
    if params.mix_spread > 0:
        cube *= _local_mixes(weights, params)[:, None, :]
    starts = dict(zip(pilots["source_id"], pd.to_datetime(pilots["start"]), strict=True))
    start = pd.to_datetime(weights["source_id"].map(starts)).to_numpy()
    started = months.to_numpy()[None, :] >= start[:, None]  # NaT (no pilot) compares False
    affected = np.isin(INCIDENT_TYPES, PILOT_TYPES)
    cube[started[:, :, None] & affected[None, None, :]] *= 1.0 - params.pilot_effect
    return cube / cube.sum()


def sample_incidents(
    communes: gpd.GeoDataFrame,
    pilots: pd.DataFrame,
    params: DemoParameters,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """Clean incident rows (before faults), with true commune, date, type and location."""
    weights = commune_weights(communes)
    cube = _intensity(weights, pilots, params)
    counts = rng.multinomial(params.incidents, cube.ravel())
    cells = np.repeat(np.arange(counts.size), counts)
    c_idx, m_idx, t_idx = np.unravel_index(cells, cube.shape)
    n = len(cells)
    months = month_starts(params.start, params.end)
    month_start = months[m_idx]
    days = rng.integers(0, month_start.days_in_month.to_numpy())
    dates = (month_start + pd.to_timedelta(days, unit="D")).strftime("%Y-%m-%d").to_numpy()
    types = np.asarray(INCIDENT_TYPES)[t_idx]
    population = np.empty(n, dtype=object)
    for t, mix in POPULATION_MIX.items():
        mask = types == t
        population[mask] = rng.choice(
            POPULATIONS, size=int(mask.sum()), p=np.asarray(mix) / sum(mix)
        )
    starts = dict(zip(pilots["source_id"], pd.to_datetime(pilots["start"]), strict=True))
    pilot_start = pd.to_datetime(weights["source_id"].map(starts)).to_numpy()
    started = pd.to_datetime(dates).to_numpy() >= pilot_start[c_idx]  # NaT compares False
    raid = types == "venue_raid"
    frame = pd.DataFrame(
        {
            "source": np.asarray(SOURCES)[rng.integers(0, len(SOURCES), n)],
            "date": dates,
            "incident_type": types,
            "population": population,
            "actor": rng.choice(ACTORS, size=n, p=ACTOR_MIX),
            "people_affected": 1 + rng.poisson(np.where(raid, 4.0, 0.3)),
            "referred_to_services": np.where(
                rng.random(n) < np.where(started, 0.45, 0.08), "yes", "no"
            ),
            "verified": np.where(rng.random(n) < 0.6, "true", "false"),
            "_commune": c_idx,
        }
    )
    frame = frame.sort_values(["date", "_commune"], kind="stable").reset_index(drop=True)
    frame.insert(0, "incident_id", [f"SYN-{i:07d}" for i in range(1, n + 1)])
    return frame


def place_incidents(
    frame: pd.DataFrame,
    communes: gpd.GeoDataFrame,
    params: DemoParameters,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """Give each incident a location the contract accepts: point, commune code or names."""
    n = len(frame)
    c_idx = frame["_commune"].to_numpy()
    coded = communes["commune_code"].notna().to_numpy()[c_idx]
    # Names place a row only where they are unique within the district, in both scripts.
    unique = ~communes.duplicated(["district_code", "commune_name_en"], keep=False).to_numpy()
    unique &= ~communes.duplicated(["district_code", "commune_name_km"], keep=False).to_numpy()
    named_ok = unique[c_idx]
    draw = rng.random(n)
    by_code = (
        coded & (draw >= params.share_points) & (draw < params.share_points + params.share_codes)
    )
    by_name = coded & named_ok & (draw >= params.share_points + params.share_codes)
    by_point = ~(by_code | by_name)
    pools = point_pools(communes, rng)
    pick = pools[c_idx, rng.integers(0, pools.shape[1], n)]
    out = frame.copy()
    out["lon"] = np.where(by_point, np.round(pick[:, 0], 6), np.nan)
    out["lat"] = np.where(by_point, np.round(pick[:, 1], 6), np.nan)
    codes = communes["commune_code"].to_numpy()[c_idx]
    out["commune_code"] = np.where(by_code, codes, None)
    for col, src in (
        ("province", "province_name_en"),
        ("district", "district_name_en"),
        ("commune", "commune_name_en"),
    ):
        out[col] = np.where(by_name, communes[src].to_numpy()[c_idx], None)
    return out


def plant_faults(
    frame: pd.DataFrame,
    communes: gpd.GeoDataFrame,
    params: DemoParameters,
    rng: np.random.Generator,
) -> tuple[pd.DataFrame, dict[str, int]]:
    """Spoil a few per cent of rows the way real partner files are spoilt; count each fault."""
    out = frame.copy()
    n = len(out)
    per_fault = round(n * params.faulty_share / len(FAULTS))
    order = rng.permutation(n)
    used = np.zeros(n, dtype=bool)
    counts: dict[str, int] = {}

    def rows(mask: np.ndarray | None = None) -> np.ndarray:
        free = ~used if mask is None else ~used & mask
        chosen = order[free[order]][:per_fault]
        used[chosen] = True
        return chosen

    low = out["commune_code"].fillna("").str.startswith("0").to_numpy()
    idx = rows(low)
    out.loc[idx, "commune_code"] = out.loc[idx, "commune_code"].str.lstrip("0")
    counts["code_without_leading_zero"] = len(idx)
    named = out["commune"].notna().to_numpy()
    idx = rows(named)
    c_idx = out.loc[idx, "_commune"].to_numpy()
    for col, src in (
        ("province", "province_name_km"),
        ("district", "district_name_km"),
        ("commune", "commune_name_km"),
    ):
        out.loc[idx, col] = communes[src].to_numpy()[c_idx]
    counts["khmer_names"] = len(idx)
    day_over_12 = pd.to_datetime(out["date"]).dt.day.to_numpy() > 12
    idx = rows(day_over_12)
    out.loc[idx, "date"] = pd.to_datetime(out.loc[idx, "date"]).dt.strftime("%d/%m/%Y")
    counts["dd_mm_yyyy_date"] = len(idx)
    idx = rows()
    duplicates = out.loc[idx].copy()
    counts["duplicate_id"] = len(idx)
    idx = rows(out["lon"].notna().to_numpy())
    out.loc[idx, ["lon", "lat"]] = np.column_stack(
        [rng.uniform(102.6, 103.3, len(idx)), rng.uniform(9.6, 10.1, len(idx))]
    )
    counts["point_in_the_sea"] = len(idx)
    idx = rows()
    out.loc[idx, "incident_type"] = rng.choice(["raid", "arrest", "confiscation"], size=len(idx))
    counts["unknown_incident_type"] = len(idx)
    idx = rows()
    out.loc[idx, "date"] = "2031-01-15"
    counts["future_date"] = len(idx)
    idx = rows()
    out.loc[idx, "date"] = "31/02/2012"
    counts["impossible_date"] = len(idx)
    out = pd.concat([out, duplicates], ignore_index=True)
    out = out.iloc[rng.permutation(len(out))].reset_index(drop=True)
    return out, counts


def write_demo(
    communes: gpd.GeoDataFrame, out_dir: Path, params: DemoParameters, all_points: bool = False
) -> dict:
    """Write the demo files (one folder per kind) and ``demo_parameters.json``; return the
    manifest. ``all_points`` places every incident by coordinates (for benchmarks).

    Raises:
        OSError: if the folder cannot be written.
    """
    rng = np.random.default_rng(params.seed)
    communes = communes.reset_index(drop=True)
    if all_points:
        params = DemoParameters(**{**asdict(params), "share_points": 1.0, "share_codes": 0.0})
    weights = commune_weights(communes)
    pilots = choose_pilots(weights, params, rng)
    incidents = place_incidents(
        sample_incidents(communes, pilots, params, rng), communes, params, rng
    )
    incidents, faults = plant_faults(incidents, communes, params, rng)
    services = context.services(communes, rng)
    tables = {
        "incidents": incidents.drop(columns="_commune"),
        "services": services,
        "service_activity": context.service_activity(services, params.start, params.end, rng),
        "partnership": context.partnership(pilots, rng),
        "academies": context.academies(rng),
        "kp_estimates": context.kp_estimates(communes),
    }
    for kind in KINDS:
        frame = tables[kind]
        folder = out_dir / kind
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*"):
            old.unlink()
        frame.to_csv(folder / f"synthetic_{kind}.csv", index=False)
    manifest = {
        "label": LABEL,
        "parameters": asdict(params),
        "all_points": all_points,
        "pilot_communes": [
            {"source_id": r.source_id, "commune_code": r.commune_code, "start": r.start.isoformat()}
            for r in pilots.itertuples()
        ],
        "faults": faults,
        "expected_quarantined": sum(faults[f] for f in QUARANTINED_FAULTS),
        "rows": {kind: len(frame) for kind, frame in tables.items()},
    }
    (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest
