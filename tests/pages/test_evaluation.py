"""The evaluation page run headless with AppTest on the default demo: the answer is the published
estimate of the same facts (``publish.evaluation``), a control moves it, only the choices the
evaluation publishes are offered, a refusal gets a plain message without a count, counts over
time are the protection layer's, the map shows groups only."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import plotly.io
import pytest
from streamlit.testing.v1 import AppTest

import query
from analysis.designs import design_groups
from analysis.evaluation import Evaluation
from analysis.headline import headline_text, signed_percent
from analysis.verdict_words import verdict_text
from i18n import numerals, t
from publish import evaluation_rules as rules
from publish.evaluation import evaluate_atlas
from query import published
from query.panel import evaluation_panel
from query.view import Filters
from tests.pages.test_explore import values
from tests.pages.test_pages import app, folium_args
from ui.evaluation_checks import check_lines

pytestmark = pytest.mark.integration
ARRESTS = "Arrests and confiscations"


@pytest.fixture(scope="module")
def con(built_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = query.open_database(built_db)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def panel(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return evaluation_panel(con)


def evaluate(con: duckdb.DuckDBPyConnection, *args: object, **kwargs: object) -> Evaluation:
    """The evaluation as the atlas publishes it (the page's own call)."""
    return evaluate_atlas(con, None, rules.OFFERED_TYPES["arrests_confiscations"], *args,
                          **kwargs)  # fmt: skip


@pytest.fixture()
def page(atlas_env: Path) -> AppTest:
    at = app("evaluation").run()
    assert not at.exception
    return at


def headline(at: AppTest) -> str:
    return at.main.subheader[0].value


def expected(result: Evaluation, lang: str = "en", subject: str = ARRESTS) -> str:
    return headline_text(result.effect, result.low, result.high, subject, lang)


def test_the_answer_is_the_estimate_of_the_same_panel(
    page: AppTest, con: duckdb.DuckDBPyConnection
) -> None:
    result = evaluate(con)
    assert page.title[0].value == "Did the pilot work?"
    assert headline(page) == expected(result)
    assert headline(page).startswith(f"{ARRESTS} fell by ")
    metrics = {m.label: m.value for m in page.metric}
    assert metrics["Change"] == signed_percent(result.effect)
    assert (
        metrics["95 % interval"] == f"{signed_percent(result.low)} – {signed_percent(result.high)}"
    )
    assert metrics["Pilot communes compared"] == f"{result.pilot_communes:,}" == "58"
    assert metrics["Comparison communes compared"] == f"{result.comparison_communes:,}"
    text = "\n".join(m.value for m in page.markdown)
    assert f"Pre-trend test: p = {result.pre_trend_p:.2f}. Before the start" in text
    second = result.robustness
    assert (
        "A second way of measuring, which uses every month before the start, against "
        f"communes never in the partnership: {signed_percent(second.effect)} "
        f"({signed_percent(second.low)} to {signed_percent(second.high)})."
    ) in text
    assert "the demo set plants a fall of 40 %" in text  # the synthetic label, with the truth
    assert "Urban communes of provinces without the pilot" in text  # the design and its why


METHOD_NAMES = ("Wooldridge", "Poisson", "imputation", "Borusyak", "Rambachan", "breakdown")


def test_the_verdict_and_its_checks_in_plain_words(
    page: AppTest, con: duckdb.DuckDBPyConnection
) -> None:
    """Under "Can the change be trusted?": the verdict, what stood in its way, the second way
    of measuring, the drift check with its breakdown value and the incidents the partnership
    should not change, as published; the methods' names only in the collapsed method note."""
    result = evaluate(con)
    assert result.verdict == "fell" and result.verdict_reasons == ()
    assert "Can the change be trusted?" in [h.value for h in page.main.subheader]
    text = "\n".join(m.value for m in page.markdown)
    assert f"**{verdict_text('fell', 'en')}**" in text
    for line in check_lines(result, "en"):
        assert f"- {line}" in text
    drift = result.sensitivity
    assert f"by more than {round(drift.breakdown * 100)} % from one quarter to the next" in text
    assert "(Venue raid, Compulsory drug detention) changed by" in text
    (note,) = [e for e in page.expander if e.label == "Method note"]
    assert not note.proto.expanded
    inside = "\n".join(m.value for m in note.markdown)
    assert all(name in inside for name in METHOD_NAMES)
    outside = [m.value for m in page.markdown if m.value not in inside]
    outside += [c.value for c in page.caption] + [h.value for h in page.main.subheader]
    assert not [(name, v) for v in outside for name in METHOD_NAMES if name in v]


def test_a_verdict_that_cannot_tell_says_why(
    page: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A choice whose checks stand in the way: "cannot tell" and each reason in words, in
    Khmer too (the checks are computed for a choice the publish stage did not make)."""
    import streamlit as st

    from analysis import verdict

    monkeypatch.setattr(verdict, "PRE_TREND_ALPHA", 1.01)  # every pre-trend test now flags
    st.cache_data.clear()
    page.radio(key="w_eval_design").set_value("not_yet_treated").run()
    assert not page.exception
    text = "\n".join(m.value for m in page.markdown)
    assert f"**{verdict_text('cannot_tell', 'en')}**" in text
    assert "- the pilot and comparison communes already moved apart before the start" in text
    page.sidebar.radio[0].set_value("km").run()
    khmer = "\n".join(m.value for m in page.markdown)
    assert f"**{verdict_text('cannot_tell', 'km')}**" in khmer
    assert "- " + t("verdict_why_pre_trend", "km") in khmer
    st.cache_data.clear()


def test_a_control_moves_the_answer(page: AppTest, con: duckdb.DuckDBPyConnection) -> None:
    before = headline(page)
    page.radio(key="w_eval_design").set_value("not_yet_treated").run()
    assert not page.exception
    assert headline(page) == expected(evaluate(con, "not_yet_treated", robustness=False))
    assert headline(page) != before
    page.radio(key="w_eval_window").set_value("all_months").run()
    moved = evaluate(con, "not_yet_treated", "all_months", robustness=False)
    assert headline(page) == expected(moved)
    page.run()  # nothing changed: the cached answer
    assert headline(page) == expected(moved)


def test_only_the_published_choices_are_offered_and_why(page: AppTest) -> None:
    # Phnom Penh alone holds 53 pilot communes, but what Banteay Meanchey and Preah Sihanouk
    # add to it is 5: no province is offered alone on the demo
    assert page.selectbox(key="w_eval_province").options == ["Every pilot province"]
    assert page.radio(key="w_eval_types").options == ["Arrests and confiscations",
                                                      "All incidents"]  # fmt: skip
    note = t("eval_offer_note", "en", min=rules.MIN_COMMUNES)
    assert note in [c.value for c in page.caption]
    assert "single incident types and other months are not offered" in note
    assert not page.main.warning


def test_a_refusal_says_what_is_too_small_without_a_count(
    page: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    import streamlit as st

    monkeypatch.setattr(rules, "MIN_COMMUNES", 100)  # more pilot communes than the demo has
    st.cache_data.clear()
    page.radio(key="w_eval_design").set_value("all_communes").run()
    assert not page.exception
    (warning,) = page.main.warning
    assert warning.value == (
        "No estimate: too few communes in the groups compared; the pilot and the comparison "
        "communes must each number at least 100."
    )
    assert not page.main.subheader and not page.metric and not page.get("plotly_chart")
    st.cache_data.clear()


def test_counts_over_time_are_published_group_counts(
    page: AppTest, con: duckdb.DuckDBPyConnection, panel: pd.DataFrame
) -> None:
    assert "incidents" not in page.get("plotly_chart")[0].proto.spec
    event, series = (c.proto.spec for c in page.get("plotly_chart"))
    assert "incidents" not in event  # the event study's counts stay out of the chart
    series = plotly.io.from_json(series)
    groups = design_groups(panel)
    bounds = query.explore.month_range(con)
    filters = Filters(bounds[0], incident_type="arrests_confiscations")
    for trace, ids in zip(series.data, (groups.pilot, groups.comparison), strict=True):
        counts = published.group_series(con, filters, bounds, ids)
        shown = counts["count"].where(counts["state"] != "small") / len(ids)
        drawn = np.array(values(trace.y), dtype=float)
        np.testing.assert_allclose(drawn, shown.to_numpy(dtype=float), equal_nan=True)
        assert [c[1] for c in trace.customdata] == counts["text"].tolist()
        assert f"({len(ids):,} communes)" in trace.name
    page.radio(key="w_eval_types").set_value("all").run()
    assert not page.exception and headline(page).startswith("All incidents")
    assert len(page.get("plotly_chart")) == 2  # all incidents are on the grid too


def test_the_map_shows_the_groups_and_no_count(page: AppTest, panel: pd.DataFrame) -> None:
    groups = design_groups(panel, window=rules.calendar_window("after_policy", panel))
    match = re.search(r"var data = (\{.*?\});\n", folium_args(page)["script"])
    assert match
    payload = json.loads(match.group(1))
    fills = pd.Series(payload["fi"]).value_counts()
    assert (fills[0], fills[1], fills[2]) == (
        len(groups.pilot), len(groups.comparison), 1633 - len(groups.pilot) - len(groups.comparison)
    )  # fmt: skip
    assert set(payload["xv"]) == {"Pilot communes", "Comparison communes", "Not compared"}


def test_without_partnership_data_the_page_says_so(
    partner_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATLAS_DB_PATH", str(partner_db))
    monkeypatch.setenv("ATLAS_TILES", "off")
    monkeypatch.setenv("ATLAS_ANONYMOUS_ROLE", "analyst")
    at = app("evaluation").run()
    assert not at.exception and not at.main.subheader
    assert [i.value for i in at.main.info] == ["No estimate: no commune has a partnership start."]


def test_the_page_in_khmer(page: AppTest, con: duckdb.DuckDBPyConnection) -> None:
    page.sidebar.radio[0].set_value("km").run()
    assert not page.exception
    assert page.title[0].value == "តើគម្រោងសាកល្បងមានប្រសិទ្ធភាពទេ?"
    answer = expected(evaluate(con, robustness=False), "km", "ការចាប់ខ្លួន និងការរឹបអូស")
    assert headline(page) == numerals(answer, "km")  # its figures in Khmer digits
    assert not re.search("[0-9]", headline(page))
    assert not any(re.search("[0-9]", m.value) for m in page.main.metric)
    # the choices survive the change of labels
    assert page.radio(key="w_eval_types").value == "arrests_confiscations"


def test_the_first_view_is_the_published_one(
    atlas_env: Path, con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pages.evaluation as page_module
    from ui import evaluation_view

    def computed(*args: object) -> None:
        raise AssertionError("the first view was computed on the page")

    monkeypatch.setattr(page_module, "estimate", computed)
    monkeypatch.setattr(evaluation_view, "estimate", computed)  # the checks are published too
    at = app("evaluation").run()
    assert not at.exception and headline(at) == expected(evaluate(con))
    assert f"**{verdict_text('fell', 'en')}**" in [m.value for m in at.markdown]
    assert not at.main.info  # made from the facts as they are: nothing to say
    at.radio(key="w_eval_design").set_value("not_yet_treated").run()
    assert at.exception  # any other choice is computed here


def test_a_view_made_from_older_facts_says_so_and_is_shown_whole(
    stale_env: Path, con: duckdb.DuckDBPyConnection
) -> None:
    at = app("evaluation").run()
    assert not at.exception
    (note,) = at.main.info
    assert note.value.startswith("These results were made from the data loaded on 20")
    assert "UTC. Newer data, loaded on 20" in note.value
    assert note.value.endswith("an administrator can publish them on the Admin page.")
    assert headline(at) == expected(evaluate(con))  # the product, whole
    at.sidebar.radio[0].set_value("km").run()
    assert at.main.info[0].value.startswith("លទ្ធផលទាំងនេះត្រូវបានធ្វើពីទិន្នន័យ")


def test_the_event_study_sends_whole_percent_only(page: AppTest) -> None:
    """What the browser receives of the event study: whole percentages (no 16-digit number to
    read a count back from), and only the bins the rules publish, with their caption."""
    chart = plotly.io.from_json(page.get("plotly_chart")[0].proto.spec)
    drawn = [v for trace in chart.data for v in values(trace.y)]
    bars = [v for trace in chart.data if trace.error_y and trace.error_y.array is not None
            for v in (*values(trace.error_y.array), *values(trace.error_y.arrayminus))]  # fmt: skip
    assert drawn and all(float(v) == round(float(v)) for v in drawn + bars)
    shown = t("eval_event_shown", "en", t=published.threshold())
    assert shown in [c.value for c in page.caption]
