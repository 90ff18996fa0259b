"""The Explore page run headless with AppTest: filters, the URL, small counts, the panel."""

from __future__ import annotations

import base64
import json
import re
from datetime import date
from pathlib import Path

import lxml.html
import numpy as np
import pandas as pd
import plotly.io
import pytest
from streamlit.testing.v1 import AppTest

import query
from etl import build
from i18n import numerals
from query import published
from query.view import Filters
from tests.pages.test_pages import (
    NATIONAL_BUDGET,
    NATIONAL_WIRE_BUDGET,
    app,
    features,
    folium_args,
    metric,
    wire_bytes,
)

SMALL = re.compile(r"^[1-4]$")
#: The Explore page's own data on the wire, national view with every layer (issue 8).
PAGE_WIRE_BUDGET = 150_000


def payload(at: AppTest) -> dict:
    match = re.search(r"var data = (\{.*?\});\n", folium_args(at)["script"])
    assert match
    return json.loads(match.group(1))


def legend(at: AppTest) -> str:
    """The legend drawn beside the map."""
    (html,) = [h.proto.body for h in at.get("html") if "atlas-legend" in h.proto.body]
    return html


def values(array: object) -> list:
    """A plotly array from JSON: a list, or a typed array (base64 ``bdata``)."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def published_total(db: Path, filters: Filters) -> str:
    """The view's total as the protection layer publishes it (a test's independent read)."""
    con = query.open_database(db)
    try:
        return published.total(con, filters).text
    finally:
        con.close()


def test_the_default_view_is_the_last_year_within_budget(atlas_env: Path) -> None:
    at = app()
    at.run()
    assert not at.exception
    assert metric(at, "Incidents in the period") == published_total(atlas_env, Filters(
        date(2014, 1, 1)))  # fmt: skip
    assert metric(at, "Change vs the year before").endswith("%")
    assert any("compares 2014-01 – 2014-12 with 2013-01 – 2013-12" in c.value for c in at.caption)
    # nationally the map opens on districts (communes are specks at that scale) ...
    assert len(features(folium_args(at))) == 210
    held = [int(n) for n in re.findall(r": (\d+) districts<", legend(at))]
    assert len(held) == 3 and sum(held) == 210 and all(held)  # every class holds some
    # ... and the national commune map, one choice away, stays within the budget
    at = app()
    at.query_params["level"] = "commune"
    at.run()
    args = folium_args(at)
    assert len(json.dumps(args).encode()) <= NATIONAL_BUDGET
    assert wire_bytes(json.dumps(args).encode()) <= NATIONAL_WIRE_BUDGET
    assert len(features(args)) == 1633
    data = payload(at)
    assert not [v for v in data["xv"] if SMALL.match(v)], "a count below 5 in a tooltip"
    assert "<5" in data["xv"] and "0" not in data["xv"]  # no count reads 0
    assert "Synthetic demonstration data" in legend(at)  # the legend says so too
    assert any("How numbers are protected" in c.value for c in at.caption)


def test_every_layer_in_khmer_stays_within_the_wire_budget(atlas_env: Path) -> None:
    at = app()
    for key, value in {"layers": "partnership,services,borders", "lang": "km"}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    sent = json.dumps(folium_args(at)).encode()
    assert len(sent) <= NATIONAL_BUDGET and wire_bytes(sent) <= NATIONAL_WIRE_BUDGET
    data = payload(at)
    assert data["b"] and data["ol"] and data["p"]  # borders, partnership outlines, services
    # The whole page, every element as Streamlit sends it: the 150 KB on the wire.
    assert sum(wire_bytes(proto) for proto in element_protos(at._tree)) <= PAGE_WIRE_BUDGET


def element_protos(node: object) -> list[bytes]:
    """Every drawn element's message under ``node`` of an AppTest tree, serialised."""
    children = getattr(node, "children", None)
    if isinstance(children, dict) and children:
        return [b for child in children.values() for b in element_protos(child)]
    proto = getattr(node, "proto", None)
    return [proto.SerializeToString()] if proto is not None else []


