"""The brief in words, before typesetting: dates, numbers, missing values, the file list."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from briefing.model import LoadedFile
from briefing.pack import pack_name
from briefing.view import MAX_FILES, build_view, format_date, format_percent, format_rank
from i18n import t
from tests.briefing.sample import FILTERS, MISSING, sample_brief


def test_dates_in_words_in_both_languages() -> None:
    day = date(2010, 8, 16)
    assert format_date(day, "en") == "16 August 2010"
    assert format_date(day, "km") == "១៦ សីហា ២០១០"
    assert format_date(date(2011, 11, 1), "en", "month") == "November 2011"
    assert format_date(date(2011, 11, 1), "km", "year") == "២០១១"


def test_numbers() -> None:
    assert format_percent(-0.38, signed=True) == "−38 %"
    assert format_percent(0.341, signed=True) == "+34 %"
    assert format_percent(0.001, signed=True) == "0 %"
    assert (format_rank(3), format_rank(3.5)) == ("3", "3.5")


def test_the_table_has_every_province_by_rank_and_missing_in_words() -> None:
    brief = sample_brief()
    for lang, word in (("en", "missing"), ("km", "គ្មានទិន្នន័យ")):
        rows = build_view(brief, lang)["ranking"]["rows"]
        assert [r["code"] for r in rows] == [r.province_code for r in brief.ranked()]
        missing = [
            (r["code"], v)
            for r in rows
            for v, m in zip(r["values"], r["missing"], strict=True)
            if m
        ]
        assert missing == [(MISSING[0], word)]
        names = [c.name for c in brief.criteria]
        row = next(r for r in rows if r["code"] == MISSING[0])
        assert row["values"][names.index(MISSING[1])] == word


def test_rank_cells_and_a_province_not_ranked() -> None:
    brief = sample_brief()
    top = brief.ranked()[0]
    cells = build_view(brief, "en")["ranking"]["rows"][0]
    assert cells["rank"] == "1"
    assert cells["interval"] == f"{top.rank_median} ({top.rank_low}–{top.rank_high})"
    unranked = replace(top, rank=None, rank_median=None, rank_low=None, rank_high=None,
                       score=None, p_top3=None)  # fmt: skip
    view = build_view(replace(brief, provinces=(unranked, *brief.ranked()[1:])), "km")
    last = view["ranking"]["rows"][-1]
    assert (last["code"], last["interval"], last["score"]) == (
        top.province_code,
        "មិនបានចាត់ថ្នាក់",
        "–",
    )


def test_the_filters_are_printed_as_given() -> None:
    assert build_view(sample_brief(), "km")["selection"]["text"] == FILTERS.km


def test_names_come_in_the_packs_language_first() -> None:
    brief = sample_brief()
    first = build_view(brief, "km")["ranking"]["rows"][0]
    assert first["names"] == [brief.ranked()[0].name_km, brief.ranked()[0].name_en]


def test_many_files_are_counted_not_listed() -> None:
    files = tuple(
        LoadedFile("incidents", f"incidents/month_{i:02}.csv", datetime(2025, 1, 1, 0, i))
        for i in range(MAX_FILES + 5)
    )
    vintage = build_view(replace(sample_brief(), files=files), "en")["vintage"]
    assert len(vintage["rows"]) == MAX_FILES
    assert vintage["rows"][-1][1] == f"incidents/month_{MAX_FILES + 4:02}.csv"  # newest kept
    assert vintage["more"].startswith("… and 5 earlier files")


def test_evaluation_not_run_and_unknown_language() -> None:
    view = build_view(replace(sample_brief(), evaluation=None), "en")
    assert view["evaluation"]["text"].startswith("Not run")
    assert "−38 %" in build_view(sample_brief(), "en")["evaluation"]["text"]
    with pytest.raises(ValueError, match="language 'fr'"):
        build_view(sample_brief(), "fr")


def test_the_label_of_every_page_says_demo_partner_or_mixed() -> None:
    brief = sample_brief()
    assert [build_view(brief, lang)["synthetic"] for lang in ("en", "km")] == [
        t("synthetic", "en"), t("synthetic", "km")]  # fmt: skip
    mixed = replace(brief, mixed=True)
    assert [build_view(mixed, lang)["synthetic"] for lang in ("en", "km")] == [
        t("synthetic_mixed", "en"), t("synthetic_mixed", "km")]  # fmt: skip
    assert build_view(replace(brief, synthetic=False), "en")["synthetic"] is None
    day = date(2026, 5, 1)
    assert [pack_name("km", True, day), pack_name("en", True, day, mixed=True),
            pack_name("en", False, day)] == [
        "synthetic_briefing_pack_km_2026-05-01.pdf",
        "partly_synthetic_briefing_pack_en_2026-05-01.pdf", "briefing_pack_en_2026-05-01.pdf",
    ]  # fmt: skip


def test_the_timeline_never_says_next_for_a_province_in_the_partnership() -> None:
    from briefing.model import case_study_timeline
    from briefing.view import timeline_rows

    rows = timeline_rows(case_study_timeline({"18": "2013-06-01", "01": None}), "en")
    (last,) = [what for when, what in rows if when == "Next"]
    assert "Sihanouk" not in last and last.startswith("To be chosen among the provinces not yet")
    assert ["June 2013", "The partnership starts in Preah Sihanouk, the planned expansion"] in rows
    planned = timeline_rows(case_study_timeline({}), "en")[-1]
    assert planned[0] == "Next" and "Sihanoukville" in planned[1]  # still only planned


def test_the_partnership_provinces_are_listed_in_the_pack_not_ranked() -> None:
    from briefing.pack import province_rows
    from tests.analysis.test_ranking import small_frame

    frame = small_frame(4, incidents_12m=[10, 20, 30, 40]).assign(
        partnership_start=[None, None, None, "2013-06-01"]
    )
    from analysis.ranking import rank_provinces

    rows = province_rows(rank_provinces(frame, draws=100))
    apart = [r for r in rows if r.in_partnership]
    assert [(r.province_code, r.ranked, r.partnership_start) for r in apart] == [
        ("04", False, "2013-06-01")
    ]
    assert len(rows) == 4
    from briefing.view import _rank_cells

    assert _rank_cells(apart[0], "en")["interval"] == "in it since June 2013"
    assert _rank_cells(apart[0], "km")["interval"] == "តាំងពី មិថុនា ២០១៣"
