"""The ranking map's builders on small shapes made in code: score classes, academies placed
inside their province, and the map's layer (colours, outlines, points)."""

from __future__ import annotations

import json
import re

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geo.maps import MapLabels, commune_rows
from geo.ranking_map import (
    NOT_RANKED,
    SCORE_COLOURS,
    academy_points,
    build_ranking_map,
    score_classes,
    score_key,
)
from vocabulary import CRS


def provinces() -> gpd.GeoDataFrame:
    """Two provinces: an L-shaped one (its centroid lies outside it) and a square."""
    ell = shapely.Polygon([(103, 13), (104, 13), (104, 13.2), (103.2, 13.2), (103.2, 14),
                           (103, 14)])  # fmt: skip
    square = shapely.box(105, 12, 106, 13)
    return gpd.GeoDataFrame(
        {"unit": ["01", "02"], "commune_code": ["01", "02"], "commune_name_en": ["L", "Sq"],
         "commune_name_km": ["អិល", "ការ៉េ"], "province_code": ["01", "02"],
         "district_name_en": "", "district_name_km": "", "province_name_en": "",
         "province_name_km": ""},
        geometry=[ell, square], crs=CRS,
    )  # fmt: skip


def test_score_classes_run_light_to_dark_and_grey_when_not_ranked() -> None:
    assert score_classes([0.2, 0.5, 0.8, None]) == [0, 2, 4, len(SCORE_COLOURS)]
    assert score_classes([0.4, 0.4]) == [0, 0]
    assert score_classes([None, None]) == [len(SCORE_COLOURS)] * 2


def test_academies_sit_inside_their_province_side_by_side() -> None:
    layer = provinces()
    academies = pd.DataFrame({"province_code": ["01", "02", "02", "99"]})
    points = academy_points(layer, academies)
    assert [i for *_, i in points] == [0, 1, 2]  # an academy of an unknown province is left out
    (lat, lon, _), (lat2, lon2, _) = points[1], points[2]
    assert lat == lat2 and lon2 - lon == pytest.approx(0.12)
    for lat, lon, i in points[:2]:
        assert layer.geometry[i].contains(shapely.Point(lon, lat))


def test_the_map_colours_outlines_and_points() -> None:
    layer = provinces()
    m = build_ranking_map(
        layer, [4, len(SCORE_COLOURS)], MapLabels(), encoded=commune_rows(layer, 4),
        tooltips=[["1 (1–2)", "0.9", "yes"], ["not ranked", "–", ""]],
        tooltip_labels=("Rank", "Score", "Partnership"), outlined=[0],
        academies=[(13.1, 103.1, "Academy <1>: 9 of 9 modules")],
    )  # fmt: skip
    html = m.get_root().render()
    data = json.loads(re.search(r"var data = (\{.*?\});\n", html).group(1))
    assert data["c"] == [*SCORE_COLOURS, NOT_RANKED] and data["fi"] == [4, 5]
    assert data["ol"] == [0] and data["pv"] == ["Academy <1>: 9 of 9 modules"]
    with pytest.raises(ValueError, match="EPSG:4326"):
        build_ranking_map(layer.to_crs(3857), [0, 0], MapLabels(), encoded=commune_rows(layer, 4),
                          tooltips=[[], []], tooltip_labels=())  # fmt: skip


def test_the_key_names_every_colour_the_map_uses() -> None:
    scores = [0.2, 0.5, 0.8, None]
    key = score_key(scores, "Score", "not ranked")
    assert [c for c, _ in key] == [*reversed(SCORE_COLOURS), NOT_RANKED]
    assert key[0][1] == "Score 0.68–0.80" and key[-2][1] == "Score 0.20–0.32"
    used = {[*SCORE_COLOURS, NOT_RANKED][c] for c in score_classes(scores)}
    assert used <= {c for c, _ in key}  # every colour drawn is keyed
    assert score_key([0.4, 0.4], "Score", "not ranked") == [(SCORE_COLOURS[0], "Score 0.40")]
    layer = provinces()
    m = build_ranking_map(
        layer, [4, len(SCORE_COLOURS)], MapLabels(), encoded=commune_rows(layer, 4),
        tooltips=[["1", "0.9", "yes"], ["–", "–", ""]], tooltip_labels=("Rank", "Score", "In"),
        key=score_key([0.9, None], "Score", "not ranked"),
    )  # fmt: skip
    html = m.get_root().render()
    assert "Score 0.90" in html and "not ranked" in html
    # an empty tooltip value leaves its line out rather than a label with nothing after it
    assert 'data.xv[value] === "" ? ""' in html
