"""The demo set's context files: services, their monthly activity, the partnership's
activities in the pilot communes, police academies and key-population size estimates.

Shaped on the case study and demo-data.md; every operator and source says SYNTHETIC.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from etl.demo.geography import HOTSPOT_DISTRICTS, commune_weights, month_starts, point_pools


def services(communes: gpd.GeoDataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Service points as the case study describes them: the first methadone clinic (Phnom
    Penh, July 2010), two NGO needle-syringe programmes (Phnom Penh, 2014), outreach teams and
    drop-in centres in the towns, testing and STI clinics at provincial hospitals (public)."""
    rows = []
    towns = communes[
        communes["district_code"].isin(HOTSPOT_DISTRICTS) | (communes["province_code"] == "12")
    ]
    capitals = communes.sort_values("area_km2").drop_duplicates("province_code")
    pools = point_pools(communes, rng, size=4)
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


def service_activity(
    services: pd.DataFrame, start: str, end: str, rng: np.random.Generator
) -> pd.DataFrame:
    """Monthly contacts of the methadone, needle-syringe and drop-in services."""
    rows = []
    for _, svc in services[
        services["service_type"].isin(["mmt", "nsp", "drop_in_centre"])
    ].iterrows():
        for month in month_starts(start, end):
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


def partnership(pilots: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
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


def academies(rng: np.random.Generator) -> pd.DataFrame:
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


def kp_estimates(communes: gpd.GeoDataFrame) -> pd.DataFrame:
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
