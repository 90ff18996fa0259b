"""A dashboard the test starts keeps serving while partner files are ingested, and shows them."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from i18n import t
from query.view import Filters
from tests.browser.conftest import streamlit_server
from tests.pages.test_explore import published_total
from tests.pages.test_live_data import NEW_INCIDENTS, ingest, write_incidents

pytestmark = pytest.mark.browser


def incidents_shown(page: Page) -> int:
    value = page.locator('[data-testid="stMetricValue"]').first
    expect(value).to_have_text(re.compile(r"^[\d,]+$"), timeout=60_000)
    return int(value.inner_text().replace(",", ""))


def test_a_running_dashboard_shows_an_ingest(page: Page, built_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "atlas.duckdb"
    shutil.copy(built_db, db)
    # The file ingested is a partner's: the data become mixed, a visitor without sign-in would
    # be given the briefing role; this one reads as an analyst, and sees the label change.
    with streamlit_server(db, env={"ATLAS_ANONYMOUS_ROLE": "analyst"}) as url:
        page.goto(url)
        before = incidents_shown(page)
        sidebar = page.locator('[data-testid="stSidebar"]')
        expect(sidebar).to_contain_text(t("synthetic", "en"), timeout=60_000)
        ingest(db, "incidents", write_incidents(tmp_path / "live_2014.csv", NEW_INCIDENTS))
        page.reload()
        expect(sidebar).to_contain_text(t("synthetic_mixed", "en"), timeout=60_000)
        expected = published_total(db, Filters(date(2014, 1, 1)))
        # two totals rounded to multiples of 5, each within 4 of the truth
        assert abs(int(expected.replace(",", "")) - before - NEW_INCIDENTS) <= 8
        expect(page.locator('[data-testid="stMetricValue"]').first).to_have_text(
            expected, timeout=60_000
        )
