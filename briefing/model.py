"""What the briefing pack shows, as plain frozen dataclasses.

The caller (the ranking page, ``python -m briefing``) fills a ``Brief``; ``briefing.render``
turns it into a PDF in either language. Words the caller supplies (criterion labels and
definitions, the filters, the protection note) come as ``Text`` in both languages, so one
``Brief`` prints in Khmer and in English. The case-study timeline and the curriculum figures
default to the facts in ``vocabulary``. Every check runs when an object is made and raises
``BriefError`` naming the value and what was expected.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

import vocabulary
from analysis.verdict import REASONS, VERDICTS
from i18n import t

#: The ranking methods the pack can name (``analysis.ranking_methods.METHODS``' keys).
METHODS = ("weighted_sum", "topsis", "spotis")


class BriefError(ValueError):
    """A value of the brief is not what the pack can print (the message names it)."""


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise BriefError(message)


def _is_code(code: object) -> bool:
    return isinstance(code, str) and len(code) == 2 and code.isdigit()


def _in_unit(value: float) -> bool:
    return isinstance(value, int | float) and 0.0 <= value <= 1.0


@dataclass(frozen=True)
class Text:
    """Words supplied by the caller, in both languages (neither may be empty)."""

    en: str
    km: str

    def __post_init__(self) -> None:
        for lang in ("en", "km"):
            value = getattr(self, lang)
            _check(isinstance(value, str) and value.strip() != "", f"Text.{lang} is empty")

    def get(self, lang: str) -> str:
        """The words in ``lang`` ("en" or "km").

        Raises:
            BriefError: for another language.
        """
        _check(lang in ("en", "km"), f"language {lang!r}: expected 'en' or 'km'")
        return self.en if lang == "en" else self.km


@dataclass(frozen=True)
class Criterion:
    """One ranking criterion: its key, a short label, a one-sentence definition, its weight."""

    name: str
    label: Text
    definition: Text
    weight: float

    def __post_init__(self) -> None:
        _check(bool(self.name), "a criterion has no name")
        _check(
            isinstance(self.weight, int | float) and math.isfinite(self.weight),
            f"criterion {self.name!r}: weight {self.weight!r} is not a number",
        )
        _check(self.weight >= 0, f"criterion {self.name!r}: weight {self.weight} is negative")


@dataclass(frozen=True)
class ProvinceRow:
    """One province of the ranking. The fields are named as in
    ``analysis.ranking_result.ProvinceRank``, so a row is made from one by field name.

    ``rank`` is the nominal rank (at the chosen weights); ``rank_median``, ``rank_low`` and
    ``rank_high`` the median and the 90 % interval of its rank over the draws; ``p_top3`` the
    share of draws that put it in the top 3. All six are None together for a province that could
    not be ranked (it is printed last, "not ranked"). ``criteria`` maps a criterion name to its
    value in [0, 1] (higher = more reason to choose the province) or None when the province has
    no data for it; a criterion left out is missing too.
    """

    province_code: str
    name_en: str
    name_km: str
    rank: int | None
    rank_median: float | None
    rank_low: int | None
    rank_high: int | None
    score: float | None
    p_top3: float | None
    criteria: Mapping[str, float | None]
    in_partnership: bool
    partnership_start: str | None = None  # ISO date, for a province left out as in it

    def __post_init__(self) -> None:
        code = self.province_code
        _check(_is_code(code), f"province code {code!r}: expected two digits such as '01'")
        _check(bool(self.name_en and self.name_km), f"province {code}: a name is empty")
        ranking = (self.rank, self.rank_median, self.rank_low, self.rank_high, self.score)
        ranking = (*ranking, self.p_top3)
        _check(
            all(v is None for v in ranking) or all(v is not None for v in ranking),
            f"province {code}: rank, rank_median, rank_low, rank_high, score and p_top3 are "
            "all given or all None (not ranked)",
        )
        if self.ranked:
            self._check_ranking()
        for name, value in self.criteria.items():
            _check(
                value is None or _in_unit(value),
                f"province {code}: criterion {name!r} is {value!r}; expected a value in "
                "[0, 1] or None (missing)",
            )
        object.__setattr__(self, "criteria", dict(self.criteria))

    def _check_ranking(self) -> None:
        code = self.province_code
        _check(
            self.rank >= 1 and 1 <= self.rank_low <= self.rank_median <= self.rank_high,
            f"province {code}: expected rank >= 1 and 1 <= rank_low <= rank_median <= "
            f"rank_high, got {self.rank}, {self.rank_low}, {self.rank_median}, {self.rank_high}",
        )
        _check(_in_unit(self.p_top3), f"province {code}: p_top3 {self.p_top3} not in [0, 1]")
        _check(
            isinstance(self.score, int | float) and math.isfinite(self.score),
            f"province {code}: score {self.score!r} is not a number",
        )

    @property
    def ranked(self) -> bool:
        """Whether the province could be ranked."""
        return self.rank is not None

    def value(self, criterion: str) -> float | None:
        """The province's value for ``criterion``, or None when it is missing."""
        return self.criteria.get(criterion)


