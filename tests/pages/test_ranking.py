"""The ranking page run headless with AppTest: for analysts and the briefing audience (who
read the briefing store only), sliders that move the ranking, bad weights, every rank with its
interval, the map with the academies, and the briefing pack built on click and audited."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import audit
from analysis.ranking import CRITERION_NAMES
from etl.schema import briefing_store_path
from tests.pages.test_pages import app, features, folium_args

RANK = re.compile(r"^(\d+) \((\d+)–(\d+)\)$")


def ranking_page(role: str = "analyst", **params: str) -> AppTest:
    at = app("ranking", **params)
    at.user = {"email": f"{role}@example.org"}
    return at.run()


@pytest.fixture()
def roles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "roles.toml"
    path.write_text('[users]\n"analyst@example.org" = "analyst"\n'
                    '"briefing@example.org" = "briefing"\n', encoding="utf-8")  # fmt: skip
    monkeypatch.setenv("ATLAS_ROLES_FILE", str(path))
    return path


def table(at: AppTest):
    return at.table[0].value  # the ranking table: static, every province (ui.layout.fit_table)


def test_every_rank_shows_its_interval(atlas_env: Path, roles: Path) -> None:
    at = ranking_page()
    assert not at.exception and at.title[0].value == "Which province next?"
    ranks = table(at)["Rank (90 % interval)"]
    assert len(ranks) == 22  # the candidates: the partnership's provinces are listed apart
    matched = [RANK.match(text) for text in ranks]
    assert all(matched), [text for text, m in zip(ranks, matched, strict=True) if not m]
    assert [int(m.group(1)) for m in matched] == list(range(1, 23))
    assert "In the partnership" not in table(at).columns  # none of them is: no empty column
    apart = next(m.value for m in at.markdown if "Preah Sihanouk: since" in m.value)
    assert apart.count("since 20") == 3
    assert any(
        m.value.startswith("What the next province should have more of") for m in at.markdown
    )
    # The question names the pilots in the case study's order (vocabulary.PILOT_SITES).
    assert at.caption[0].value.startswith(
        "Where should the police–community partnership go after Banteay Meanchey, Phnom Penh "
        "and Preah Sihanouk? "
    )
    assert at.caption[1].value.startswith("Relative weights")
    assert any("The weighted sum is the plainest score" in c.value for c in at.caption)
    # method names only in the collapsed method note
    (note,) = [e for e in at.expander if e.label == "Method note"]
    assert "SPOTIS" in note.caption[0].value and "log(1 + value)" in note.caption[0].value
    assert any("enters the ranking as 2 " in c.value and "Kep" in c.value for c in at.caption)


def test_a_slider_moves_the_ranking_and_reset_brings_it_back(atlas_env: Path, roles: Path) -> None:
    at = ranking_page()
    before = table(at)["Province"].tolist()
    at.slider(key="w_rank_police_readiness").set_value(1.0).run()
    moved = table(at)["Province"].tolist()
    assert not at.exception and moved != before
    assert moved[0] == "02 Battambang"  # its own academy, weighted most
    next(b for b in at.button if b.label == "Reset the default weights").click().run()
    assert table(at)["Province"].tolist() == before


def test_all_zero_weights_give_a_plain_message(atlas_env: Path, roles: Path) -> None:
    at = ranking_page()
    for name in CRITERION_NAMES:
        at.slider(key=f"w_rank_{name}").set_value(0.0)
    at.run()
    assert not at.exception and not at.dataframe
    (error,) = at.error
    assert error.value.startswith("Every weight is zero (Disruption rate, Change since the policy")


def test_the_map_draws_every_province_and_the_academies(atlas_env: Path, roles: Path) -> None:
    at = ranking_page()
    args = folium_args(at)
    assert len(features(args)) == 25
    data = json.loads(re.search(r"var data = (\{.*?\});\n", args["script"]).group(1))
    assert len(data["p"]) == 6 and len(data["ol"]) == 3  # academies; partnership outlined
    assert all(re.search(r": 9 of 9 modules, test gain \+\d+%", text) for text in data["pv"])


def test_the_briefing_audience_reads_only_the_store(
    atlas_env: Path, roles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    analyst = table(ranking_page())
    at = ranking_page("briefing")
    assert not at.exception and at.session_state["_store"] == "briefing"
    assert table(at).equals(analyst)
    alone = atlas_env.parent / "ranking_store_only"
    alone.mkdir(exist_ok=True)
    if not briefing_store_path(alone / atlas_env.name).exists():
        briefing_store_path(alone / atlas_env.name).hardlink_to(briefing_store_path(atlas_env))
    monkeypatch.setenv("ATLAS_DB_PATH", str(alone / atlas_env.name))
    monkeypatch.setenv("ATLAS_ANONYMOUS_ROLE", "briefing")
    again = ranking_page("briefing")  # the database itself is not there
    assert not again.exception and table(again).equals(analyst)


def test_the_page_speaks_khmer(atlas_env: Path, roles: Path) -> None:
    at = ranking_page(lang="km")
    assert not at.exception and at.title[0].value == "ខេត្តណាបន្ទាប់?"
    assert "បន្ទាប់ពីបន្ទាយមានជ័យ, រាជធានីភ្នំពេញ និង ព្រះសីហនុ?" in at.caption[0].value
    assert "ចំណាត់ថ្នាក់ (ចន្លោះ ៩០ %)" in table(at).columns
    why = next(m.value for m in at.markdown if "នាំមុខខេត្តកណ្តាល" in m.value)
    assert why.count("\n- ") == 2 and "បាត់ដំបង" in why


def _pack_script() -> None:
    import streamlit as st

    from analysis.ranking import DEFAULT_WEIGHTS
    from ui.guard import record_page
    from ui.ranking_view import compute_ranking, pack_button

    record_page("ranking")  # as the router does before it runs the page
    ranking = compute_ranking(dict(DEFAULT_WEIGHTS), "weighted_sum", "en")
    st.session_state["pack"] = pack_button(st.container(), ranking, "km", "en")


def test_the_pack_is_built_on_click_and_audited(
    atlas_env: Path, roles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "audit.jsonl"
    monkeypatch.setenv("ATLAS_AUDIT_LOG", str(log))
    page = ranking_page()
    labels = [b.proto.label for b in page.get("download_button")]
    assert labels == ["Download the ranking (CSV)", "Download the academies (CSV)",
                      "Briefing pack (PDF, Khmer)", "Briefing pack (PDF, English)"]  # fmt: skip
    assert not log.exists()  # drawing the buttons builds nothing
    at = AppTest.from_function(_pack_script, default_timeout=120)
    at.user = {"email": "analyst@example.org"}
    at.run()
    assert not at.exception
    build, name = at.session_state["pack"]
    assert name == f"synthetic_briefing_pack_km_{date.today():%Y-%m-%d}.pdf"
    content = build()  # as Streamlit runs it on a click: outside the run
    assert content.startswith(b"%PDF")
    (entry,) = audit.read_entries(log)
    assert (entry.action, entry.file, entry.user) == ("download", name, "analyst@example.org")
    assert entry.sha256 == audit.sha256_of(content)


def test_partner_data_without_estimates_shows_missing_never_zero(
    partner_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Partner files with incidents only: no estimates, no academies file, no data before the
    policy. Every criterion needs one of them, so each reads "missing" and nothing is ranked."""
    monkeypatch.setenv("ATLAS_DB_PATH", str(partner_db))
    monkeypatch.setenv("ATLAS_TILES", "off")
    at = app("ranking").run()  # anonymous on partner data: the briefing audience
    assert not at.exception and not at.error
    assert at.session_state["_store"] == "briefing"
    shown = table(at)
    for column in ("Disruption rate", "Change since the policy", "Members per service point",
                   "Police readiness"):  # fmt: skip
        assert set(shown[column]) == {"missing"}, column
    assert len(shown) == 25  # no partnership anywhere: every province is a candidate
    # with no criterion known anywhere, no province is ranked (none is scored as 0)
    assert set(shown["Rank (90 % interval)"]) == {"not ranked"}
    assert any(i.value.startswith("No police academy file is loaded") for i in at.info)


