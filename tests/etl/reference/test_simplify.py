"""Display geometry on the real commune coverage: shared borders stay shared."""

from __future__ import annotations

import geopandas as gpd
import pytest

import config
from etl.reference.simplify import simplify_coverage
from geo.simplify import check_coverage


@pytest.fixture(scope="module")
def raw(layers) -> gpd.GeoSeries:
    return layers["communes"].geometry


def test_simplified_coverage_has_no_gaps_overlaps_or_invalid_polygons(raw) -> None:
    tolerance = config.get_float("ATLAS_SIMPLIFY_TOLERANCE")
    simplified = simplify_coverage(raw, tolerance, config.get_int("ATLAS_COORD_PRECISION"))
    before, after = check_coverage(raw), check_coverage(simplified)
    assert after.invalid == 0 and after.empty == 0
    assert after.overlap_m2 < 1.0
    assert after.is_valid_coverage
    # The union keeps the source's holes (the Tonle Sap) and islands: no sliver opened.
    assert (after.holes, after.parts) == (before.holes, before.parts)
    assert len(simplified) == len(raw)


def test_plain_simplification_would_fail_the_same_check(raw) -> None:
    plain = gpd.GeoSeries(raw.simplify(0.002, preserve_topology=True), crs=raw.crs)
    result = check_coverage(plain)
    assert result.holes > check_coverage(raw).holes + 100
    assert not result.is_valid_coverage


def test_coordinates_are_rounded(raw) -> None:
    simplified = simplify_coverage(raw.iloc[:20], 0.002, 4)
    for geom in simplified:
        x, y = (
            geom.geoms[0].exterior.coords[0] if hasattr(geom, "geoms") else geom.exterior.coords[0]
        )
        assert round(x, 4) == pytest.approx(x, abs=1e-12)
        assert round(y, 4) == pytest.approx(y, abs=1e-12)


def test_projected_input_is_refused(raw) -> None:
    with pytest.raises(ValueError, match="expects EPSG:4326"):
        simplify_coverage(raw.to_crs("EPSG:32648"), 10, 0)
