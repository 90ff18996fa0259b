"""The Explore page's downloads, built as a click builds them: the file name carries every
choice, the HTML map says what it is and draws offline, the slide is a 16:9 PNG in either
language that says it is synthetic."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from geo.assets import standalone_html
from i18n import t
from query.links import ExploreOptions
from query.view import Filters
from ui import data, explore_downloads, explore_view

KAMPOT = "07"


@pytest.fixture
def view(atlas_env: Path) -> tuple[Filters, ExploreOptions, explore_view.ViewNumbers]:
    """A district-level view of one province, one incident type against the key populations
    (2012)."""
    filters = Filters(date(2012, 1, 1), incident_type="venue_raid", population="key_populations",
                      province=KAMPOT)  # fmt: skip
    options = ExploreOptions(level="district", layers=("borders",))
    return filters, options, explore_view.view_numbers(filters, options.level)


def test_the_file_name_carries_every_choice_of_the_view(view: tuple) -> None:
    filters, options, _ = view
    assert explore_downloads.file_stem(filters, options) == (
        "synthetic_atlas_07_district_2012-01_2012-12_venue_raid_key_populations"
    )
    national = ExploreOptions(level="commune")
    assert explore_downloads.file_stem(Filters(date(2014, 1, 1)), national) == (
        "synthetic_atlas_national_commune_2014-01_2014-12"
    )


def test_the_map_heading_says_what_the_map_shows_in_both_languages(view: tuple) -> None:
    filters, options, _ = view
    title, described, source, protection = explore_downloads.map_heading(filters, options, "en")
    assert "Where are disruptions high and partnership absent?" in title
    assert "2012-01 – 2012-12" in described and "Kampot" in described
    assert "Venue raid" in described and "District" in described
    assert source.startswith("Synthetic demonstration data")
    assert "<5" in protection
    khmer = explore_downloads.map_heading(filters, options, "km")
    assert "កំពត" in khmer[1] and khmer[2] != source


def test_the_downloaded_map_draws_offline_with_its_heading(view: tuple) -> None:
    filters, options, numbers = view
    make_map, legend = explore_view.map_maker(filters, numbers, options, "en")
    heading = explore_downloads.map_heading(filters, options, "en")
    page = standalone_html(make_map(legend=legend, heading=heading))
    assert "atlas-heading" in page and "Kampot" in page
    assert "Synthetic demonstration data" in page
    # Leaflet is written in, not linked
    assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//', page)


@pytest.mark.parametrize("lang", ["en", "km"])
def test_the_slide_is_a_wide_png_of_the_view(view: tuple, lang: str) -> None:
    filters, options, numbers = view
    png = explore_downloads.slide_png(filters, options, numbers, lang)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert abs(image.width / image.height - 16 / 9) < 0.01 and image.width >= 1400
    # the synthetic badge's red border is drawn at the top left
    corner = image.convert("RGB").crop((0, 0, image.width // 3, image.height // 8))
    assert any(r > 150 and g < 80 and b < 80 for r, g, b in corner.get_flattened_data())


def test_mixed_data_are_named_and_headed_partly_synthetic(
    view: tuple, monkeypatch: pytest.MonkeyPatch
) -> None:
    filters, options, _ = view
    monkeypatch.setattr(data, "data_origin", lambda: "mixed")  # a partner file in a demo build
    assert explore_downloads.file_stem(filters, options).startswith("partly_synthetic_atlas_07_")
    source = explore_downloads.map_heading(filters, options, "en")[2]
    assert source.startswith(t("synthetic_mixed", "en"))
    monkeypatch.setattr(data, "data_origin", lambda: "partner")
    assert explore_downloads.file_stem(filters, options).startswith("atlas_07_")
    assert explore_downloads.map_heading(filters, options, "en")[2].startswith(
        t("source_partners", "en")
    )
