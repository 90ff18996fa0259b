"""The evaluation page run headless with AppTest on the default demo: the answer is the estimate
of the same panel, a control moves it, bad input gets a plain message, counts over time are the
protection layer's, the map shows groups only."""

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
from analysis.evaluation import Evaluation, evaluate
from analysis.headline import headline_text, signed_percent
from i18n import t
from query import published
from query.panel import evaluation_panel
from query.view import Filters
from tests.pages.test_explore import values
from tests.pages.test_pages import app, folium_args

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


@pytest.fixture()
def page(atlas_env: Path) -> AppTest:
    at = app("evaluation").run()
    assert not at.exception
    return at


def headline(at: AppTest) -> str:
    return at.main.subheader[0].value


def expected(result: Evaluation, lang: str = "en", subject: str = ARRESTS) -> str:
    return headline_text(result.effect, result.low, result.high, subject, lang)


def test_the_answer_is_the_estimate_of_the_same_panel(page: AppTest, panel: pd.DataFrame) -> None:
    result = evaluate(panel)
    assert page.title[0].value == "Did the pilot work?"
    assert headline(page) == expected(result)
    assert headline(page).startswith(f"{ARRESTS} fell by ")
    metrics = {m.label: m.value for m in page.metric}
    assert metrics["Change"] == signed_percent(result.effect)
    assert (
        metrics["95 % interval"] == f"{signed_percent(result.low)} – {signed_percent(result.high)}"
    )
    assert metrics["Pilot communes in the estimate"] == f"{result.pilot_communes:,}"
    assert metrics["Comparison communes in the estimate"] == f"{result.comparison_communes:,}"
    text = "\n".join(m.value for m in page.markdown)
    assert f"Pre-trend test: p = {result.pre_trend_p:.2f}. Before the start" in text
    check = result.robustness
    assert t("eval_robustness", "en", control="communes never in the partnership",
             effect=signed_percent(check.effect), low=signed_percent(check.low),
             high=signed_percent(check.high)) in text  # fmt: skip
    assert "the demo set plants a fall of 40 %" in text  # the synthetic label, with the truth
    assert "Urban communes of provinces without the pilot" in text  # the design and its why


def test_a_control_moves_the_answer(page: AppTest, panel: pd.DataFrame) -> None:
    before = headline(page)
    page.radio(key="w_eval_design").set_value("not_yet_treated").run()
    assert not page.exception
    assert headline(page) == expected(evaluate(panel, "not_yet_treated", robustness=False))
    assert headline(page) != before
    page.radio(key="w_eval_window").set_value("all_months").run()
    moved = evaluate(panel, "not_yet_treated", "all_months", robustness=False)
    assert headline(page) == expected(moved)
    page.run()  # nothing changed: the cached answer
    assert headline(page) == expected(moved)


def test_bad_input_says_what_is_missing_and_gives_no_estimate(page: AppTest) -> None:
    page.multiselect(key="w_eval_provinces").set_value(["01"]).run()
    assert not page.exception
    (warning,) = page.main.warning
    assert warning.value.startswith(
        "No estimate: only 2 pilot communes have incidents of the chosen types in 2010-09 – "
        "2014-12; at least 3 are needed."
    )
    assert not page.main.subheader and not page.metric and not page.get("plotly_chart")
    page.multiselect(key="w_eval_provinces").set_value([]).run()
    assert [i.value for i in page.main.info] == ["Choose at least one pilot province."]
    page.multiselect(key="w_eval_provinces").set_value(["18"])
    page.multiselect(key="w_eval_types").set_value([]).run()
    assert [i.value for i in page.main.info] == ["Choose at least one incident type."]
    page.multiselect(key="w_eval_types").set_value(["arrest_detention"])
    page.radio(key="w_eval_design").set_value("not_yet_treated").run()
    assert not page.exception and not page.main.subheader
    (warning,) = page.main.warning
    assert warning.value.startswith("No estimate: only 2 comparison communes have incidents")


def test_counts_over_time_are_published_group_counts(
    page: AppTest, con: duckdb.DuckDBPyConnection, panel: pd.DataFrame
) -> None:
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
    page.multiselect(key="w_eval_types").set_value(["venue_raid", "arrest_detention"]).run()
    assert not page.exception and headline(page).startswith("Incidents of the chosen types")
    assert [i.value for i in page.main.info] == [t("eval_series_off_grid", "en")]
    assert len(page.get("plotly_chart")) == 1  # the event study only


def test_the_map_shows_the_groups_and_no_count(page: AppTest, panel: pd.DataFrame) -> None:
    groups = design_groups(panel)
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


def test_the_page_in_khmer(page: AppTest, panel: pd.DataFrame) -> None:
    page.sidebar.radio[0].set_value("km").run()
    assert not page.exception
    assert page.title[0].value == "តើគម្រោងសាកល្បងមានប្រសិទ្ធភាពទេ?"
    assert headline(page) == expected(evaluate(panel, robustness=False), "km",
                                      "ការចាប់ខ្លួន និងការរឹបអូស")  # fmt: skip
    assert page.multiselect(key="w_eval_types").value == [
        "arrest_detention", "condom_confiscation", "syringe_confiscation",
    ]  # the choices survive the change of labels  # fmt: skip


def test_the_first_view_is_the_published_one(
    atlas_env: Path, panel: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pages.evaluation as page_module

    def computed(*args: object) -> None:
        raise AssertionError("the first view was computed on the page")

    monkeypatch.setattr(page_module, "estimate", computed)
    at = app("evaluation").run()
    assert not at.exception and headline(at) == expected(evaluate(panel))
    assert not at.main.info  # made from the facts as they are: nothing to say
    at.radio(key="w_eval_design").set_value("not_yet_treated").run()
    assert at.exception  # any other choice is computed here


def test_a_view_made_from_older_facts_says_so_and_is_shown_whole(
    stale_env: Path, panel: pd.DataFrame
) -> None:
    at = app("evaluation").run()
    assert not at.exception
    (note,) = at.main.info
    assert note.value.startswith("These results were made from the data loaded on 20")
    assert "UTC. Newer data, loaded on 20" in note.value
    assert note.value.endswith("an administrator can publish them on the Admin page.")
    assert headline(at) == expected(evaluate(panel))  # the product, whole
    at.sidebar.radio[0].set_value("km").run()
    assert at.main.info[0].value.startswith("លទ្ធផលទាំងនេះត្រូវបានធ្វើពីទិន្នន័យ")
