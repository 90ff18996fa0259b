"""The print map: colours by score, grey where a province has no row, PNG or SVG, plain errors."""

from __future__ import annotations

import io
from dataclasses import replace

import geopandas as gpd
import numpy as np
import pytest
from matplotlib import colormaps
from matplotlib.colors import to_rgb
from PIL import Image
from shapely.geometry import box

from briefing.model import ProvinceRow
from briefing.static_map import COLOUR_MAP, NO_DATA_COLOUR, MapError, draw_province_map
from tests.briefing.sample import sample_brief


def squares() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"province_code": ["01", "02", "03"]},
        geometry=[box(103, 12, 104, 13), box(104, 12, 105, 13), box(105, 12, 106, 13)],
        crs="EPSG:4326",
    )


def rows(*codes: str) -> list[ProvinceRow]:
    return [
        ProvinceRow(
            code,
            f"P{code}",
            "ខេត្ត",
            rank=i,
            rank_median=i,
            rank_low=i,
            rank_high=i,
            score=1 - i / 10,
            p_top3=0.5,
            criteria={},
            in_partnership=False,
        )
        for i, code in enumerate(codes, start=1)
    ]


def pixel_share(png: bytes, colour: str) -> float:
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    wanted = np.array([round(c * 255) for c in to_rgb(colour)])
    return float((np.abs(pixels - wanted).sum(axis=2) <= 3).mean())


def test_scores_are_coloured_and_a_province_without_a_row_is_grey() -> None:
    png = draw_province_map(squares(), rows("01", "02"), dpi=60)
    assert png.startswith(b"\x89PNG")
    top = colormaps[COLOUR_MAP](1.0)
    assert pixel_share(png, top) > 0.05
    assert pixel_share(png, NO_DATA_COLOUR) > 0.05
    full = draw_province_map(squares(), rows("01", "02", "03"), dpi=60)
    assert pixel_share(full, NO_DATA_COLOUR) < 0.001  # a few anti-aliased edge pixels at most
    unranked = replace(rows("03")[0], rank=None, rank_median=None, rank_low=None,
                       rank_high=None, score=None, p_top3=None)  # fmt: skip
    grey = draw_province_map(squares(), [*rows("01", "02"), unranked], dpi=60)
    assert pixel_share(grey, NO_DATA_COLOUR) > 0.05


def test_svg_and_rank_colouring() -> None:
    svg = draw_province_map(squares(), rows("01", "02", "03"), colour_by="rank", fmt="svg")
    assert b"<svg" in svg[:500]
    assert b"<dc:date>" not in svg  # no date: the same map gives the same bytes


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (squares().rename(columns={"province_code": "code"}), "no province_code column"),
        (squares().to_crs("EPSG:32648"), "expected EPSG:4326"),
        (squares().iloc[0:0], "no polygons"),
    ],
)
def test_bad_provinces_are_named(frame: gpd.GeoDataFrame, message: str) -> None:
    with pytest.raises(MapError, match=message):
        draw_province_map(frame, rows("01"))


@pytest.mark.integration
def test_every_real_province_is_coloured(province_shapes: gpd.GeoDataFrame) -> None:
    brief = sample_brief()
    png = draw_province_map(province_shapes, brief.provinces, brief.academies, dpi=60)
    assert pixel_share(png, NO_DATA_COLOUR) < 0.001  # a few anti-aliased edge pixels at most
    one_short = [r for r in brief.provinces if r.province_code != "16"]
    assert pixel_share(draw_province_map(province_shapes, one_short, dpi=60), NO_DATA_COLOUR) > 0.01
    moved = replace(brief.academies[0], lon=None, lat=None)  # drawn inside its province
    assert draw_province_map(province_shapes, brief.provinces, (moved,), dpi=60)
