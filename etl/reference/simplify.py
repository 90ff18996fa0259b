"""Display geometry: a simplified commune coverage whose shared borders stay shared (written
by the build into ``geom_display``; ``geo.simplify.check_coverage`` checks it)."""

from __future__ import annotations

import geopandas as gpd
import shapely


def simplify_coverage(geoms: gpd.GeoSeries, tolerance: float, precision: int) -> gpd.GeoSeries:
    """Simplify a polygon coverage and round its coordinates, keeping it a coverage.

    ``GeoSeries.simplify_coverage`` simplifies each shared edge once, so neighbours keep the
    same border (no gaps, no overlaps). Rounding to ``precision`` decimals snaps shared vertices
    identically; ``set_precision`` keeps every polygon valid.

    Raises:
        ValueError: if the series has no CRS, is not in degrees (EPSG:4326), or the tolerance is
            negative.
    """
    if geoms.crs is None or geoms.crs.to_epsg() != 4326:
        raise ValueError(f"simplify_coverage expects EPSG:4326 geometries, got {geoms.crs}")
    if tolerance < 0:
        raise ValueError(f"tolerance must be >= 0, got {tolerance}")
    simplified = geoms.simplify_coverage(tolerance) if tolerance > 0 else geoms
    rounded = shapely.set_precision(simplified.values, 10.0**-precision)
    return gpd.GeoSeries(rounded, index=geoms.index, crs=geoms.crs)
