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
import shapely

from etl.contract import ACTORS, INCIDENT_TYPES, POPULATIONS

MANIFEST = "demo_parameters.json"
LABEL = "synthetic demonstration data"
SOURCES = ("SYNTHETIC outreach NGO A", "SYNTHETIC outreach NGO B", "SYNTHETIC PAS monitoring")
HOTSPOT_DISTRICTS = {
    "0110": "Poipet",
    "0203": "Battambang",
    "1710": "Siem Reap",
    "1801": "Sihanoukville",
}
PILOT_TYPES = ("arrest_detention", "condom_confiscation", "syringe_confiscation")
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


@dataclass(frozen=True)
class DemoParameters:
    """Everything that shapes the demo set; stored with it."""

    seed: int = 2010
    incidents: int = 20_000
    start: str = "2008-01-01"
    end: str = "2014-12-31"
    policy_date: str = "2010-08-16"
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


def _months(params: DemoParameters) -> pd.DatetimeIndex:
    return pd.date_range(params.start, params.end, freq="MS")


def commune_weights(communes: pd.DataFrame) -> pd.DataFrame:
    """Urban and hotspot flags and a base incident weight per commune polygon."""
    frame = communes[
        ["source_id", "commune_code", "district_code", "province_code", "area_km2"]
    ].copy()
    frame["hotspot"] = frame["district_code"].isin(HOTSPOT_DISTRICTS) | (
        frame["province_code"] == "12"
    )
    frame["urban"] = frame["hotspot"] | (frame["area_km2"] < 15)
    frame["base"] = 1.0 + 5.0 * frame["urban"] + 8.0 * frame["hotspot"]
    return frame.reset_index(drop=True)


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


def _intensity(weights: pd.DataFrame, pilots: pd.DataFrame, params: DemoParameters) -> np.ndarray:
    """Expected share of incidents per (commune, month, type): shape (C, M, T)."""
    months = _months(params)
    after_policy = np.asarray(months >= pd.Timestamp(params.policy_date))
    shock = np.where(weights["urban"].to_numpy(), params.shock_urban, params.shock_rural)
    rate = weights["base"].to_numpy()[:, None] * np.where(
        after_policy[None, :], shock[:, None], 1.0
    )
    cube = rate[:, :, None] * np.asarray(TYPE_WEIGHTS)[None, None, :]
    starts = dict(zip(pilots["source_id"], pd.to_datetime(pilots["start"]), strict=True))
    start = pd.to_datetime(weights["source_id"].map(starts)).to_numpy()
    started = months.to_numpy()[None, :] >= start[:, None]  # NaT (no pilot) compares False
    affected = np.isin(INCIDENT_TYPES, PILOT_TYPES)
    cube[started[:, :, None] & affected[None, None, :]] *= 1.0 - params.pilot_effect
    return cube / cube.sum()


def _point_pools(
    communes: gpd.GeoDataFrame, rng: np.random.Generator, size: int = 24
) -> np.ndarray:
    """``size`` random points inside each commune polygon: shape (C, size, 2)."""
    pools = np.empty((len(communes), size, 2))
    for i, geom in enumerate(communes.geometry):
        minx, miny, maxx, maxy = geom.bounds
        shapely.prepare(geom)
        found = np.empty((0, 2))
        while len(found) < size:
            xy = rng.uniform((minx, miny), (maxx, maxy), size=(size * 4, 2))
            inside = shapely.contains_xy(geom, xy[:, 0], xy[:, 1])
            found = np.vstack([found, xy[inside]])
        pools[i] = found[:size]
    return pools


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
    months = _months(params)
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
    pools = _point_pools(communes, rng)
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


def _services(
    communes: gpd.GeoDataFrame, pilots: pd.DataFrame, rng: np.random.Generator
) -> pd.DataFrame:
    """Service points as the case study describes them (types, places, opening dates)."""
    rows = []
    towns = communes[
        communes["district_code"].isin(HOTSPOT_DISTRICTS) | (communes["province_code"] == "12")
    ]
    capitals = communes.sort_values("area_km2").drop_duplicates("province_code")
    pools = _point_pools(communes, rng, size=4)
    position = {sid: i for i, sid in enumerate(communes["source_id"])}

    def add(
        sid_row: pd.Series, service_type: str, operator: str, opened: str, public: bool, pops: str
    ) -> None:
        lon, lat = pools[position[sid_row["source_id"]], len(rows) % 4]
        rows.append(
            {
                "service_id": f"SYN-S{len(rows) + 1:04d}",
                "service_type": service_type,
                "populations": pops,
                "operator": operator,
                "opened": opened,
                "closed": None,
                "public": "yes" if public else "no",
                "lon": round(lon, 5),
                "lat": round(lat, 5),
            }
        )

    pp = communes[communes["province_code"] == "12"].sort_values("area_km2")
    add(pp.iloc[0], "mmt", "SYNTHETIC Ministry of Health", "2010-07-01", True, "pwid;pwud")
    for k, name in enumerate(("SYNTHETIC NSP NGO A", "SYNTHETIC NSP NGO B")):
        add(pp.iloc[1 + k], "nsp", name, "2014-01-15", False, "pwid")
    for _, row in towns.sample(
        n=min(40, len(towns)), random_state=int(rng.integers(1 << 31))
    ).iterrows():
        kind = "outreach_team" if rng.random() < 0.6 else "drop_in_centre"
        add(
            row,
            kind,
            "SYNTHETIC outreach NGO A",
            f"{rng.integers(2008, 2014)}-0{rng.integers(1, 10)}-01",
            False,
            "fsw;msm;tg;pwud",
        )
    for _, row in capitals.iterrows():
        add(row, "hiv_testing", "SYNTHETIC provincial hospital", "2008-01-01", True, "")
        add(row, "sti_clinic", "SYNTHETIC provincial hospital", "2008-01-01", True, "fsw;msm;tg")
    return pd.DataFrame(rows)


