"""Where demo incidents happen: urban and hotspot weights, and points inside communes."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from vocabulary import CAPITAL, HOTSPOT_DISTRICTS, URBAN_MAX_KM2


def month_starts(start: str, end: str) -> pd.DatetimeIndex:
    """First days of the months from ``start`` to ``end``."""
    return pd.date_range(start, end, freq="MS")


def commune_weights(communes: pd.DataFrame) -> pd.DataFrame:
    """Urban and hotspot flags and a base incident weight per commune polygon."""
    frame = communes[
        ["source_id", "commune_code", "district_code", "province_code", "area_km2"]
    ].copy()
    frame["hotspot"] = frame["district_code"].isin(HOTSPOT_DISTRICTS) | (
        frame["province_code"] == CAPITAL
    )
    frame["urban"] = frame["hotspot"] | (frame["area_km2"] < URBAN_MAX_KM2)
    frame["base"] = 1.0 + 5.0 * frame["urban"] + 8.0 * frame["hotspot"]
    return frame.reset_index(drop=True)


def point_pools(communes: gpd.GeoDataFrame, rng: np.random.Generator, size: int = 24) -> np.ndarray:
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
