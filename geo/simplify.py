"""How well a set of polygons tiles its area: the check of the display geometry, whose
simplification (``etl.reference.simplify.simplify_coverage``) the build makes."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd

from vocabulary import METRIC_CRS


@dataclass(frozen=True)
class CoverageCheck:
    """How well a set of polygons tiles its area.

    ``holes`` counts the holes of the polygons' union: a coverage simplified without keeping
    shared borders opens thousands of sliver holes, while a good one keeps the source's (lakes).
    """

    invalid: int
    empty: int
    overlap_m2: float
    holes: int
    parts: int
    is_valid_coverage: bool


def check_coverage(geoms: gpd.GeoSeries) -> CoverageCheck:
    """Count invalid and empty polygons, overlaps (m²), holes and parts of the union.

    Overlap is the sum of the polygons' areas minus the area of their union, in EPSG:32648.

    Raises:
        ValueError: if the series has no CRS.
    """
    if geoms.crs is None:
        raise ValueError("check_coverage needs geometries with a CRS")
    metric = geoms.to_crs(METRIC_CRS)
    union = metric.union_all()
    parts = list(getattr(union, "geoms", [union]))
    return CoverageCheck(
        invalid=int((~geoms.is_valid).sum()),
        empty=int(geoms.is_empty.sum()),
        overlap_m2=max(float(metric.area.sum() - union.area), 0.0),
        holes=sum(len(p.interiors) for p in parts),
        parts=len(parts),
        is_valid_coverage=bool(geoms.is_valid_coverage()),
    )