def test_a_ranking_made_from_older_facts_says_so_and_is_shown_whole(
    atlas_env: Path, roles: Path, stale_env: Path
) -> None:
    published = table(ranking_page())
    at = ranking_page("briefing")
    assert not at.exception and table(at).equals(published)
    (note,) = at.info
    assert note.value.startswith("These results were made from the data loaded on 20")


def test_the_default_ranking_is_the_published_one(
    atlas_env: Path, roles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import ranking_view

    computed = ranking_view._rank
    monkeypatch.setattr(ranking_view, "_rank", lambda *a: pytest.fail("computed on the page"))
    at = ranking_page()
    assert not at.exception and len(table(at)) == 22 and not at.info
    monkeypatch.setattr(ranking_view, "_rank", computed)
    at.slider(key="w_rank_police_readiness").set_value(1.0).run()
    assert not at.exception and table(at)["Province"].iloc[0] == "02 Battambang"


def test_the_page_shows_the_diagnostics_and_what_moves_the_ranking(
    atlas_env: Path, roles: Path
) -> None:
    at = ranking_page()
    assert not at.exception
    diagnostics = next(d.value for d in at.table if "Correlation with the score" in d.value.columns)
    rows = dict(zip(diagnostics["Criterion"], diagnostics["Decision"], strict=True))
    assert rows["Communes without partnership"] == "dropped: the same for every candidate"
    assert rows["Key-population size"].startswith("merged into members per service point")
    assert "empirical Bayes" in rows["Disruption rate"]
    assert set(diagnostics["Weight"][:4]) <= {"35%", "20%", "25%"}
    moves = next(m.value for m in at.markdown if "would lose first place" in m.value)
    assert "What moves the first three places most:" in moves
    assert moves.count("Without ") == 4
    include = next(w for w in at.toggle if w.label.startswith("Rank the provinces already"))
    include.set_value(True).run()
    assert not at.exception and len(table(at)) == 25
    assert (table(at)["In the partnership"] != "").sum() == 3
