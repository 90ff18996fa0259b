"""Audiences in a real browser, behind a trusted proxy's headers: an anonymous visitor of
partner data (briefing) receives no commune name or code, in the page or in its websocket data;
an analyst's download leaves its line in the audit log."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

import audit
import query
from geo.encode import ALPHABET, SEPARATOR
from tests.browser.conftest import streamlit_server

pytestmark = pytest.mark.browser
# The proxy's headers as server.trustedUserHeaders maps them into st.user.
HEADERS = {"X-Atlas-Email": "email", "X-Atlas-Groups": "groups"}
ANALYST = {"X-Atlas-Email": "analyst@example.org"}
NOT_AVAILABLE = "This page is not available for this audience."
# Streamlit's own identifiers (element ids, uuids, hashes) hold digit runs that are not data,
# and a map's encoded geometry (``geo.encode``: long runs of its alphabet and separator)
# holds any short word by chance ("Ou" in a province map's arcs).
GEOMETRY = "[" + re.escape(ALPHABET + SEPARATOR) + "]{40,}"
NOISE = re.compile(r"\$\$ID-[0-9a-f]+|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}|"
                   r"(?=[0-9a-f]*[a-f])[0-9a-f]{16,}|" + GEOMETRY)  # fmt: skip


@pytest.fixture(scope="module")
def proxied(partner_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:
    """A server on partner data (no demo) that takes identity from the proxy's headers, with
    a roles file naming one analyst; yields its URL and its audit log."""
    folder = tmp_path_factory.mktemp("proxied")
    roles, log = folder / "roles.toml", folder / "audit.jsonl"
    roles.write_text('[users]\n"analyst@example.org" = "analyst"\n', encoding="utf-8")
    env = {"STREAMLIT_SERVER_TRUSTED_USER_HEADERS": json.dumps(HEADERS),
           "ATLAS_ROLES_FILE": str(roles), "ATLAS_AUDIT_LOG": str(log)}  # fmt: skip
    with streamlit_server(partner_db, env=env) as url:
        yield url, log


@pytest.fixture(scope="module")
def commune_words(partner_db: Path) -> tuple[set[str], set[str], set[str]]:
    """Every commune code, English name and Khmer name, less the names a province's name
    contains (the province list is province-level and may be shown)."""
    con = query.open_database(partner_db)
    try:
        rows = con.execute(
            "SELECT commune_code, commune_name_en, commune_name_km, province_name_en, "
            "province_name_km FROM communes"
        ).fetchall()
    finally:
        con.close()
    provinces_en = " | ".join({r[3] for r in rows})
    provinces_km = " | ".join({r[4] for r in rows})
    codes = {r[0] for r in rows if r[0]}
    english = {
        r[1] for r in rows if r[1] and not re.search(rf"\b{re.escape(r[1])}\b", provinces_en)
    }
    khmer = {r[2] for r in rows if r[2] and r[2] not in provinces_km}
    return codes, english, khmer


def recorder(page: Page) -> list[str]:
    """Every websocket frame the page receives from now on, as text."""
    frames: list[str] = []

    def text(payload: str | bytes) -> str:
        return payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload

    def on_socket(socket) -> None:  # Playwright's WebSocket
        socket.on("framereceived", lambda payload: frames.append(text(payload)))

    page.on("websocket", on_socket)
    return frames


def communes_in(text: str, words: tuple[set[str], set[str], set[str]]) -> list[str]:
    """The commune codes and names found in ``text`` (Streamlit's identifiers left out)."""
    codes, english, khmer = words
    text = NOISE.sub(" ", text)
    # A code stands alone: "2010" and "2011" side by side in a table's binary data read
    # "20102011", which holds "010201" but names no commune.
    found = [c for c in codes if re.search(rf"(?<![0-9]){c}(?![0-9])", text)]
    found += [n for n in english if re.search(rf"\b{re.escape(n)}\b", text)]
    return found + [n for n in khmer if n in text]


def test_an_anonymous_visitor_of_partner_data_receives_no_commune(
    page: Page, browser: Browser, proxied: tuple, commune_words: tuple
) -> None:
    url, _ = proxied
    frames = recorder(page)
    page.goto(url)  # the briefing home: the ranking, its map and the academies
    expect(page.get_by_role("heading", name="Which province next?")).to_be_visible(
        timeout=60_000)  # fmt: skip
    expect(page.get_by_role("button", name="Briefing pack (PDF, English)")).to_be_visible(
        timeout=60_000)  # fmt: skip
    expect(page.get_by_text("Visitor without sign-in (briefing)")).to_be_visible()
    seen = [page.content(), page.locator("body").inner_text()]
    page.goto(f"{url}/about")
    expect(page.get_by_role("heading", name="About the data")).to_be_visible(timeout=60_000)
    expect(page.locator('[data-testid="stDataFrame"]')).to_have_count(3, timeout=60_000)
    seen += [page.content(), page.locator("body").inner_text()]
    for link in ("explore", "national_map?province=12", "evaluation", "admin"):
        page.goto(f"{url}/{link}")
        expect(page.get_by_text(NOT_AVAILABLE)).to_be_visible(timeout=60_000)
        expect(page.get_by_role("link", name="Go to Which province next?")).to_be_visible()
        seen += [page.content(), page.locator("body").inner_text()]
    assert len(frames) > 10
    assert communes_in("\n".join(seen + frames), commune_words) == []
    # The same check finds them where they are: an analyst's commune map.
    analyst = browser.new_context(extra_http_headers=ANALYST)
    tab = analyst.new_page()
    theirs = recorder(tab)
    tab.goto(f"{url}/national_map?province=12")
    expect(tab.get_by_text("Signed in as analyst@example.org (analyst)")).to_be_visible(
        timeout=60_000
    )
    expect(tab.locator('[data-testid="stMetricValue"]').first).to_have_text("96", timeout=60_000)
    assert len(communes_in("\n".join(theirs), commune_words)) > 50
    analyst.close()


def test_an_analysts_download_is_audited(browser: Browser, proxied: tuple) -> None:
    url, log = proxied
    viewport = {"width": 1400, "height": 1400}
    context = browser.new_context(extra_http_headers=ANALYST, viewport=viewport)
    page = context.new_page()
    page.goto(f"{url}/?province=12")  # the analyst's home: Explore
    button = page.get_by_role("button", name="Download the table (CSV)")
    expect(button).to_be_visible(timeout=60_000)
    assert not [e for e in audit.read_entries(log) if e.action == "download"]
    with page.expect_download() as download:
        button.click()
    content = download.value.path().read_bytes()
    (entry,) = [e for e in audit.read_entries(log) if e.action == "download"]
    assert (entry.user, entry.role, entry.file) == (
        "analyst@example.org", "analyst", download.value.suggested_filename)  # fmt: skip
    assert entry.sha256 == audit.sha256_of(content)
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert entry.rows == len(rows) - 1 > 0
    assert entry.link.startswith("/explore?") and "province=12" in entry.link
    context.close()