def _service_activity(
    services: pd.DataFrame, params: DemoParameters, rng: np.random.Generator
) -> pd.DataFrame:
    rows = []
    for _, svc in services[
        services["service_type"].isin(["mmt", "nsp", "drop_in_centre"])
    ].iterrows():
        for month in _months(params):
            if month < pd.Timestamp(svc["opened"]):
                continue
            rows.append(
                {
                    "service_id": svc["service_id"],
                    "operator": svc["operator"],
                    "month": month.strftime("%Y-%m"),
                    "contacts": int(rng.poisson(80)),
                    "population": "",
                }
            )
    return pd.DataFrame(rows)


def _partnership(pilots: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for _, p in pilots.iterrows():
        programme = "mcpi" if p["province_code"] == "01" else "pcpi"
        start = pd.Timestamp(p["start"])
        steps = (
            ("police_sensitisation", 0),
            ("rapid_response_team", 3),
            ("joint_case_review", 6),
            ("police_training", 9),
        )
        for activity, months_later in steps:
            rows.append(
                {
                    "commune_code": p["commune_code"],
                    "programme": programme,
                    "activity": activity,
                    "start_date": (start + pd.DateOffset(months=months_later)).strftime("%Y-%m-%d"),
                    "end_date": "",
                    "participants": int(rng.integers(8, 40)),
                    "partner": "SYNTHETIC FHI360" if programme == "mcpi" else "SYNTHETIC PAS",
                }
            )
    return pd.DataFrame(rows)


def _academies(rng: np.random.Generator) -> pd.DataFrame:
    provinces = ("12", "01", "02", "17", "18", "07")
    rows = []
    for i, prov in enumerate(provinces):
        pre = float(np.round(rng.uniform(45, 55), 1))
        rows.append(
            {
                "academy": f"SYNTHETIC police academy {i + 1}",
                "province": prov,
                "adopted": (pd.Timestamp("2011-11-15") + pd.DateOffset(months=2 * i)).strftime(
                    "%Y-%m-%d"
                ),
                "modules_delivered": 9,
                "trainees": int(rng.integers(60, 240)),
                "pre_test_mean": pre,
                "post_test_mean": round(pre * 1.34, 1),
            }
        )
    return pd.DataFrame(rows)


def _kp_estimates(communes: gpd.GeoDataFrame) -> pd.DataFrame:
    """Province estimates shaped on the national figures (PWUD 13,000-28,000 in 2012, ~10 %
    injecting, ~1,100 PWID in Phnom Penh; MSM ~31,000 in 2014, half urban; TG ~2,700 in 2013)."""
    urban = commune_weights(communes).groupby("province_code")["base"].sum()
    share = urban / urban.sum()
    national = {
        ("pwud", 2012): (20_000, 13_000, 28_000),
        ("pwid", 2012): (2_000, 1_300, 2_800),
        ("msm", 2014): (31_000, 21_000, 41_000),
        ("tg", 2013): (2_700, 2_000, 3_400),
        ("fsw", 2012): (35_000, 28_000, 42_000),
    }
    rows = []
    for (pop, year), (est, low, high) in national.items():
        for prov, s in share.items():
            rows.append(
                {
                    "province": prov,
                    "population": pop,
                    "year": year,
                    "estimate": round(est * s),
                    "low": round(low * s),
                    "high": round(high * s),
                    "source": "SYNTHETIC size estimation",
                }
            )
    return pd.DataFrame(rows)


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
    services = _services(communes, pilots, rng)
    tables = {
        "incidents": incidents.drop(columns="_commune"),
        "services": services,
        "service_activity": _service_activity(services, params, rng),
        "partnership": _partnership(pilots, rng),
        "academies": _academies(rng),
        "kp_estimates": _kp_estimates(communes),
    }
    for kind, frame in tables.items():
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
