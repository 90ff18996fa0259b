"""The case study's facts are written once, in ``vocabulary``: no page, dashboard helper,
briefing template or label types a date, a curriculum figure or the pilots' order that
``vocabulary`` holds; they are formatted from it."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import vocabulary
from briefing.view import case_study_dates, format_date, local_digits
from config import PROJECT_ROOT
from i18n import LANGUAGES, MESSAGES, message, t

LANGS = tuple(LANGUAGES)
#: Every label in every language, as the catalogs give it.
LABELS = {key: {lang: message(key, lang) for lang in LANGS} for key in MESSAGES}

#: Labels that still say a date or figure of vocabulary in words: each is the English text of
#: the analysis layer itself (analysis.designs, analysis.ranking_criteria), which tests hold
#: equal to the label (tests/analysis/test_headline.py, tests/test_i18n.py). Converting them
#: means formatting those texts from vocabulary too; until then they are listed here.
ANALYSIS_TEXTS = {
    "crit_police_readiness_def",  # "the 9 curriculum modules"
}
#: English number words, for figures written out ("nine modules").
NUMBER_WORDS = {6: "six", 9: "nine", 33: "thirty-three", 27: "twenty-seven", 34: "thirty-four"}


def _month_forms(day: date) -> list[str]:
    """A month of vocabulary as a page might type it: "2010-08", "August 2010", "Aug 2010",
    and in Khmer "សីហា ២០១០" (a day's forms contain its month's)."""
    forms = [f"{day:%Y-%m}", f"{t(f'month_{day.month}', 'en')[:3]} {day.year}"]
    return forms + [format_date(day, lang, "month") for lang in LANGS]


def _figure_forms() -> list[str]:
    """The curriculum's figures as a sentence might type them."""
    gain = round(vocabulary.CURRICULUM_GAIN * 100)
    forms = [f"{gain} %", f"{gain}%", local_digits(f"{gain} %", "km")]
    for number, noun in ((vocabulary.CURRICULUM_MODULES, "modules"),
                         (vocabulary.CURRICULUM_ACADEMIES, "police academies")):  # fmt: skip
        forms += [
            f"{number} {noun}",
            f"{NUMBER_WORDS[number]} {noun}",
            f"{number} curriculum {noun}",
        ]
    answers, questions = vocabulary.CURRICULUM_ANSWERS
    return [*forms, f"{answers} of {questions}", f"{answers} out of {questions}"]


FORMS = [
    *_month_forms(vocabulary.POLICY_DAY),
    *_month_forms(vocabulary.CURRICULUM_DAY),
    *_figure_forms(),
]
#: The pilots in the case study's order, in one text.
PILOT_ORDER = re.compile(".*".join(re.escape(s.name_en) for s in vocabulary.PILOT_SITES), re.S)


def typed_facts(text: str) -> list[str]:
    """The vocabulary facts ``text`` types by hand (case aside)."""
    found = [form for form in FORMS if form.lower() in text.lower()]
    return found + (["the pilots' order"] if PILOT_ORDER.search(text) else [])


def _literals(path: Path) -> Iterator[tuple[int, str]]:
    """Every string literal of a Python file that is not a docstring, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            docstrings.add(id(body[0].value))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            yield node.lineno, node.value


def test_the_forms_are_built_from_vocabulary() -> None:
    """The check below looks for what it should: the forms of the policy day and the
    curriculum, and it finds them in a text that types them."""
    assert {"2010-08", "August 2010", "Aug 2010", "សីហា ២០១០", "November 2011"} <= set(FORMS)
    assert {"nine modules", "six police academies", "34 %", "27 of 33"} <= set(FORMS)
    typed = "Nov 2011: nine modules; 16 Aug 2010; Banteay Meanchey, Phnom Penh and Preah Sihanouk"
    assert typed_facts(typed) == ["Aug 2010", "Nov 2011", "nine modules", "the pilots' order"]
    assert typed_facts("Database built 2026-01-05 from the 2025 gazetteer (2011 census).") == []


@pytest.mark.parametrize("folder", ["pages", "ui", "briefing"])
def test_no_page_helper_or_template_types_a_fact_of_vocabulary(folder: str) -> None:
    found = [
        f"{path.relative_to(PROJECT_ROOT)}:{line}: {typed_facts(text)}"
        for path in sorted((PROJECT_ROOT / folder).glob("*.py"))
        for line, text in _literals(path)
        if typed_facts(text)
    ]
    found += [
        f"{path.relative_to(PROJECT_ROOT)}: {typed_facts(path.read_text(encoding='utf-8'))}"
        for path in sorted((PROJECT_ROOT / folder).glob("*.typ"))
        if typed_facts(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_no_label_types_a_fact_of_vocabulary_but_the_analysis_texts() -> None:
    labels = LABELS
    found = {
        key: typed_facts(text)
        for key, entry in labels.items()
        for text in entry.values()
        if typed_facts(text) and key not in ANALYSIS_TEXTS
    }
    assert found == {}
    # The list holds only labels that still need it: emptied as they are converted.
    assert all(any(typed_facts(text) for text in LABELS[key].values()) for key in ANALYSIS_TEXTS)


def test_labels_that_name_a_date_take_it_from_vocabulary() -> None:
    for lang in LANGS:
        dates = case_study_dates(lang)
        assert t("event_policy", lang, **dates).startswith(format_date(vocabulary.POLICY_DAY, lang))
        curriculum = format_date(vocabulary.CURRICULUM_DAY, lang, "month")
        assert t("event_curriculum", lang, **dates).startswith(curriculum)
        assert dates["policy_day"] in t("change_across_policy", lang, **dates)
        caption = t("eval_event_caption", lang, **dates)
        assert dates["policy_month"] in caption and curriculum in caption
    assert case_study_dates("en") == {
        "policy_day": "16 August 2010",
        "policy_month": "August 2010",
        "policy_year": "2010",
        "year_before_policy": "2009",
        "curriculum_month": "November 2011",
    }


def test_the_policy_dates_of_the_evaluation_and_ranking_labels_come_from_vocabulary() -> None:
    keys = ("eval_why_shared_shock", "eval_why_all_communes", "eval_window_after_policy",
            "eval_window_why_all_months", "crit_disruption_change_def")  # fmt: skip
    for lang in LANGS:
        dates = case_study_dates(lang)
        for key in keys:
            assert "{policy_" in message(key, lang)  # the catalog keeps the placeholder
            text = t(key, lang, **dates)
            assert "{" not in text
            assert any(dates[name] in text for name in ("policy_day", "policy_month",
                                                        "policy_year")), (key, lang)  # fmt: skip
    assert t("crit_disruption_change_def", "km", **case_study_dates("km")).count("២០០៩") == 1
