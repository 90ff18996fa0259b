"""The briefing pack from the command line:

    python -m briefing --lang km|en --out FILE.pdf [--weight NAME=VALUE]... [--method M]

It reads the briefing store (``atlas_briefing.duckdb`` beside ``ATLAS_DB_PATH``: province
tables only, what the pack's audience may see), ranks the provinces (``analysis.ranking``, on
the inputs of ``query.ranking``) and writes the pack (``briefing.pack``); the file is recorded
in the audit log with its SHA-256 before it is written. Bad weights or an unknown method, or an
audit log that cannot be written: a message on standard error, exit 2, nothing written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import access
import audit
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
from briefing.model import BriefError, Text
from briefing.pack import PackData, render_pack
from briefing.render import BriefingError
from etl.schema import briefing_store_path
from query import published
from query import ranking as ranking_query

#: Whom the pack is for: it reads that audience's store.
AUDIENCE = access.BRIEFING


def read_pack(db_path: Path, weights: dict[str, float], method: str) -> tuple[Ranking, PackData]:
    """The ranking and the pack's data, read from the store at ``db_path``.

    Raises:
        query.DatabaseMissingError: if the store has not been built.
        WeightError, MethodError, RankingInputError: as ``rank_provinces`` does.
    """
    con = query.open_database(db_path)
    try:
        ranking = rank_provinces(ranking_query.province_inputs(con), weights, method=method)
        windows = ranking_query.ranking_windows(con)
        data = PackData(
            provinces=query.unit_layer(con, "province")[["province_code", "geometry"]],
            academies=ranking_query.academies(con),
            files=query.load_log(con),
            headline=ranking_query.evaluation_headline(con),
            selection=Text(windows.describe("en"), windows.describe("km")),
            threshold=published.threshold(),
            stand_in=ranking_query.stand_in(),
            synthetic=query.data_origin(con) != "partner",
            mixed=query.data_origin(con) == "mixed",
        )
    finally:
        con.close()
    return ranking, data


def write_pack(out: Path, lang: str, weights: dict[str, float], method: str) -> bytes:
    """Record the pack in ``lang`` in the audit log, then write it to ``out``; returns it.

    Raises:
        access.AccessDenied: if the access rule refuses the pack's audience the pack.
        audit.AuditUnavailable: if the audit log cannot be written (nothing is written).
        everything ``read_pack`` and ``briefing.pack.render_pack`` raise; OSError if the file
        cannot be written.
    """
    access.require(AUDIENCE, "build_pack")
    audit.check_writable()  # before the minute of work a pack takes
    store = briefing_store_path(config.get_path("ATLAS_DB_PATH"))
    ranking, data = read_pack(store, weights, method)
    pdf = render_pack(ranking, data, lang)
    audit.record(
        "export", user=audit.os_user(), role="cli (briefing)", link=f"briefing --lang {lang}",
        file=out.name, rows=len(ranking.provinces), sha256=audit.sha256_of(pdf),
    )  # fmt: skip
    out.write_bytes(pdf)
    return pdf


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns the exit code (2 for bad input, a missing store, a bad setting
    or an audit log that cannot be written)."""
    parser = argparse.ArgumentParser(
        prog="python -m briefing", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    parser.add_argument("--lang", choices=("km", "en"), required=True, help="the pack's language")
    parser.add_argument("--out", required=True, help="the PDF file to write")
    parser.add_argument("--weight", action="append", metavar="NAME=VALUE",
                        help="a criterion's weight (relative; repeat for several)")  # fmt: skip
    parser.add_argument("--method", default=DEFAULT_METHOD,
                        help=f"one of {', '.join(METHODS)} (default {DEFAULT_METHOD})")  # fmt: skip
    args = parser.parse_args(argv)
    try:
        weights = parse_weight_args(args.weight or [])
        write_pack(Path(args.out), args.lang, weights, args.method)
    except (access.AccessDenied, WeightError, MethodError, RankingInputError, BriefError,
            BriefingError, query.DatabaseMissingError, config.SettingError) as exc:  # fmt: skip
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except audit.AuditUnavailable as exc:
        print(f"error: {exc}; the pack was not written", file=sys.stderr)
        return 2
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
