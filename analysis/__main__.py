"""The analyses from the command line: ``python -m analysis SUBCOMMAND``.

``rank``: which province next? The province ranking with its uncertainty, read through the
protection layer (``query.ranking``) from the database, or from its briefing store with
``--audience briefing``; ``--json`` prints the ranking's JSON (``weights``, ``provinces``, ...)
with ``synthetic`` and the counts' selection. Bad weights (unknown names, negative, all zero,
not numbers) or an unknown method: the ranking's own message on standard error, exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import config
import query
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
from etl.schema import SYNTHETIC_FLAG, briefing_store_path
from query import ranking as ranking_query

AUDIENCES = ("analyst", "briefing")


def store_path(audience: str, db_path: Path | None = None) -> Path:
    """The file an audience reads: the database, or its briefing store for ``briefing``."""
    path = db_path or config.get_path("ATLAS_DB_PATH")
    return briefing_store_path(path) if audience == "briefing" else path


def rank_json(ranking: Ranking, synthetic: bool, selection: str, stand_in: float) -> dict:
    """The command's JSON: the ranking's own keys, then ``synthetic`` and ``counts`` (the
    selection the incident counts come from, and what a count reading ``<5`` enters as)."""
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
    return "\n".join([*lines, "", ranking.explanation.sentence])


def run_rank(args: argparse.Namespace) -> int:
    """The ``rank`` subcommand; returns the exit code."""
    try:
        weights = parse_weight_args(args.weight or [])
        con = query.open_database(store_path(args.audience))
        try:
            frame = ranking_query.province_inputs(con)
            selection = ranking_query.ranking_windows(con).describe("en")
            synthetic = query.build_info(con).get(SYNTHETIC_FLAG) == "true"
        finally:
            con.close()
        ranking = rank_provinces(frame, weights, method=args.method)
    except (WeightError, MethodError, RankingInputError, query.DatabaseMissingError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        out = rank_json(ranking, synthetic, selection, ranking_query.stand_in())
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        if synthetic:
            print("Synthetic demonstration data: no real incident is shown.\n")
        print(_table(ranking))
        print(f"\nCounts: {selection}. A count reading <5 enters as {ranking_query.stand_in()}.")
    return 0


def parser() -> argparse.ArgumentParser:
    """The command's parser, one subparser per analysis."""
    top = argparse.ArgumentParser(prog="python -m analysis", description=__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    commands = top.add_subparsers(dest="command", required=True)
    rank = commands.add_parser("rank", help="which province next? the ranking with intervals")
    rank.add_argument("--weight", action="append", metavar="NAME=VALUE",
                      help="a criterion's weight (relative; repeat for several)")  # fmt: skip
    rank.add_argument("--method", default=DEFAULT_METHOD,
                      help=f"one of {', '.join(METHODS)} (default {DEFAULT_METHOD})")  # fmt: skip
    rank.add_argument("--json", action="store_true", help="print the ranking as JSON")
    rank.add_argument("--audience", choices=AUDIENCES, default="analyst",
                      help="briefing: read the briefing store (provinces only)")  # fmt: skip
    rank.set_defaults(run=run_rank)
    return top


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns the exit code (2 for bad input or a missing database)."""
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
