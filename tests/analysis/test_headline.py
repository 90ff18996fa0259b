"""The evaluation in words (both languages), the groups a map shows and the reasons an
evaluation cannot run, as codes with their parameters."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from analysis import headline
from analysis.designs import InsufficientDataError, design_groups, select_sample
from analysis.evaluation import evaluate
from briefing.view import case_study_dates
from tests.analysis.synthetic import poisson_panel
from vocabulary import CURRICULUM_DAY, INCIDENT_TYPES, PILOT_TYPES, POLICY_DAY

KHMER = re.compile("[\u1780-\u17ff]")
ARRESTS = "Arrests and confiscations"


@pytest.mark.parametrize(("effect", "low", "high", "expected"), [
    (-0.38, -0.44, -0.31, f"{ARRESTS} fell by 38 % (95 % interval 31–44 %) after the partnership "
     "started, compared with similar communes without it."),
    (0.12, 0.03, 0.22, f"{ARRESTS} rose by 12 % (95 % interval 3–22 %) after the partnership "
     "started, compared with similar communes without it."),
    (-0.08, -0.31, 0.224, f"{ARRESTS}: no clear change after the partnership started, compared "
     "with similar communes without it (estimate −8 %, 95 % interval −31 % to +22 %: the "
     "interval includes no change)."),
])  # fmt: skip
def test_the_headline_says_a_fall_a_rise_or_no_clear_change(
    effect: float, low: float, high: float, expected: str
) -> None:
    assert headline.headline_text(effect, low, high, ARRESTS, "en") == expected
    khmer = headline.headline_text(effect, low, high, "ការចាប់ខ្លួន", "km")
    assert KHMER.search(khmer) and "ការចាប់ខ្លួន" in khmer
    latin = khmer.translate(str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789"))  # its digits, read
    assert sorted(re.findall(r"\d+", latin)) == sorted(re.findall(r"\d+", expected))


def test_signed_percentages_and_subjects() -> None:
    assert [headline.signed_percent(x) for x in (-0.384, 0.051, 0.004, -0.004)] == [
        "−38 %", "+5 %", "0 %", "0 %",
    ]  # fmt: skip
    assert headline.subject_text(PILOT_TYPES[::-1], "en") == ARRESTS
    assert headline.subject_text(INCIDENT_TYPES, "en") == "All incidents"
    assert headline.subject_text(("venue_raid",), "en") == "Incidents of the chosen types"


def test_groups_hold_every_commune_of_their_role_with_incidents_or_not() -> None:
    panel = poisson_panel(seed=3)
    silent = panel["unit"].isin(["U0000", "U0050"])  # a pilot and a comparison commune
    panel.loc[silent, "y"] = 0
    groups = design_groups(panel)
    sample = select_sample(panel)
    assert len(groups.pilot) == 30 and len(groups.comparison) == 60
    assert {"U0000", "U0050"} <= set(groups.pilot) | set(groups.comparison)
    assert (sample.pilot_communes, sample.comparison_communes) == (29, 59)
    assert groups.starts["U0000"] == pd.Timestamp("2012-01-01")
    assert (groups.first_month, groups.last_month) == (sample.first_month, sample.last_month)
    with pytest.raises(InsufficientDataError, match="no pilot communes"):
        design_groups(panel, provinces=["02"])


def test_where_the_policy_and_the_curriculum_fall_in_months_since_the_start() -> None:
    starts = {"a": pd.Timestamp("2011-03-01"), "b": pd.Timestamp("2012-06-01")}
    assert headline.pilot_offsets(starts, POLICY_DAY) == (-22, -7)
    assert headline.pilot_offsets(starts, CURRICULUM_DAY) == (-7, 8)
    assert headline.pilot_offsets({}, POLICY_DAY) is None


def _raised(panel: pd.DataFrame, **kwargs: object) -> InsufficientDataError:
    with pytest.raises(InsufficientDataError) as caught:
        evaluate(panel, robustness=False, **kwargs)
    return caught.value


def test_every_reason_the_core_gives_is_said_in_both_languages() -> None:
    panel = poisson_panel(seed=7)
    pilot = panel["start"].notna()
    before, after = (
        pilot & (panel["month"] < panel["start"]),
        pilot & (panel["month"] >= panel["start"]),
    )
    raised = {
        "eval_few_pilots": _raised(poisson_panel(seed=7, pilots=2)),
        "eval_few_comparison": _raised(poisson_panel(seed=7, comparison=2)),
        "eval_no_incidents": _raised(panel.assign(y=0)),
        "eval_window_outside": _raised(panel, window=(date(2020, 1, 1), date(2021, 1, 1))),
        "eval_no_pilots": _raised(panel.assign(start=pd.NaT)),
        "eval_no_pilots_in": _raised(panel, provinces=["02"]),
        "eval_no_pre": _raised(panel, window=(date(2013, 6, 1), date(2014, 12, 1))),
        "eval_no_pre_incidents": _raised(panel.assign(y=panel["y"].where(~before, 0))),
        "eval_no_post": _raised(panel.assign(y=panel["y"].where(~after, 0))),
    }
    raised["eval_no_overlap"] = InsufficientDataError("no_overlap")  # poisson's
    for key, exc in raised.items():
        assert f"eval_{exc.code}" == key
        english = headline.reason_text(exc.code, exc.params, "en")
        assert english == headline.t(key, "en", **_values(english, key)), (key, str(exc))
        assert not english.startswith("No estimate: " + str(exc))
        assert KHMER.search(headline.reason_text(exc.code, exc.params, "km"))
    assert headline.reason_text("something_new", {}, "en") == "No estimate: something_new"


def test_the_english_sentence_stays_for_the_command_line() -> None:
    exc = _raised(poisson_panel(seed=7, pilots=2))
    assert (
        str(exc)
        == "too few pilot communes: 2 with incidents in 2010-09 to 2014-12, at least 3 needed"
    )
    assert (exc.code, exc.params["n"]) == ("few_pilots", 2)
    assert str(InsufficientDataError("no_pilots_in", codes="18, 23")) == (
        "no pilot communes: no commune of province 18, 23 has a partnership start"
    )


def _values(text: str, key: str) -> dict[str, object]:
    """The values the label of ``key`` was filled with, read back from ``text``."""
    pattern = re.escape(headline.t(key, "en"))
    pattern = re.sub(r"\\\{(\w+)\\\}", lambda m: f"(?P<{m.group(1)}>.+?)", pattern)
    match = re.fullmatch(pattern, text)
    assert match, (key, text)
    return match.groupdict()


def test_the_few_pilots_reason_names_the_numbers() -> None:
    exc = _raised(poisson_panel(seed=7, pilots=2))
    assert headline.reason_text(exc.code, exc.params, "en") == (
        "No estimate: only 2 pilot communes have incidents of the chosen types in 2010-09 – "
        "2014-12; at least 3 are needed. Choose more pilot provinces or more incident types."
    )


def test_every_design_window_control_and_group_has_its_words() -> None:
    from analysis.designs import DESIGNS, WINDOWS
    from analysis.levels import CONTROLS
    from i18n import MESSAGES

    wanted = (
        [f"eval_design_{d}" for d in DESIGNS] + [f"eval_why_{d}" for d in DESIGNS]
        + [f"eval_window_{w}" for w in WINDOWS] + [f"eval_window_why_{w}" for w in WINDOWS]
        + [f"eval_control_{c}" for c in CONTROLS]
        + [f"eval_group_{g}" for g in ("pilot", "comparison", "other")]
        + [f"eval_{code}" for code in headline.REASONS]
    )  # fmt: skip
    assert [k for k in wanted if k not in MESSAGES] == []
    # the English words of a design are the analysis package's own (dates from vocabulary)
    dates = case_study_dates("en")
    for name, design in DESIGNS.items():
        assert MESSAGES[f"eval_design_{name}"] == design.label
        assert MESSAGES[f"eval_why_{name}"].format_map(dates) == design.why
    # a window's label is the atlas's: it publishes whole calendar years
    # (publish.evaluation_rules.calendar_window); its why is the analysis package's own
    for name, window in WINDOWS.items():
        assert "calendar year" in MESSAGES[f"eval_window_{name}"]
        assert MESSAGES[f"eval_window_why_{name}"].format_map(dates) == window.why


def test_the_reasons_the_atlas_gives_carry_no_count() -> None:
    """The refusals the atlas says instead of the estimator's (``publish.evaluation_rules``)
    name what is too small, never how many: no parameter but the rule's minimum."""
    import string

    from analysis.designs import MESSAGES
    from i18n import MESSAGES as WORDS

    atlas = ("too_few_pilots", "too_few_comparison", "too_few_incidents", "small_groups",
             "province_not_offered", "one_province", "types_not_offered")  # fmt: skip
    for code in atlas:
        for text in (MESSAGES[code], WORDS[f"eval_{code}"]):
            names = {f for _, f, _, _ in string.Formatter().parse(text) if f}
            assert names <= {"min_communes"}, (code, names)
        said = headline.reason_text(code, {"min_communes": 10}, "km")
        assert not any(ch.isdigit() and ch not in "10" for ch in said), said
