"""The analyses of the database from the command line: ``python -m publish evaluate|rank``.

python -m publish evaluate [--province P] [--types T,...] [--design D] [--window W] [--json]
    Did the pilot change arrests and confiscations? The evaluation of the database at
    ATLAS_DB_PATH (or --db), as it may be published (``publish.evaluation_rules``): the effect
    as a relative change in whole percent (-0.40 for a 40 % fall) with its 95 % interval
    rounded outward, what was compared, the pre-trend test and the robustness line. Bad input
    (an unknown province or type, a choice not offered, too few pilot or comparison communes,
    no months before the start) is said in one line on stderr, without a count, exit code 2.

python -m publish rank [--weight NAME=VALUE]... [--method M] [--json] [--audience briefing]
    Which province next? The province ranking with its uncertainty, read through the
    protection layer (``query.ranking``) from the database, or from its briefing store with
    ``--audience briefing``; ``--json`` prints the ranking's JSON (``weights``, ``provinces``,
    ...) with ``synthetic`` and the counts' selection. The pilot effect shown beside each
    province comes from the evaluation headline product made from the same build of the
    facts (none when the products are older). Bad weights (unknown names, negative, all zero,
    not numbers) or an unknown method: the ranking's own message on stderr, exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import access
import config
import query
from analysis.designs import DEFAULT_DESIGN, DEFAULT_WINDOW, DESIGNS, WINDOWS
from analysis.evaluation import Evaluation
from analysis.headline import headline_text, note_text, subject_text
from analysis.ranking import (
    DEFAULT_METHOD,
    METHODS,
    MethodError,
    Ranking,
    RankingInputError,
    WeightError,
    parse_weight_args,
    rank_provinces,
)
from analysis.verdict import REASONS
from etl.schema import briefing_store_path, products_path
from publish.evaluation import evaluate_atlas
from publish.evaluation_rules import FIRST_YEAR_AFTER_POLICY, MIN_COMMUNES, OFFERED_TYPES
from publish.product import first_row
from query import products, published
from query import ranking as ranking_query
from vocabulary import MIXED_LABEL, PILOT_TYPES, SYNTHETIC_LABEL

#: The event study's incident counts by bin are true counts: the CLI never prints them.
HIDDEN_COLUMNS = ("incidents",)
#: Why only some choices are offered (the command's help).
OFFER_NOTE = (
    "Offered: every pilot province together, or one province whose pilot and comparison "
    "communes, and those the other pilot provinces add, number at least {min} each; arrests "
    "and confiscations, or all incidents; windows of whole calendar years. Smaller groups, "
    "single incident types and other months are not offered: estimates on them could be "
    "compared to tell small counts apart. Estimates are whole percent, intervals rounded "
    "outward; an event-study bin is shown only where both groups' incidents in it publish as "
    "a number. See docs/evaluation.md."
)


def _types(text: str) -> tuple[str, ...]:
    """``--types``: a group of ``OFFERED_TYPES`` by name (``all``, ``arrests_confiscations``),
    or incident types separated by commas (checked by the query layer and the rules)."""
    if text.strip() in OFFERED_TYPES:
        return OFFERED_TYPES[text.strip()]
    return tuple(part.strip() for part in text.split(",") if part.strip())


def evaluation_json(
    result: Evaluation, synthetic: bool, types: tuple[str, ...], mixed: bool = False
) -> dict:
    """The evaluation as the CLI writes it: ``Evaluation.to_dict`` without the event study's
    incident counts, with the types counted, the headline, whether the data are wholly
    synthetic and what they are (``data``: the synthetic label, the mixed one when partner
    rows are ``mixed`` with the demo's, or partner data)."""
    out = result.to_dict()
    out["event_study"] = [
        {k: v for k, v in row.items() if k not in HIDDEN_COLUMNS} for row in out["event_study"]
    ]
    subject = subject_text(types, "en")
    out |= {
        "types": list(types),
        "headline": headline_text(result.effect, result.low, result.high, subject, "en"),
        "synthetic": synthetic,
        "data": MIXED_LABEL if mixed else SYNTHETIC_LABEL if synthetic else "partner data",
    }
    return out


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:+.0%}"  # whole percent, as published