@dataclass(frozen=True)
class Leader:
    """A leading province and the (at most two) criteria that carry its lead, strongest
    first: ``analysis.ranking_result.LeaderReason``'s ``province_code`` and ``main``."""

    province_code: str
    main: tuple[str, ...]

    def __post_init__(self) -> None:
        _check(bool(self.main), f"leader {self.province_code}: no criteria given")


@dataclass(frozen=True)
class LoadedFile:
    """A file the data come from: its kind (``incidents``, ``academies``, ...), name and
    when it was loaded."""

    kind: str
    file_name: str
    loaded_at: datetime


@dataclass(frozen=True)
class Checks:
    """The evaluation's checks as the headline publishes them: the verdict's code
    (``analysis.verdict.VERDICTS``) and the codes of what stood in its way, the drift check
    (change, low, high; the drift a quarter; the breakdown value, None when a straight drift
    could explain the change), the incidents the partnership should not change (their types'
    codes, their own change and interval, their p-value, and the change measured against them
    with its interval). A check that could not be made is None."""

    verdict: str | None = None
    reasons: tuple[str, ...] = ()
    drift: tuple[float, float, float] | None = None
    drift_slope: float | None = None
    breakdown: float | None = None
    control_types: tuple[str, ...] = ()
    control: tuple[float, float, float] | None = None
    control_p: float | None = None
    relative: tuple[float, float, float] | None = None

    def __post_init__(self) -> None:
        _check(
            self.verdict is None or self.verdict in VERDICTS,
            f"verdict {self.verdict!r}: expected one of {', '.join(VERDICTS)} or None",
        )
        unknown = [code for code in self.reasons if code not in REASONS]
        _check(not unknown, f"verdict reasons {unknown}: expected codes of analysis.verdict")


@dataclass(frozen=True)
class Evaluation:
    """The pilot evaluation's headline: the relative change of arrests and confiscations in
    the pilot communes after the partnership started (-0.38 = a 38 % fall), with its interval
    at ``level`` and the estimator's name (printed only in the method note); ``text`` the
    headline in words when the evaluation gives one (then printed instead of the pack's own
    sentence); the communes compared (by role, never incidents), the pre-trend test's p-value,
    the robustness line (change, low, high) and the other checks with the verdict
    (``checks``) when the evaluation's products publish them."""

    change: float
    low: float
    high: float
    estimator: str
    level: float = 0.95
    text: Text | None = None
    pilot_communes: int | None = None
    comparison_communes: int | None = None
    pre_trend_p: float | None = None
    robustness: tuple[float, float, float] | None = None
    checks: Checks = field(default_factory=Checks)

    def __post_init__(self) -> None:
        _check(
            self.low <= self.change <= self.high,
            f"evaluation: expected low <= change <= high, got {self.low}, {self.change}, "
            f"{self.high}",
        )
        _check(0 < self.level < 1, f"evaluation: level {self.level} not in (0, 1)")


@dataclass(frozen=True)
class TimelineEvent:
    """A dated fact of the case study; ``when`` None means it is still to come ("next")."""

    when: date | None
    precision: Literal["day", "month", "year"]
    what: Text


@dataclass(frozen=True)
class Curriculum:
    """The harm-reduction curriculum's figures (from the case study)."""

    approved: date = vocabulary.CURRICULUM_DAY
    academies: int = vocabulary.CURRICULUM_ACADEMIES
    modules: int = vocabulary.CURRICULUM_MODULES
    gain: float = vocabulary.CURRICULUM_GAIN
    answers: tuple[int, int] = vocabulary.CURRICULUM_ANSWERS


@dataclass(frozen=True)
class Academy:
    """A police academy (a public institution: its point may be drawn). ``lon``/``lat``
    None: drawn inside its province. Test means are percent of answers favouring a
    public-health approach; None where not reported."""

    name: str
    province_code: str
    modules_delivered: int | None
    lon: float | None = None
    lat: float | None = None
    trainees: int | None = None
    pre_test_mean: float | None = None
    post_test_mean: float | None = None

    def __post_init__(self) -> None:
        code = self.province_code
        _check(_is_code(code), f"academy {self.name!r}: province code {code!r} is not two digits")
        _check(
            (self.lon is None) == (self.lat is None),
            f"academy {self.name!r}: give both lon and lat, or neither",
        )

    @property
    def gain(self) -> float | None:
        """The relative pre/post test gain (0.34 = +34 %), or None when not reported."""
        if not self.pre_test_mean or self.post_test_mean is None:
            return None
        return self.post_test_mean / self.pre_test_mean - 1


