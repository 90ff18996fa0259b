"""The brief in one language: every string the pack prints, formatted, as plain JSON data.

``build_view`` is the only place where numbers become text; the typst template only lays the
strings out (it never evaluates them, see ``briefing.render``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import vocabulary
from briefing.evaluation_words import evaluation_section
from briefing.model import Academy, Brief, Curriculum, ProvinceRow, TimelineEvent
from briefing.numbers import format_date, format_percent, format_rank, local_digits
from i18n import LANGUAGES, MESSAGES, t

__all__ = [
    "MAX_FILES",
    "build_view",
    "case_study_dates",
    "curriculum_text",
    "format_date",
    "format_percent",
    "format_rank",
    "local_digits",
    "timeline_rows",
]

LANGS = tuple(LANGUAGES)
#: At most this many loaded files are listed; the rest are counted.
MAX_FILES = 10
#: Between the items of a list, in both languages.
SEPARATOR = ", "


def build_view(brief: Brief, lang: str) -> dict[str, Any]:
    """Everything the template needs, as strings, lists and dicts (JSON-ready).

    Raises:
        ValueError: for a language other than "en" or "km".
    """
    if lang not in LANGS:
        raise ValueError(f"language {lang!r}: expected one of {LANGS}")
    title = brief.title.get(lang) if brief.title else t("page_ranking", lang)
    return {
        "lang": lang,
        "title": title,
        "subtitle": t("pack_subtitle", lang),
        "prepared": t("pack_prepared_on", lang, date=format_date(brief.date, lang)),
        "synthetic": _synthetic_label(brief, lang),
        "page_of": t("pack_page_of", lang, n="{n}", total="{total}"),
        "ranking": _ranking(brief, lang),
        "map": {
            "heading": t("rank_map", lang),
            "key_title": t("pack_map_key_title", lang),
            "key": [
                f"{row.province_code} {_names(row, lang)[0]}"
                for row in sorted(brief.provinces, key=lambda r: r.province_code)
            ],
            "caption": t("pack_map_caption_codes", lang),
        },
        "academies": _academies(brief, lang),
        "method": _method(brief, lang),
        "selection": _selection(brief, lang),
        "evaluation": evaluation_section(brief, lang),
        "timeline": {
            "heading": t("timeline", lang),
            "rows": timeline_rows(brief.timeline, lang),
        },
        "curriculum": {
            "heading": t("pack_sec_curriculum", lang),
            "text": curriculum_text(brief.curriculum, lang),
        },
        "protection": {
            "heading": t("pack_sec_protection", lang),
            "text": brief.protection_note.get(lang),
        },
        "vintage": _vintage(brief, lang),
    }


def _names(row: ProvinceRow, lang: str) -> list[str]:
    """The province's names, the pack's language first."""
    return [row.name_km, row.name_en] if lang == "km" else [row.name_en, row.name_km]


def _ranking(brief: Brief, lang: str) -> dict[str, Any]:
    names = [c.name for c in brief.criteria]
    rows = [_ranking_row(row, names, lang) for row in brief.ranked()]
    return {
        "heading": t("pack_sec_ranking", lang),
        "intro": t("pack_ranking_intro", lang, draws=f"{brief.draws:,}"),
        "headers": {
            "rank": t("rank_tt_rank", lang),
            "interval": t("pack_col_interval", lang),
            "code": t("pack_col_code", lang),
            "province": t("province", lang),
            "score": t("rank_col_score", lang),
            "top3": t("rank_col_top3", lang),
            "partnership": t("rank_col_partnership", lang),
        },
        "criteria": [c.label.get(lang) for c in brief.criteria],
        "rows": rows,
        "note": t("pack_table_note", lang),
        "why_heading": t("rank_why", lang),
        "why": _why(brief, lang),
    }


def _ranking_row(row: ProvinceRow, criteria: list[str], lang: str) -> dict[str, Any]:
    """One line of the table; a missing value reads "missing", never 0."""
    values = [row.value(name) for name in criteria]
    missing = "–" if _apart(row) else t("rank_missing", lang)
    return {
        **_rank_cells(row, lang),
        "code": row.province_code,
        "names": _names(row, lang),
        "values": [missing if v is None else f"{v:.2f}" for v in values],
        "missing": [v is None for v in values],
        "partnership": t("pack_partnership_mark", lang) if row.in_partnership else "",
    }


def _rank_cells(row: ProvinceRow, lang: str) -> dict[str, str]:
    """Rank, "median (low–high)", score and chance of the top 3; for a province that could not
    be ranked, "not ranked" and dashes."""
    if not row.ranked:
        why = t("rank_partnership_apart", lang) if _apart(row) else t("rank_not_ranked", lang)
        if _apart(row) and row.partnership_start:
            start = format_date(date.fromisoformat(row.partnership_start[:10]), lang, "month")
            why = t("pack_partnership_since", lang, start=start)
        return {"rank": "–", "interval": why, "score": "–", "top3": "–"}
    interval = f"{format_rank(row.rank_low)}–{format_rank(row.rank_high)}"
    return {
        "rank": format_rank(row.rank),
        "interval": f"{format_rank(row.rank_median)} ({interval})",
        "score": f"{row.score:.2f}",
        # in steps of 5 %: the draws do not say more, and no small whole number is printed
        "top3": format_percent(round(row.p_top3 * 20) / 20),
    }


def _apart(row: ProvinceRow) -> bool:
    """A province left out of the ranking as already in the partnership."""
    return row.in_partnership and not row.ranked


def _why(brief: Brief, lang: str) -> list[str]:
    labels = {c.name: c.label.get(lang) for c in brief.criteria}
    return [
        t(
            "pack_why_item",
            lang,
            province=_names(brief.province(leader.province_code), lang)[0],
            criteria=SEPARATOR.join(labels[name] for name in leader.main),
        )
        for leader in brief.leaders
    ]


def _academies(brief: Brief, lang: str) -> dict[str, Any]:
    total = brief.curriculum.modules
    provinces = {row.province_code: _names(row, lang)[0] for row in brief.provinces}
    headers = [
        "",
        t("rank_col_academy", lang),
        t("province", lang),
        t("rank_col_modules", lang, n=total),
        t("rank_col_trainees", lang),
        t("rank_col_tests", lang),
        t("rank_col_gain", lang),
    ]
    rows = [
        [
            f"A{number}",
            academy.name,
            provinces.get(academy.province_code, academy.province_code),
            *_academy_figures(academy, lang),
        ]
        for number, academy in enumerate(brief.academies, start=1)
    ]
    return {
        "heading": t("pack_sec_academies", lang),
        "empty": t("pack_no_academies", lang),
        "headers": headers,
        "rows": rows,
    }


def _academy_figures(academy: Academy, lang: str) -> list[str]:
    unknown = t("rank_not_reported", lang)
    tests = unknown
    if academy.pre_test_mean is not None and academy.post_test_mean is not None:
        tests = f"{academy.pre_test_mean:.0f} % → {academy.post_test_mean:.0f} %"
    gain = unknown if academy.gain is None else format_percent(academy.gain, signed=True)
    return [
        unknown if academy.modules_delivered is None else str(academy.modules_delivered),
        unknown if academy.trainees is None else f"{academy.trainees:,}",
        tests,
        gain,
    ]


def _method(brief: Brief, lang: str) -> dict[str, Any]:
    total = sum(c.weight for c in brief.criteria)
    note = t("pack_method_note", lang)
    if brief.evaluation is not None and brief.evaluation.estimator:
        note += " " + t("pack_method_evaluation", lang, estimator=brief.evaluation.estimator)
        if brief.evaluation.checks.verdict is not None:
            note += " " + t("pack_method_checks", lang)
    return {
        "heading": t("pack_sec_method", lang),
        "line": t("pack_method_line", lang, method=t(f"pack_method_{brief.method}", lang)),
        "note": note,
        "headers": [
            t(k, lang) for k in ("pack_col_criterion", "pack_col_weight", "pack_col_definition")
        ],
        "rows": [
            [
                c.label.get(lang),
                f"{c.weight:g} ({format_percent(c.weight / total)})",
                c.definition.get(lang),
            ]
            for c in brief.criteria
        ],
    }


def _selection(brief: Brief, lang: str) -> dict[str, str]:
    return {"heading": t("pack_sec_selection", lang), "text": brief.filters.get(lang)}


def case_study_dates(lang: str) -> dict[str, str]:
    """The case study's dates in words, from ``vocabulary``, as the values of the labels that
    name them: ``policy_day`` ("16 August 2010"), ``policy_month`` ("August 2010"),
    ``policy_year`` ("2010"), ``year_before_policy`` ("2009") and ``curriculum_month``
    ("November 2011"); Khmer digits in km.

    Raises:
        KeyError: for a language other than "en" or "km".
    """
    return {
        "policy_day": format_date(vocabulary.POLICY_DAY, lang),
        "policy_month": format_date(vocabulary.POLICY_DAY, lang, "month"),
        "policy_year": format_date(vocabulary.POLICY_DAY, lang, "year"),
        "year_before_policy": local_digits(str(vocabulary.POLICY_DAY.year - 1), lang),
        "curriculum_month": format_date(vocabulary.CURRICULUM_DAY, lang, "month"),
    }


def timeline_rows(events: tuple[TimelineEvent, ...], lang: str) -> list[list[str]]:
    """Each event as [when, what] in ``lang``: its date in words ("Next" when still to come).

    Raises:
        KeyError: for a language other than "en" or "km".
    """
    return [
        [
            t("pack_next", lang) if e.when is None else format_date(e.when, lang, e.precision),
            e.what.get(lang),
        ]
        for e in events
    ]


def curriculum_text(c: Curriculum, lang: str) -> str:
    """The curriculum's figures in one sentence: when it was approved, academies, modules,
    the pre/post test gain (Khmer digits in km).

    Raises:
        KeyError: for a language other than "en" or "km".
    """
    numbers = {
        "academies": str(c.academies),
        "modules": str(c.modules),
        "gain": format_percent(c.gain, signed=True),
        "answers": str(c.answers[0]),
        "questions": str(c.answers[1]),
    }
    numbers = {k: local_digits(v, lang) for k, v in numbers.items()}
    approved = format_date(c.approved, lang, "month")
    return t("pack_curriculum_figures", lang, approved=approved, **numbers)


def _vintage(brief: Brief, lang: str) -> dict[str, Any]:
    files = sorted(brief.files, key=lambda f: f.loaded_at, reverse=True)
    shown = sorted(files[:MAX_FILES], key=lambda f: (f.kind, f.file_name))
    rows = [[_kind(f.kind, lang), f.file_name, _when(f.loaded_at)] for f in shown]
    more = len(files) - len(shown)
    return {
        "heading": t("pack_sec_vintage", lang),
        "headers": [t(k, lang) for k in ("col_kind", "col_file", "pack_col_loaded_on")],
        "rows": rows,
        "empty": t("pack_no_files", lang),
        "more": t("pack_more_files", lang, n=more) if more else None,
    }


def _kind(kind: str, lang: str) -> str:
    key = f"kind_{kind}"
    return t(key, lang) if key in MESSAGES else kind


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _synthetic_label(brief: Brief, lang: str) -> str | None:
    """The label every page carries over the demo set's rows: mixed with partner rows, or not."""
    if brief.mixed:
        return t("synthetic_mixed", lang)
    return t("synthetic", lang) if brief.synthetic else None