def evaluation_lines(data: dict) -> list[str]:
    """The evaluation in plain lines (what ``--json`` writes, for a reader)."""
    lines = [data["headline"]]
    if data["data"] != "partner data":
        lines.insert(0, f"[{data['data']}]")
    lines += [
        f"effect {_percent(data['effect'])} (95 % interval {_percent(data['low'])} to "
        f"{_percent(data['high'])}), method {data['method']}",
        f"pilot communes {data['pilot_communes']} in provinces {', '.join(data['provinces'])}; "
        f"comparison communes {data['comparison_communes']} ({data['design']}: "
        f"{DESIGNS[data['design']].why})",
        f"months {data['first_month']} to {data['last_month']} ({data['window']})",
    ]
    p = data["pre_trend_p"]
    shown = "not shown" if p is None else "p < 0.01" if p < 0.01 else f"p = {p:.2f}"
    lines.append(f"pre-trend test: {shown}")
    check = data["robustness"]
    if check is not None:
        lines.append(
            f"robustness (imputation estimator, {check['control']}): "
            f"{_percent(check['effect'])} (95 % {_percent(check['low'])} to "
            f"{_percent(check['high'])})"
        )
    return lines + _check_lines(data) + [note_text(note, "en") for note in data["notes"]]


def _check_lines(data: dict) -> list[str]:
    """The sensitivity, the negative control and the verdict, when the evaluation has them."""
    lines = []
    drift = data.get("sensitivity")
    if drift is not None:
        bend = drift["breakdown"]
        lines.append(
            f"with the pre-start drift carried on: {_percent(drift['effect'])} (95 % "
            f"{_percent(drift['low'])} to {_percent(drift['high'])}); breakdown value "
            + ("none" if bend is None else f"{bend:.3f} a quarter per quarter")
        )
    control = data.get("negative_control")
    if control is not None:
        lines.append(
            f"negative control ({', '.join(control['types'])}): {_percent(control['effect'])} "
            f"(95 % {_percent(control['low'])} to {_percent(control['high'])}); relative to "
            f"it {_percent(control['adjusted_effect'])}"
        )
    if data.get("verdict") is not None:
        reasons = [REASONS[code] for code in data["verdict_reasons"]]
        lines.append(f"verdict: {data['verdict'].replace('_', ' ')}" + "".join(
            f"; {reason}" for reason in reasons))  # fmt: skip
    return lines


def db_path(args: argparse.Namespace) -> Path:
    """The database a command reads: ``--db``, else ``ATLAS_DB_PATH``."""
    return Path(args.db) if getattr(args, "db", None) else config.get_path("ATLAS_DB_PATH")


def run_evaluate(args: argparse.Namespace) -> int:
    """The ``evaluate`` subcommand; returns the exit code."""
    access.require(access.OPERATOR, "evaluate")  # a command on the server: the operator
    types = PILOT_TYPES if args.types is None else args.types
    con = query.open_database(db_path(args))
    try:
        result = evaluate_atlas(con, args.province, types, args.design, args.window)
        origin = query.data_origin(con)
    finally:
        con.close()
    data = evaluation_json(result, origin == "synthetic", tuple(types), origin == "mixed")
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print("\n".join(evaluation_lines(data)))
    return 0


AUDIENCES = access.ROLES


def store_path(audience: str, db_path: Path | None = None) -> Path:
    """The file an audience reads: the database, or its briefing store for an audience the
    access rule keeps to provinces (``briefing``)."""
    path = db_path or config.get_path("ATLAS_DB_PATH")
    return briefing_store_path(path) if access.reads_briefing_store(audience) else path


def published_headline(db: Path, build: products.Stamp | None) -> dict[str, object] | None:
    """The evaluation headline product beside ``db`` when it was made from ``build`` of the
    facts (never a headline of other facts), else None."""
    try:
        con = products.open_file(products_path(db))
    except products.ProductsMissingError:
        return None
    try:
        found = products.records(con)
        made = found[(found["name"] == "evaluation_headline") & (found["status"] == "made")]
        if build is None or list(made["build_id"]) != [build.build_id]:
            return None
        return first_row(products.product_table(con, "evaluation_headline"))
    finally:
        con.close()


def rank_json(ranking: Ranking, synthetic: bool, selection: str, stand_in: float) -> dict:
    """The command's JSON: the ranking's own keys, then ``synthetic`` and ``counts`` (the
    selection the incident counts come from, and what a count reading ``<threshold`` enters
    as)."""
    return {
        **ranking.to_dict(),
        "synthetic": synthetic,
        "counts": {"selection": selection, "small_count_stand_in": stand_in},
    }


