"""The publish stage from the command line.

python -m publish [--db PATH] [--wait S]
    Make every derived product from the facts at ATLAS_DB_PATH (or PATH) and print each
    product's rows, checks and seconds: nothing is made when the products are from the facts'
    current build already. A failing product is printed with its reason (exit code 1); the
    others are made. Waits (up to --wait seconds, default 600) for a publish already running.
python -m publish evaluate ...    the pilot evaluation (see python -m publish evaluate -h)
python -m publish rank ...        the province ranking (see python -m publish rank -h)
"""

from __future__ import annotations

import argparse
import sys

import duckdb

import access
import query
from analysis.designs import InsufficientDataError
from etl.database import LOCK_WAIT_SECONDS, DatabaseBusy
from publish import cli
from publish.products import PRODUCTS
from publish.stage import Record, StageResult, publish


def _checks(record: Record) -> str:
    if not record.checks:
        return "-"
    passed = sum(c["passed"] for c in record.checks)
    return f"{passed}/{len(record.checks)} passed"


def stage_lines(result: StageResult) -> list[str]:
    """Each product's line (rows per table, checks, seconds, or why it failed), then what the
    run did."""
    docs = {p.name: p.doc for p in PRODUCTS}
    lines = []
    for r in result.records:
        rows = ", ".join(f"{table} {n:,}" for table, n in r.rows.items()) or "no rows"
        state = "made" if r.status == "made" else f"FAILED: {r.reason}"
        lines.append(f"{r.name} ({r.file}): {state}; rows: {rows}; checks: {_checks(r)}; "
                     f"{r.seconds:.2f} s  -- {docs.get(r.name, '')}")  # fmt: skip
    if result.rounds == 0:
        lines.append(f"nothing to do: every product is made from build {result.build_id}")
    else:
        lines.append(f"published build {result.build_id} in {result.seconds:.1f} s"
                     + (f" ({result.rounds} rounds: the facts changed meanwhile)"
                        if result.rounds > 1 else ""))  # fmt: skip
    return lines


def run_stage(args: argparse.Namespace) -> int:
    """Run the stage; returns the exit code (1 when a product failed)."""
    result = publish(cli.db_path(args), args.wait)
    print("\n".join(stage_lines(result)))
    return 1 if any(r.status != "made" for r in result.records) else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m publish", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    parser.add_argument("--db", metavar="PATH", help="the database (default ATLAS_DB_PATH)")
    parser.add_argument(
        "--wait", type=float, default=LOCK_WAIT_SECONDS,
        help="seconds to wait for a publish already running (default 600)",
    )  # fmt: skip
    parser.set_defaults(run=run_stage)
    cli.add_commands(parser.add_subparsers(dest="command"))
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code (2 for bad input, a missing database or an action
    the access rule refuses, with a message on stderr; 3 when the database engine stopped)."""
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except (access.AccessDenied, query.DatabaseMissingError, InsufficientDataError, DatabaseBusy,
            ValueError) as exc:  # fmt: skip
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except duckdb.Error as exc:  # a fault of the atlas, said in one line
        first = str(exc).splitlines()[0][:200] if str(exc) else ""
        print(f"error: the database engine stopped ({type(exc).__name__}: {first})",
              file=sys.stderr)  # fmt: skip
        return 3


if __name__ == "__main__":
    sys.exit(main())
