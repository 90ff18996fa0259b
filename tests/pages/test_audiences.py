"""Who sees what: every role against every page (allowed or refused, a link included), the
router asking the access rule, the anonymous role on demo and on partner data, and a roles file
that does not parse."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import access
from access import ADMIN, ANALYST, BRIEFING, ROLES
from dashboard import HOMES, PAGES, home_for, pages_for
from etl.schema import briefing_store_path
from i18n import t
from tests.conftest import write_partner_incidents
from tests.pages.test_live_data import ingest
from tests.pages.test_pages import app

ROLES_FILE = """[users]
"analyst@example.org" = "analyst"
"briefing@example.org" = "briefing"
"admin@example.org" = "admin"
"wizard@example.org" = "wizard"

[groups]
"atlas-admins" = "admin"
"""
NOT_AVAILABLE = "This page is not available for this audience."
TITLES = {"explore": "Explore", "national_map": "Enabling Environment Atlas",
          "evaluation": "Did the pilot work?", "ranking": "Which province next?",
          "about": "About the data", "admin": "Partner files"}  # fmt: skip
# What each role may open: the matrix the router must give (from the access rule).
ALLOWED = {
    BRIEFING: {"ranking", "about"},
    ANALYST: {"explore", "national_map", "evaluation", "ranking", "about"},
    ADMIN: {"explore", "national_map", "evaluation", "ranking", "about", "admin"},
}


@pytest.fixture()
def roles_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "roles.toml"
    path.write_text(ROLES_FILE, encoding="utf-8")
    monkeypatch.setenv("ATLAS_ROLES_FILE", str(path))
    return path


def opened(page: str | None, user: dict) -> AppTest:
    """``page`` (None: the home page) opened by a link, by a visitor with these ``st.user``
    fields, run once."""
    at = app(page)
    at.user = user
    return at.run()


def refused(at: AppTest) -> bool:
    """Whether the run said "not available" (and drew nothing of the page itself)."""
    said = any(w.value == NOT_AVAILABLE for w in at.warning)
    if said:
        assert not at.title, "a refused page drew its title"
        assert not at.dataframe and not at.metric and not at.file_uploader
    return said


def test_the_router_gives_each_role_its_pages_and_one_home() -> None:
    assert {p.url_path for p in PAGES} == set(access.resources("view_page"))
    assert set(HOMES) == set(ROLES)
    for role in ROLES:
        assert {p.url_path for p in pages_for(role)} == ALLOWED[role]
        assert home_for(role) in pages_for(role)
    assert home_for(BRIEFING).url_path == "ranking"  # province-level, on the briefing store
    assert home_for(ANALYST).url_path == home_for(ADMIN).url_path == "explore"
    assert pages_for("wizard") == ()
    with pytest.raises(KeyError):
        home_for("wizard")


@pytest.mark.parametrize("page", [p.url_path for p in PAGES])
@pytest.mark.parametrize("role", ROLES)
def test_every_role_against_every_page(atlas_env: Path, roles_file: Path, role: str, page: str
                                       ) -> None:  # fmt: skip
    at = opened(page, {"email": f"{role}@example.org"})
    assert not at.exception
    if page in ALLOWED[role]:
        assert not refused(at)
        assert at.title[0].value == TITLES[page]
    else:
        assert refused(at)
        (link,) = at.page_link
        assert link.value == f"Go to {TITLES[home_for(role).url_path]}"
        assert link.proto.page == home_for(role).url_path


def test_the_home_page_is_the_roles_home_and_the_sidebar_says_who(
    atlas_env: Path, roles_file: Path
) -> None:
    briefing = opened(None, {"email": "Briefing@Example.org"})
    assert briefing.title[0].value == "Which province next?"
    assert "Signed in as Briefing@Example.org (briefing)" in briefing.sidebar.caption[-1].value
    admin = opened(None, {"email": "someone@example.org", "groups": "staff, atlas-admins"})
    assert admin.title[0].value == "Explore"
    assert "(administrator)" in admin.sidebar.caption[-1].value


@pytest.mark.parametrize(
    "user",
    [{"email": "wizard@example.org"}, {"email": "stranger@example.org", "groups": "x"}, {},
     {"is_logged_in": False}, {"email": "", "groups": "atlas-admins"}],
)  # fmt: skip
def test_unknown_roles_and_people_get_the_anonymous_role(
    atlas_env: Path, roles_file: Path, monkeypatch: pytest.MonkeyPatch, user: dict
) -> None:
    assert not refused(opened("explore", user))  # demo data: anonymous means analyst
    monkeypatch.setenv("ATLAS_ANONYMOUS_ROLE", "briefing")
    assert refused(opened("explore", user))
    assert refused(opened("admin", user))


def test_anonymous_visitors_of_partner_data_get_the_briefing_pages(
    partner_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATLAS_DB_PATH", str(partner_db))
    monkeypatch.setenv("ATLAS_TILES", "off")
    home = opened(None, {})
    assert not home.exception
    assert home.title[0].value == "Which province next?"
    assert "Visitor without sign-in (briefing)" in home.sidebar.caption[-1].value
    for page in ("explore", "national_map", "admin"):
        assert refused(opened(page, {}))
    monkeypatch.setenv("ATLAS_ANONYMOUS_ROLE", "analyst")
    assert not refused(opened("explore", {}))


def test_a_roles_file_that_does_not_parse_stops_every_page_with_its_line(
    atlas_env: Path, roles_file: Path
) -> None:
    roles_file.write_text('[users]\n"a@b.org" = "analyst"\n"c@d.org" = admin\n', encoding="utf-8")
    for page in (None, "about"):
        at = opened(page, {"email": "a@b.org"})
        assert not at.exception
        (error,) = at.error
        assert error.value.startswith(
            f"The atlas cannot start: roles file {roles_file.name} (setting ATLAS_ROLES_FILE), "
            "line 3:"
        )
        assert not at.title


def test_a_bad_anonymous_role_setting_stops_the_start(
    atlas_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATLAS_ANONYMOUS_ROLE", "admin")
    at = opened(None, {})
    assert not at.exception
    assert "ATLAS_ANONYMOUS_ROLE must be one of auto, analyst, briefing" in at.error[0].value


def test_with_a_login_provider_the_sidebar_offers_to_log_in_and_out(
    atlas_env: Path, roles_file: Path
) -> None:
    # st.user holds is_logged_in only when st.login is set up ([auth] in secrets.toml).
    logged_out = opened(None, {"is_logged_in": False, "email": "briefing@example.org"})
    assert [b.label for b in logged_out.sidebar.button] == ["Log in"]
    assert logged_out.title[0].value == "Explore"  # anonymous on the demo: analyst
    logged_in = opened(None, {"is_logged_in": True, "email": "briefing@example.org"})
    assert [b.label for b in logged_in.sidebar.button] == ["Log out"]
    assert logged_in.title[0].value == "Which province next?"
    proxied = opened(None, {"email": "briefing@example.org"})  # headers: no log-in button
    assert not proxied.sidebar.button


def test_the_briefing_audience_reads_the_province_store(
    atlas_env: Path, roles_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = opened("about", {"email": "briefing@example.org"})
    assert not at.exception and at.title[0].value == TITLES["about"]
    assert at.session_state["_store"] == "briefing"
    assert at.dataframe[0].value["Polygons"].sum() == 1633  # the store's match summary
    # With the database itself gone, the briefing pages still open: they never read it.
    store_only = atlas_env.parent / "store_only"
    store_only.mkdir()
    from etl.schema import briefing_store_path

    briefing_store_path(store_only / atlas_env.name).hardlink_to(briefing_store_path(atlas_env))
    monkeypatch.setenv("ATLAS_DB_PATH", str(store_only / atlas_env.name))
    monkeypatch.setenv("ATLAS_ANONYMOUS_ROLE", "briefing")
    again = opened("about", {"email": "briefing@example.org"})
    assert not again.exception and again.title[0].value == TITLES["about"]
    # A commune in a link is neither looked up nor kept for this audience.
    linked = app("about", commune="120203")
    linked.user = {"email": "briefing@example.org"}
    linked.run()
    assert not linked.exception and "commune" not in linked.query_params


def test_the_router_asks_the_access_rule_before_it_runs_a_page(
    atlas_env: Path, roles_file: Path, refused_access: set
) -> None:
    refused_access.add(("view_page", "about"))
    at = opened("about", {"email": "admin@example.org"})
    assert not at.exception and refused(at)
    (link,) = at.page_link
    assert (link.value, link.proto.page) == ("Go to Explore", "explore")
    assert at.session_state["_page"] == "about"  # recorded by the router (ui.guard)
    assert not refused(opened("ranking", {"email": "admin@example.org"}))


def test_the_store_a_session_reads_is_the_access_rules(
    atlas_env: Path, roles_file: Path, refused_access: set
) -> None:
    assert opened("about", {"email": "analyst@example.org"}).session_state["_store"] == "atlas"
    refused_access.update({("read_level", "commune"), ("read_level", "district")})
    at = opened("about", {"email": "analyst@example.org"})
    assert not at.exception and at.session_state["_store"] == "briefing"


def _download_labels(at: AppTest) -> list[str]:
    return [b.proto.label for b in at.get("download_button")]


def test_each_download_button_asks_the_access_rule_for_its_kind(
    atlas_env: Path, roles_file: Path, refused_access: set
) -> None:
    analyst = {"email": "analyst@example.org"}
    assert _download_labels(opened("explore", analyst)) == [
        "Download the table (CSV)", "Download the map (HTML)", "Download a slide (PNG)",
    ]  # fmt: skip
    refused_access.add(("download", "csv"))
    at = opened("explore", analyst)
    assert not at.exception
    assert _download_labels(at) == ["Download the map (HTML)", "Download a slide (PNG)"]
    assert "This download (CSV) is not available for this audience." in [
        c.value for c in at.caption
    ]


def test_the_briefing_pack_asks_the_access_rule(
    atlas_env: Path, roles_file: Path, refused_access: set
) -> None:
    briefing = {"email": "briefing@example.org"}
    assert _download_labels(opened("ranking", briefing)) == [
        "Briefing pack (PDF, Khmer)", "Briefing pack (PDF, English)"]  # fmt: skip
    refused_access.add(("download", "pdf"))
    at = opened("ranking", briefing)
    assert not at.exception and _download_labels(at) == []
    assert [c.value for c in at.caption].count(
        "This download (PDF) is not available for this audience.") == 2  # fmt: skip
    refused_access.add(("build_pack", None))
    at = opened("ranking", briefing)
    assert not at.exception and _download_labels(at) == []
    assert at.info[-1].value == "The briefing pack is not available for this audience."


def test_a_partner_file_in_a_demo_build_makes_it_mixed_for_every_page(
    built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "atlas.duckdb"
    for path in (built_db, briefing_store_path(built_db)):
        shutil.copy(path, db.parent / path.name)
    monkeypatch.setenv("ATLAS_DB_PATH", str(db))
    monkeypatch.setenv("ATLAS_TILES", "off")
    demo = opened(None, {})
    assert demo.title[0].value == "Explore"  # wholly synthetic: the anonymous are analysts
    assert [w.value for w in demo.sidebar.warning] == [t("synthetic", "en")]
    ingest(db, "incidents", write_partner_incidents(tmp_path / "partners"))
    mixed = opened(None, {})
    assert not mixed.exception and mixed.title[0].value == "Which province next?"
    assert "Visitor without sign-in (briefing)" in mixed.sidebar.caption[-1].value
    assert [w.value for w in mixed.sidebar.warning] == [t("synthetic_mixed", "en")]
    assert refused(opened("explore", {}))
    monkeypatch.setenv("ATLAS_ANONYMOUS_ROLE", "analyst")  # the operator's choice, said aloud
    explore = opened("explore", {})
    assert [w.value for w in explore.sidebar.warning] == [t("synthetic_mixed", "en")]
    legend = " ".join(h.proto.body for h in explore.get("html"))  # the map's legend
    assert t("synthetic_mixed", "en") in legend