def test_a_filter_change_moves_the_numbers_and_the_url(atlas_env: Path) -> None:
    at = app()
    at.run()
    before = metric(at, "Incidents in the period")
    at.selectbox(key="w_type").set_value("arrests_confiscations").run()
    assert not at.exception
    after = metric(at, "Incidents in the period")
    arrests = Filters(date(2014, 1, 1), "arrests_confiscations")
    assert after == published_total(atlas_env, arrests) != before
    assert dict(at.query_params) == {"type": "arrests_confiscations"}
    at.selectbox(key="w_period").set_value(date(2010, 1, 1)).run()
    assert dict(at.query_params) == {"type": "arrests_confiscations", "from": "2010-01",
                                     "to": "2010-12"}  # fmt: skip
    assert metric(at, "Incidents in the period") != after


def test_communes_offer_only_the_coarse_choices_and_districts_the_rest(atlas_env: Path) -> None:
    at = app(level="commune")
    at.run()
    assert at.selectbox(key="w_type").options == ["All", "Arrests and confiscations"]
    assert at.selectbox(key="w_actor").options == ["All"]
    at.radio(key="w_level").set_value("district").run()
    assert not at.exception
    assert len(at.selectbox(key="w_type").options) == 10
    at.selectbox(key="w_type").set_value("venue_raid").run()
    assert len(features(folium_args(at))) == 210
    assert dict(at.query_params) == {"type": "venue_raid"}  # districts suit the country
    at.radio(key="w_level").set_value("commune").run()  # back to communes: "all" again
    assert dict(at.query_params) == {"level": "commune"}
    assert len(features(folium_args(at))) == 1633


def test_a_shared_link_reopens_the_same_view(atlas_env: Path) -> None:
    params = {
        "from": "2012-01", "to": "2012-12", "pop": "pwid", "province": "12",
        "cover": "share", "layers": "partnership,services",
        "measure": "rate", "lang": "km",
    }  # fmt: skip
    first = app(**params)
    first.run()
    assert not first.exception
    assert first.selectbox(key="w_pop").value == "pwid"
    assert first.selectbox(key="w_province").value == "12"
    assert first.radio(key="w_measure").value == "rate"
    assert first.selectbox(key="w_period").value == date(2012, 1, 1)
    # one population is offered by district, not by commune: the province's districts, the
    # level that suits the choice (so the link need not name it)
    assert first.radio(key="w_level").value == "district"
    assert {k: first.query_params[k] for k in params} == params
    shared = app(**dict(first.query_params.items()))
    shared.run()
    assert [m.value for m in shared.metric] == [m.value for m in first.metric]
    assert len(features(folium_args(shared))) == 14  # Phnom Penh's districts
    assert payload(shared)["p"]  # public services layer on


@pytest.mark.parametrize(
    ("params", "says"),
    [
        ({"from": "2014-06", "to": "2013-01"}, "starts (2014-06) after it ends (2013-01)"),
        ({"from": "abc"}, "not in YYYY-MM form"),
        ({"province": "99"}, "province “99”, which does not exist"),
        ({"commune": "999999"}, "commune “999999”, which does not exist"),
        ({"commune": "x' OR 1=1 --"}, "which does not exist"),
        ({"type": "arrest_detention,venue_raid"}, "expected one of"),
        ({"commune": "![x](http://e.org/t.png)"}, "commune “![x](http://e.org/t.png)”"),
        ({"from": "0000-01"}, "not in YYYY-MM form"),
        ({"from": "២០១៤-០១", "to": "２０១៤-១២"}, "not in YYYY-MM form"),
        ({"to": "2014-12\n"}, "not in YYYY-MM form"),
    ],
)
def test_bad_links_give_a_message_and_the_default_view(
    atlas_env: Path, params: dict, says: str
) -> None:
    at = app(**params)
    at.run()
    assert not at.exception
    # The messages are Markdown with every punctuation mark from the URL escaped.
    assert any(says in w.value.replace("\\", "") for w in at.warning), [w.value for w in at.warning]
    assert not any("](http" in w.value for w in at.warning)
    default = published_total(atlas_env, Filters(date(2014, 1, 1)))
    assert metric(at, "Incidents in the period") == default