def _text(key: str) -> Text:
    return Text(t(key, "en"), t(key, "km"))


def case_study_timeline(
    started: Mapping[str, str | None] | None = None,
) -> tuple[TimelineEvent, ...]:
    """The case study's timeline, from ``vocabulary``: the policy, the two pilots that ran,
    the curriculum, and the planned expansion (the third pilot site). ``started`` holds the
    provinces the partnership data show in the partnership, with their start (ISO date, or
    None): when the planned site is among them, its start is a dated event and "Next" is the
    choice among the candidates, never a province already in the partnership."""
    first, second, planned = vocabulary.PILOT_SITES
    events = [
        TimelineEvent(vocabulary.POLICY_DAY, "day", _text("tl_policy")),
        TimelineEvent(date(first.year, 1, 1), "year", _text("tl_mcpi")),
        TimelineEvent(vocabulary.CURRICULUM_DAY, "month", _text("tl_curriculum")),
        TimelineEvent(date(second.year, 1, 1), "year", _text("pack_tl_pilot_pp")),
    ]
    if started is None or planned.province_code not in started:
        return (*events, TimelineEvent(None, "year", _text("pack_tl_next")))
    start = started[planned.province_code]
    when = date.fromisoformat(start[:10]) if start else date(planned.year, 1, 1)
    events.append(
        TimelineEvent(when, "month" if start else "year", _text("pack_tl_planned_started"))
    )
    return (*events, TimelineEvent(None, "year", _text("pack_tl_next_candidates")))


@dataclass(frozen=True)
class Brief:
    """Everything the pack prints.

    ``provinces`` holds every province (any order: the pack sorts by rank, the provinces not
    ranked last); ``criteria`` lists the criteria in the order of the table's columns, each
    with its weight; ``method`` is one of ``METHODS`` and ``draws`` the number of draws behind
    the rank intervals. ``filters`` is the data selection in words (``query.view.Filters.
    describe`` in each language). ``evaluation`` None prints ``evaluation_reason`` (why there is
    no estimate on these data) or, without one, "not run". With ``synthetic``
    set, the synthetic label is on every page (the mixed one with ``mixed``: partner rows with
    the demo's). ``title`` None prints the pack's own title.
    """

    date: date
    method: str
    draws: int
    criteria: tuple[Criterion, ...]
    provinces: tuple[ProvinceRow, ...]
    filters: Text
    files: tuple[LoadedFile, ...]
    protection_note: Text
    synthetic: bool
    mixed: bool = False
    leaders: tuple[Leader, ...] = ()
    evaluation: Evaluation | None = None
    evaluation_reason: Text | None = None
    academies: tuple[Academy, ...] = ()
    timeline: tuple[TimelineEvent, ...] = field(default_factory=case_study_timeline)
    curriculum: Curriculum = field(default_factory=Curriculum)
    title: Text | None = None

    def __post_init__(self) -> None:
        _check(self.method in METHODS, f"method {self.method!r}: expected one of {METHODS}")
        _check(self.draws > 0, f"draws {self.draws}: expected a positive number")
        names = [c.name for c in self.criteria]
        _check(bool(names), "the brief has no criteria")
        _check(len(set(names)) == len(names), f"criteria named twice: {names}")
        _check(
            sum(c.weight for c in self.criteria) > 0,
            f"every weight is zero ({', '.join(names)}): at least one must be positive",
        )
        self._check_provinces(names)

    def _check_provinces(self, names: list[str]) -> None:
        codes = [row.province_code for row in self.provinces]
        _check(bool(codes), "the brief has no provinces")
        _check(len(set(codes)) == len(codes), f"provinces listed twice: {sorted(codes)}")
        for row in self.provinces:
            unknown = sorted(set(row.criteria) - set(names))
            _check(
                not unknown,
                f"province {row.province_code}: unknown criteria {unknown}; expected {names}",
            )
        for leader in self.leaders:
            _check(leader.province_code in codes, f"leader {leader.province_code}: not listed")
            unknown = sorted(set(leader.main) - set(names))
            _check(not unknown, f"leader {leader.province_code}: unknown criteria {unknown}")

    def ranked(self) -> list[ProvinceRow]:
        """The provinces by rank (then by interval and code), those not ranked last."""
        return sorted(
            self.provinces,
            key=lambda r: (not r.ranked, r.rank or 0, r.rank_low or 0, r.province_code),
        )

    def province(self, code: str) -> ProvinceRow:
        """The province with this code.

        Raises:
            KeyError: if it is not in the brief.
        """
        for row in self.provinces:
            if row.province_code == code:
                return row
        raise KeyError(code)