def _table(ranking: Ranking) -> str:
    """The ranking as plain text: one line per province, every rank with its interval."""
    lines = [f"{'rank':>4} {'90 % interval':>13} {'top 3':>6} {'score':>6}  province"]
    for p in ranking.provinces:
        if p.rank is None:
            lines.append(f"{'-':>4} {'not ranked':>13} {'-':>6} {'-':>6}  {p.name_en}")
            continue
        mark = " (in the partnership)" if p.in_partnership else ""
        lines.append(
            f"{p.rank:>4} {f'{p.rank_low}-{p.rank_high}':>13} {p.p_top3:>6.0%} "
            f"{p.score:>6.3f}  {p.province_code} {p.name_en}{mark}"
        )
    if ranking.partnership and not ranking.include_partnership:
        lines += ["", "Already in the partnership (not ranked; --include-partnership ranks them):"]
        lines += [
            f"     since {p.start or 'a date not given'}  {p.province_code} {p.name_en}"
            for p in ranking.partnership
        ]
    return "\n".join([*lines, "", ranking.explanation.sentence])


def run_rank(args: argparse.Namespace) -> int:
    """The ``rank`` subcommand; returns the exit code."""
    try:
        access.require(args.audience, "rank")
        weights = parse_weight_args(args.weight or [])
        path = store_path(args.audience, db_path(args))
        con = query.open_database(path)
        try:
            headline = None  # the briefing store holds its own
            if not access.reads_briefing_store(args.audience):
                headline = published_headline(path, products.stamp(con))
            frame = ranking_query.province_inputs(con, headline)
            selection = ranking_query.ranking_windows(con).describe("en")
            origin = query.data_origin(con)
            synthetic = origin == "synthetic"
        finally:
            con.close()
        ranking = rank_provinces(
            frame, weights, method=args.method, include_partnership=args.include_partnership
        )
    except (access.AccessDenied, WeightError, MethodError, RankingInputError,
            query.DatabaseMissingError) as exc:  # fmt: skip
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        out = rank_json(ranking, synthetic, selection, ranking_query.stand_in())
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        if synthetic:
            print("Synthetic demonstration data: no real incident is shown.\n")
        elif origin == "mixed":
            print(f"Data: {MIXED_LABEL}.\n")
        print(_table(ranking))
        limit = published.threshold()
        print(f"\nCounts: {selection}. A count reading <{limit} enters as "
              f"{ranking_query.stand_in():g}.")  # fmt: skip
    return 0


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add the ``evaluate`` and ``rank`` subcommands to ``python -m publish``'s parser."""
    evaluate = commands.add_parser(
        "evaluate", help="did the pilot change arrests and confiscations?",
        epilog=OFFER_NOTE.format(min=MIN_COMMUNES),
    )  # fmt: skip
    evaluate.add_argument(
        "--province",
        action="append",
        metavar="P",
        help="one pilot province's code, when it is offered alone (default: every pilot province)",
    )
    evaluate.add_argument(
        "--types",
        type=_types,
        metavar="T,...",
        help="arrests_confiscations (the default: "
        f"{','.join(PILOT_TYPES)}) or all (every incident type)",
    )
    evaluate.add_argument("--design", choices=list(DESIGNS), default=DEFAULT_DESIGN)
    evaluate.add_argument(
        "--window", choices=list(WINDOWS), default=DEFAULT_WINDOW,
        help=f"whole calendar years: after_policy from {FIRST_YEAR_AFTER_POLICY} (the first "
        "whole year under the policy), all_months from the data's first year",
    )  # fmt: skip
    evaluate.add_argument("--json", action="store_true", help="write the result as JSON")
    evaluate.set_defaults(run=run_evaluate)  # fmt: skip
    rank = commands.add_parser("rank", help="which province next? the ranking with intervals")
    rank.add_argument("--weight", action="append", metavar="NAME=VALUE",
                      help="a criterion's weight (relative; repeat for several)")  # fmt: skip
    rank.add_argument("--method", default=DEFAULT_METHOD,
                      help=f"one of {', '.join(METHODS)} (default {DEFAULT_METHOD})")  # fmt: skip
    rank.add_argument("--include-partnership", action="store_true",
                      help="rank the provinces already in the partnership too (default: "
                      "they are listed apart)")  # fmt: skip
    rank.add_argument("--json", action="store_true", help="print the ranking as JSON")
    rank.add_argument("--audience", choices=AUDIENCES, default="analyst",
                      help="briefing: read the briefing store (provinces only)")  # fmt: skip
    rank.set_defaults(run=run_rank)