def test_a_longer_period_and_a_district_choice_are_corrected_with_a_note(atlas_env: Path) -> None:
    at = app(**{"from": "2013-01", "to": "2014-12", "type": "venue_raid", "level": "commune"})
    at.run()
    assert not at.exception
    texts = " ".join(w.value for w in at.warning)
    assert "calendar years only" in texts and "shown by district" in texts
    assert at.radio(key="w_level").value == "district"
    assert dict(at.query_params) == {"type": "venue_raid"}  # districts: the country's default


def test_a_commune_in_the_link_opens_its_story(atlas_env: Path) -> None:
    at = app(province="12", commune="120203")
    at.run()
    assert not at.exception
    assert at.subheader[0].value == "Phsar Thmei Ti Bei"
    assert any("ផ្សារថ្មីទី ៣" in m.value for m in at.markdown)
    chart = plotly.io.from_json(at.get("plotly_chart")[0].proto.spec)
    bars = [trace for trace in chart.data if trace.type == "bar" and trace.customdata is not None]
    heights = [y for trace in bars for y in values(trace.y) if y is not None]
    assert heights and not [y for y in heights if 0 < y < 4]  # no bar below the threshold
    texts = [c[1] for trace in bars for c in trace.customdata]
    assert not [x for x in texts if SMALL.match(x)]
    lines = [s.x0 for s in chart.layout.shapes]
    assert pd.Timestamp(2010, 8, 16).timestamp() * 1000 in lines
    district = plotly.io.from_json(at.get("plotly_chart")[1].proto.spec)  # its district beside
    assert sum(sum(y for y in values(t.y) if y) for t in district.data if t.type == "bar") > sum(
        heights)  # fmt: skip
    assert any("Doun Penh" in m.value for m in at.markdown)
    assert any(c.value.startswith("① ") for c in at.caption)  # what the chart's marks mean
    data = payload(at)
    assert data["sl"] >= 0  # the open commune is outlined on the map
    at.button(key="close_panel").click().run()
    assert "commune" not in at.query_params
    assert "Phsar Thmei Ti Bei" not in [s.value for s in at.subheader]
    assert payload(at)["sl"] == -1


def test_the_search_box_opens_a_commune_in_either_script(atlas_env: Path) -> None:
    at = app()
    at.run()
    assert "w_search" not in [b.key for b in at.selectbox]  # no name sent before one is typed
    at.text_input(key="w_search_text").input("ផ្សារថ្មីទី ៣").run()
    box = at.selectbox(key="w_search")
    (label,) = [o for o in box.options if "ផ្សារថ្មីទី ៣" in o]
    assert "Phsar Thmei Ti Bei" in label and "Doun Penh" in label
    box.set_value(label).run()
    assert not at.exception
    assert dict(at.query_params) == {"province": "12", "commune": "120203"}
    assert at.subheader[0].value == "Phsar Thmei Ti Bei"
    assert at.text_input(key="w_search_text").value == ""  # ready for the next search
    assert payload(at)["sl"] >= 0  # outlined, and the map fitted to it
    at.text_input(key="w_search_text").input("mangkulbourei").run()  # case and spaces aside
    box = at.selectbox(key="w_search")
    assert box.options[0] == "Mangkul Bourei · មង្គលបូរី — Banteay Meanchey · District"
    box.set_value(box.options[0]).run()
    assert dict(at.query_params) == {"province": "01"}  # the province's communes
    assert len(features(folium_args(at))) == 65
    assert payload(at)["fr"]  # the district outlined and the map fitted to it


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("Sihanoukville", "Preah Sihanouk · ព្រះសីហនុ (Sihanoukville) · Province"),
        ("Kampong Som", "Preah Sihanouk · ព្រះសីហនុ (Kampong Som) · Province"),
        ("Krong Preah Sihanouk", "Preah Sihanouk · ព្រះសីហនុ · Province"),
        ("Phnom Penh Thmei", "Phnum Penh Thmei · ភ្នំពេញថ្មី — Saen Sokh, Phnom Penh · Commune"),
        ("Battambnag", "Battambang · បាត់ដំបង · Province"),
        ("Toul Kork", "Tuol Kouk · ទួលគោក — Phnom Penh · District"),
    ],
)
def test_the_search_forgives_other_names_spellings_and_typos(
    atlas_env: Path, typed: str, first: str
) -> None:
    at = app()
    at.run()
    at.text_input(key="w_search_text").input(typed).run()
    options = at.selectbox(key="w_search").options
    assert options[0] == first
    assert not [o for o in options if "nan" in o.split() or "None" in o]


