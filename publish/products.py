"""Every product of the publish stage, declared once: its name, its file, what it reads, the
function that makes it and its checks (``publish.product``). The stage makes them in this
order; a product reads only facts and products declared before it.
"""

from __future__ import annotations

import pandas as pd

from analysis.verdict import REASONS, VERDICTS
from etl.schema import BRIEFING_TABLES
from publish import briefing_store, evaluation_default, ranking
from publish.evaluation import HEADLINE_COLUMNS, headline_frame
from publish.product import Check, Inputs, Product, Reader, Table, one_row

#: What the evaluation reads from the facts (``query.panel``).
EVALUATION_FACTS = ("incidents_monthly", "partnership", "communes", "build_info")


def _make_headline(inputs: Inputs) -> dict[str, Table]:
    return {"evaluation_headline": headline_frame(inputs.con)}


def _numbers_or_reason(read: Reader) -> str | None:
    """The headline has an effect inside its interval and words in both languages, or no
    effect and a reason in both languages."""
    row = read("evaluation_headline").iloc[0]
    if pd.isna(row["effect"]):
        has_reason = all(isinstance(row[c], str) and row[c] for c in ("reason_en", "reason_km"))
        return None if has_reason else "no effect and no reason in both languages"
    if not row["low"] <= row["effect"] <= row["high"]:
        return f"effect {row['effect']} outside its interval {row['low']} to {row['high']}"
    has_text = all(isinstance(row[c], str) and row[c] for c in ("text_en", "text_km"))
    return None if has_text else "an effect without its sentence in both languages"


def _verdict_known(read: Reader) -> str | None:
    """An estimate comes with a verdict of ``analysis.verdict.VERDICTS`` whose reasons are
    codes of ``REASONS`` (the pack says them in words), none without one."""
    row = read("evaluation_headline").iloc[0]
    if pd.isna(row["effect"]):
        return None if pd.isna(row["verdict"]) else "a verdict without an estimate"
    if row["verdict"] not in VERDICTS:
        return f"verdict {row['verdict']!r} is not one of {', '.join(VERDICTS)}"
    codes = [c for c in str(row["verdict_reasons"] or "").split(",") if c]
    unknown = [c for c in codes if c not in REASONS]
    return f"unknown verdict reasons {', '.join(unknown)}" if unknown else None


PRODUCTS: tuple[Product, ...] = (
    Product(
        "evaluation_headline", "products", EVALUATION_FACTS, _make_headline,
        checks=(one_row("evaluation_headline"), Check("numbers or a reason", _numbers_or_reason),
                Check("verdict in codes", _verdict_known)),
        schemas={"evaluation_headline": HEADLINE_COLUMNS},
        doc="the default pilot evaluation with its checks and verdict, both languages, or why not",
    ),
    Product(
        "evaluation_default", "products", (*EVALUATION_FACTS, "demo_parameters"),
        evaluation_default.make_default_evaluation,
        checks=(one_row("evaluation_default"),
                Check("groups apart", evaluation_default.check_groups_apart),
                Check("series published", evaluation_default.check_series_published),
                Check("evaluation published", evaluation_default.check_evaluation_published)),
        schemas={"evaluation_default": evaluation_default.DEFAULT_COLUMNS},
        doc="the evaluation page's first view: estimate and checks, event study, groups",
    ),
    Product(
        "briefing_store", "briefing", (*BRIEFING_TABLES[:-1], "evaluation_headline"),
        briefing_store.make_briefing_store,
        checks=(Check("no place below the province",
                      briefing_store.check_no_place_below_province),
                Check("numbers as published", briefing_store.check_published_numbers)),
        schemas={"evaluation_headline": HEADLINE_COLUMNS},
        doc="the briefing audience's file: province tables and the headline",
    ),
    Product(
        "ranking_inputs", "briefing",
        ("briefing_store", "evaluation_headline", "province_services", "academies"),
        ranking.make_ranking_inputs,
        checks=(Check("one row per province", ranking.check_one_row_per_province),
                Check("counts as published", ranking.check_counts_as_published),
                one_row("ranking_windows")),
        schemas={"ranking_windows": ranking.WINDOW_COLUMNS},
        doc="each province's criteria as the protection layer publishes them, and the windows",
    ),
    Product(
        "ranking_default", "briefing", ("ranking_inputs",), ranking.make_ranking_default,
        checks=(one_row("ranking_default"), Check("ranks complete", ranking.check_ranks_complete)),
        schemas={"ranking_default": ranking.DEFAULT_COLUMNS},
        doc="the ranking at the default weights and method",
    ),
)  # fmt: skip
#: The product a file is made by: without it, the file is not replaced (the one before stays).
FILE_MAKERS = {"briefing": "briefing_store"}
NAMES = tuple(p.name for p in PRODUCTS)
