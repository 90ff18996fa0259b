"""Commune polygons cut into small pieces, for fast point-in-polygon joins.

A point-in-polygon test costs in proportion to the polygon's vertices; cut along a grid, each
piece has a few dozen. The grid is offset by an odd fraction of a degree, so coordinates
written with a few decimals never fall on a cut line, where ``ST_Contains`` would miss them.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

GRID_STEP = 0.05
GRID_OFFSET = 0.01234567891


def commune_pieces(communes: gpd.GeoDataFrame) -> pd.DataFrame:
    """``source_id, commune_code, province_code, geom``: each commune clipped by grid cells.

    Raises:
        ValueError: if the communes are not in EPSG:4326.
    """
    if communes.crs is None or communes.crs.to_epsg() != 4326:
        raise ValueError(f"commune_pieces expects EPSG:4326, got {communes.crs}")
    minx, miny, maxx, maxy = communes.total_bounds
    start_x = np.floor((minx - GRID_OFFSET) / GRID_STEP) * GRID_STEP + GRID_OFFSET
    start_y = np.floor((miny - GRID_OFFSET) / GRID_STEP) * GRID_STEP + GRID_OFFSET
    xs = np.arange(start_x, maxx + GRID_STEP, GRID_STEP)
    ys = np.arange(start_y, maxy + GRID_STEP, GRID_STEP)
    cells = gpd.GeoDataFrame(
        geometry=[shapely.box(x, y, x + GRID_STEP, y + GRID_STEP) for x in xs for y in ys],
        crs=communes.crs,
    )
    keep = communes[["source_id", "commune_code", "province_code", "geometry"]]
    pieces = gpd.overlay(keep, cells, how="intersection", keep_geom_type=True)
    return pd.DataFrame(pieces.rename(columns={"geometry": "geom"}))


def commune_neighbours(communes: gpd.GeoDataFrame) -> pd.DataFrame:
    """``polygon_id, neighbour_id``: each commune polygon and every other one it touches.

    The Explore page lists the services "in and around" a commune from this table, so the
    dashboard needs no spatial extension.
    """
    geoms = communes.geometry.to_numpy()
    left, right = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    ids = communes["source_id"].to_numpy()
    keep = left != right
    return pd.DataFrame({"polygon_id": ids[left[keep]], "neighbour_id": ids[right[keep]]})