def test_results_read_in_khmer_with_their_parents_and_never_nan(atlas_env: Path) -> None:
    at = app(lang="km")
    at.run()
    at.text_input(key="w_search_text").input("បឹងកេងកង").run()
    assert at.selectbox(key="w_search").options[0].startswith("បឹងកេងកង · Boeng Keng Kang — ")
    at.text_input(key="w_search_text").input("Boeng Keng Kang").run()
    options = at.selectbox(key="w_search").options
    assert not [o for o in options if "nan" in o.split() or "None" in o]
    codeless = [o for o in options if o.startswith("Boeng Keng Kang Ti *")]  # no Khmer name
    assert codeless and all(" — ចំការមន, រាជធានីភ្នំពេញ · " in o for o in codeless)


def test_the_search_says_when_nothing_or_too_much_matches(atlas_env: Path) -> None:
    at = app()
    at.run()
    at.text_input(key="w_search_text").input("Atlantis").run()
    assert "w_search" not in [b.key for b in at.selectbox]
    assert any("No province, district or commune is named like “Atlantis”" in c.value
               for c in at.caption)  # fmt: skip
    at.text_input(key="w_search_text").input("Kampong").run()
    assert len(at.selectbox(key="w_search").options) == 12
    assert any("type more of the name" in c.value for c in at.caption)


def test_the_period_presets_set_a_calendar_year(atlas_env: Path) -> None:
    at = app(province="01")  # Banteay Meanchey: partnership from 2011-04 in the demo set
    at.run()
    presets = at.selectbox(key="w_preset_en")
    assert presets.options[2:4] == [
        "The calendar year before the partnership started here (2011-04)",
        "The first whole calendar year of the partnership here (from 2011-04)"]  # fmt: skip
    assert "Calendar year 2008" in presets.options
    assert "Calendar year 2014" not in presets.options  # it is the latest year
    presets.set_value(date(2010, 1, 1)).run()
    assert not at.exception
    assert at.query_params["from"] == "2010-01" and at.query_params["to"] == "2010-12"
    assert at.selectbox(key="w_preset_en").value is None
    assert any("compares 2010-01 – 2010-12 with 2009-01 – 2009-12" in c.value
               for c in at.caption)  # fmt: skip
    # a box may send the text of an option it no longer has (after a language switch): ignored
    at.selectbox(key="w_preset_en").set_value("Pick one to set the calendar year").run()
    assert not at.exception and at.query_params["from"] == "2010-01"
    assert any("either side of the Village/Commune Safety Policy" in c.value
               for c in at.caption)  # fmt: skip


def units(at: AppTest) -> pd.DataFrame:
    """The units table as the page draws it: a plain HTML table (no data grid: ui.layout's
    light_table), read back into a frame of text."""
    (html,) = [h.proto.body for h in at.html if 'class="atlas-table"' in h.proto.body]
    table = lxml.html.fromstring(html).find(".//table")
    head = [th.text_content() for th in table.iter("th")]
    rows = [[td.text_content() for td in tr.iter("td")] for tr in table.find("tbody")]
    return pd.DataFrame(rows, columns=head)


