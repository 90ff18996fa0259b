"""The sidebar reads the filter table: a filter added in a fixture (``tests/added_filter.py``)
is drawn, seeded from the link, offered where the level offers it, written back to the link,
and moves the numbers (the Explore page on the tiny atlas, run headless with AppTest)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from i18n import t
from query.view import Filters
from tests.added_filter import add_verified, tiny_atlas_with_verified
from tests.pages.test_explore import published_total
from tests.pages.test_pages import app, metric

INCIDENTS = "Incidents in the period"


@pytest.fixture
def tiny_env(tiny_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The table with ``verified``, and the settings pointing at the tiny atlas that has it."""
    add_verified(monkeypatch)
    db = tiny_atlas_with_verified(tiny_db, tmp_path)
    monkeypatch.setenv("ATLAS_DB_PATH", str(db))
    monkeypatch.setenv("ATLAS_TILES", "off")
    monkeypatch.setenv("ATLAS_ANONYMOUS_ROLE", "analyst")
    return db


def test_the_sidebar_draws_an_added_filter_where_the_level_offers_it(tiny_env: Path) -> None:
    at = app(level="commune")
    at.run()
    assert not at.exception
    box = at.sidebar.selectbox(key="w_verified")
    assert (box.label, box.options, box.value) == ("Verified", ["All"], "all")  # communes
    everything = metric(at, INCIDENTS)
    at.radio(key="w_level").set_value("district").run()
    box = at.sidebar.selectbox(key="w_verified")
    assert box.options == ["All", "Yes", "No"]
    box.set_value("no").run()
    assert not at.exception
    assert dict(at.query_params) == {"verified": "no"}  # districts: the country's default
    unverified = published_total(tiny_env, Filters(date(2014, 1, 1), verified="no"))
    assert metric(at, INCIDENTS) == unverified != everything
    at.radio(key="w_level").set_value("commune").run()  # not offered there: back to "all"
    assert at.sidebar.selectbox(key="w_verified").value == "all"
    assert dict(at.query_params) == {"level": "commune"} and metric(at, INCIDENTS) == everything


def test_a_link_with_an_added_filter_opens_by_district_in_either_language(tiny_env: Path) -> None:
    at = app(verified="yes", lang="km", level="commune")
    at.run()
    assert not at.exception
    assert at.radio(key="w_level").value == "district"  # moved, and said so
    moved = t("level_moved", "km", asked="commune", level="district")
    assert moved in [w.value for w in at.warning]
    box = at.sidebar.selectbox(key="w_verified")
    assert (box.label, box.value) == ("បានផ្ទៀងផ្ទាត់", "yes")
    assert box.options == ["ទាំងអស់", "បាទ/ចាស", "ទេ"]
    assert dict(at.query_params) == {"verified": "yes", "lang": "km"}  # the default level
    bad = app(verified="maybe")
    bad.run()
    assert any("“maybe”" in w.value.replace("\\", "") for w in bad.warning)
    assert bad.sidebar.selectbox(key="w_verified").value == "all"
