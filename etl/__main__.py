"""Command line: ``python -m etl build`` builds the atlas database."""

from __future__ import annotations

import argparse
import sys

from etl import build as build_module
from etl.conflate import CrosswalkError
from etl.sources import BoundaryFileError


def _build(_: argparse.Namespace) -> int:
    result = build_module.build()
    print(
        f"built {result.db_path} in {result.seconds:.1f} s: {result.communes} communes, "
        f"{result.coded} with an official code ({result.coded / result.communes:.1%}); "
        f"match report: {result.report_path}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code (2 for bad input, with a message on stderr)."""
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "build", help="build data/atlas.duckdb from the reference data"
    ).set_defaults(run=_build)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except (BoundaryFileError, CrosswalkError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("The previous database, if any, was left unchanged.", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