def test_the_units_table_lists_the_view_most_incidents_first(atlas_env: Path) -> None:
    at = app(level="commune")
    at.run()
    assert not at.dataframe  # a table to read, not a data grid: no grid script on first paint
    table = units(at)
    assert len(table) == 50  # the first fifty; all on request
    at.toggle(key="w_units_all").set_value(True).run()
    table = units(at)
    assert len(table) == 1633
    assert list(table.columns[:2]) == ["Commune", "District"]
    shown = table["Incidents"][table["Incidents"].str.fullmatch(r"\d[\d,]*")]
    counts = shown.str.replace(",", "").astype(int)
    assert counts.is_monotonic_decreasing and len(counts) > 0
    assert not table["Incidents"].str.fullmatch(r"[1-4]").any()
    # every cell reads as text: a missing number is never printed as None or nan
    assert not table.isna().any().any()
    assert not table.astype(str).isin(["None", "nan", "NaN"]).any().any()
    at.radio(key="w_level").set_value("province").run()
    assert len(units(at)) == 25


def test_the_khmer_interface_keeps_the_filters(atlas_env: Path) -> None:
    at = app()
    at.run()
    at.selectbox(key="w_pop").set_value("key_populations").run()
    at.radio(key="lang").set_value("km").run()
    assert not at.exception
    assert at.title[0].value == "ស្វែងរក"
    assert at.selectbox(key="w_pop").value == "key_populations"
    assert at.query_params["pop"] == "key_populations" and at.query_params["lang"] == "km"
    assert "ការរំខាន × ភាពជាដៃគូ" in legend(at)
    # The period list and its quick choices still offer every option after the switch.
    period = at.selectbox(key="w_period")
    assert period.options == [numerals(year, "km") for year in range(2014, 2007, -1)]
    assert period.options[0] == "២០១៤"  # the years in Khmer digits
    assert period.value is not None
    assert len(at.selectbox(key="w_preset_km").options) >= 4


def test_the_province_filter_reads_whole_country_and_goes_back_to_it(atlas_env: Path) -> None:
    at = app()
    at.run()
    box = at.selectbox(key="w_province")
    assert box.value == "" and box.options[0] == "Whole country"
    assert len(features(folium_args(at))) == 210  # the country's districts
    box.set_value("12").run()
    assert dict(at.query_params) == {"province": "12"}
    assert len(features(folium_args(at))) == 96  # a province: its communes
    at.selectbox(key="w_province").set_value("").run()
    assert "province" not in at.query_params
    assert len(features(folium_args(at))) == 210


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory, reference_dir: Path) -> Path:
    """A database with the real boundaries and no partner file at all."""
    folder = tmp_path_factory.mktemp("no_partner_files")
    (folder / "partners").mkdir()
    result = build.build(
        db_path=folder / "atlas.duckdb", reference_dir=reference_dir,
        report_dir=folder / "reports", partner_dir=folder / "partners",
    )  # fmt: skip
    return result.db_path


def test_without_incidents_the_page_says_so_and_the_map_page_still_works(
    empty_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATLAS_DB_PATH", str(empty_db))
    monkeypatch.setenv("ATLAS_TILES", "off")
    monkeypatch.setenv("ATLAS_ANONYMOUS_ROLE", "analyst")  # not the demo: briefing by default
    at = app()
    at.run()
    assert not at.exception
    assert any("No incident is loaded yet" in i.value for i in at.info)
    assert not at.sidebar.warning  # not the synthetic demo set
    at = app("national_map").run()
    assert not at.exception
    assert metric(at, "Communes") == "1,633"
    next(b for b in at.button if b.label == "Phnom Penh").click()
    at.run()
    assert not at.exception
    assert metric(at, "Communes") == "96"  # the province focus works without incidents
    assert dict(at.query_params) == {"province": "12"}
