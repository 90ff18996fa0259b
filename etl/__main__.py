"""Command line of the atlas ETL.

python -m etl build [--wait S] [--no-publish]                boundaries + partner files
                                                              (or the demo set)
python -m etl ingest KIND FILE... [--wait S] [--no-publish] [--allow-fewer-rows|--replace-empty]
                                                              add or replace partner files
python -m etl demo [--scale N] [--seed S] [--pilot-effect F] [--mix-spread S] [--out DIR]
                   [--all-points]
python -m etl report                           what is loaded, what was quarantined and why

A build or ingest waits (up to --wait seconds, default 600) for one already running. It writes
the facts only; once they are in and the write lock is released, it runs the publish stage
(``python -m publish --db DB``, as a process of its own) for the products derived from them,
unless --no-publish is given.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import duckdb

import access
import audit
import config
from etl import build as build_module
from etl import demo, partners, reference
from etl.database import LOCK_WAIT_SECONDS, DatabaseBusy, atomic_update
from vocabulary import SYNTHETIC_LABEL

_WAIT = "seconds to wait for a build or ingest already running (default 600)"
_NO_PUBLISH = "write the facts only (run python -m publish later)"
_FEWER = "replace a loaded file even with a version of no rows or under half its rows loaded"


def run_publish(db_path: Path) -> int:
    """Run the publish stage on ``db_path`` as a process of its own (etl does not import the
    stage, which sits above it); its lines pass through. Returns its exit code."""
    print(f"publishing the products derived from the facts: python -m publish --db {db_path}",
          flush=True)  # fmt: skip
    done = subprocess.run([sys.executable, "-m", "publish", "--db", str(db_path)],
                          cwd=config.PROJECT_ROOT, check=False)  # fmt: skip
    if done.returncode:
        print(f"warning: the facts are loaded, but the publish stage ended with code "
              f"{done.returncode} (see above); run python -m publish to try again",
              file=sys.stderr)  # fmt: skip
    return done.returncode


def _then_publish(args: argparse.Namespace, code: int, db_path: Path) -> int:
    """The command's exit code once the stage has run: its own, or 3 when the stage could not
    run at all (a product that failed is recorded, and said, but the facts are in)."""
    if args.no_publish:
        return code
    published = run_publish(db_path)
    return code or (3 if published >= 2 else 0)


def _build(args: argparse.Namespace) -> int:
    access.require(access.OPERATOR, "ingest")  # a command on the server: the operator loads
    result = build_module.build(progress=not args.quiet, lock_wait=args.wait)
    data = SYNTHETIC_LABEL if result.synthetic else "partner files"
    print(
        f"built {result.db_path} in {result.seconds:.1f} s: {result.communes} communes, "
        f"{result.coded} with an official code ({result.coded / result.communes:.1%}); "
        f"match report: {result.report_path}\nloaded {data}:\n{partners.summarise(result.loads)}",
        flush=True,
    )
    code = 2 if any(r.status == "rejected" for r in result.loads) else 0
    return _then_publish(args, code, result.db_path)


def _ingest(args: argparse.Namespace) -> int:
    access.require(access.OPERATOR, "ingest")
    missing = [f for f in args.files if not Path(f).is_file()]
    if missing:
        print(f"error: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    files = [(args.kind, Path(f)) for f in args.files]
    db_path = config.get_path("ATLAS_DB_PATH")
    try:
        with atomic_update(db_path, args.wait) as con:
            partners.prepare(con)
            results = partners.load_files(
                con, files, progress=not args.quiet, allow_fewer=args.allow_fewer_rows
            )
            _audit_ingest(files, results)  # before the new database replaces the old one
    except audit.AuditUnavailable as exc:  # no line, no load: the database is as it was
        print(f"error: {exc}; nothing was loaded", file=sys.stderr)
        return 2
    except Exception:
        _audit_ingest(files, None)
        raise
    print(partners.summarise(results), flush=True)
    return _then_publish(args, 2 if any(r.status == "rejected" for r in results) else 0, db_path)


def _audit_ingest(files: list[tuple[str, Path]], results: list | None) -> None:
    """One audit line per file (user: the operating-system user, role "cli"); ``results``
    None when the ingest failed as a whole and the database was left as it was."""
    for i, (kind, path) in enumerate(files):
        status = results[i].status if results is not None else "failed"
        rows = results[i].rows_read if status in ("loaded", "replaced") else None
        name = partners.shown_name(path)  # a name that is not UTF-8, its bytes escaped
        audit.record("ingest", user=audit.os_user(), role="cli", file=f"{kind}/{name}",
                     rows=rows, sha256=audit.sha256_of(path), outcome=status)  # fmt: skip


def _demo(args: argparse.Namespace) -> int:
    settings = demo.demo_parameters_from_settings()
    effect = settings.pilot_effect if args.pilot_effect is None else args.pilot_effect
    spread = settings.mix_spread if args.mix_spread is None else args.mix_spread
    params = demo.DemoParameters(seed=args.seed, incidents=args.scale, pilot_effect=effect,
                                 mix_spread=spread)  # fmt: skip
    out = Path(args.out) if args.out else config.get_path("ATLAS_DEMO_DIR")
    communes = reference.communes_with_geometry()
    manifest = demo.write_demo(communes, out, params, all_points=args.all_points)
    rows = ", ".join(f"{k} {v:,}" for k, v in manifest["rows"].items())
    print(f"wrote {demo.LABEL} to {out}: {rows}; {manifest['expected_quarantined']} faulty rows")
    return 0


def _report(args: argparse.Namespace) -> int:
    print(partners.report_text(config.get_path("ATLAS_DB_PATH"), args.examples))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m etl", description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the atlas database")
    build.add_argument("--quiet", action="store_true", help="no progress bars")
    build.add_argument("--wait", type=float, default=LOCK_WAIT_SECONDS, help=_WAIT)
    build.add_argument("--no-publish", action="store_true", help=_NO_PUBLISH)
    build.set_defaults(run=_build)
    ingest = commands.add_parser("ingest", help="add or replace partner files")
    ingest.add_argument("kind", choices=sorted(partners.CONTRACTS))
    ingest.add_argument("files", nargs="+")
    ingest.add_argument("--quiet", action="store_true", help="no progress bars")
    ingest.add_argument("--wait", type=float, default=LOCK_WAIT_SECONDS, help=_WAIT)
    ingest.add_argument("--no-publish", action="store_true", help=_NO_PUBLISH)
    ingest.add_argument("--allow-fewer-rows", "--replace-empty", action="store_true", help=_FEWER)
    ingest.set_defaults(run=_ingest)
    make = commands.add_parser("demo", help="write the synthetic demo files")
    make.add_argument("--scale", type=int, default=config.get_int("ATLAS_DEMO_INCIDENTS"))
    make.add_argument("--seed", type=int, default=config.get_int("ATLAS_DEMO_SEED"))
    make.add_argument(
        "--pilot-effect",
        type=float,
        default=None,
        help="fall of arrests and confiscations after the pilot starts, 0 to 1 "
        "(default ATLAS_DEMO_PILOT_EFFECT)",
    )
    make.add_argument(
        "--mix-spread",
        type=float,
        default=None,
        help="how far each province's and district's mix of incident types strays from the "
        "national one, 0 or more (default ATLAS_DEMO_MIX_SPREAD)",
    )
    make.add_argument("--out", help="folder (default ATLAS_DEMO_DIR)")
    make.add_argument("--all-points", action="store_true", help="place every incident by lon/lat")
    make.set_defaults(run=_demo)
    rep = commands.add_parser("report", help="what is loaded and what was quarantined")
    rep.add_argument("--examples", type=int, default=3, help="examples per reason")
    rep.set_defaults(run=_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code (2 for bad input, with a message on stderr)."""
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except (
        reference.BoundaryFileError,
        reference.CrosswalkError,
        reference.CovariateFileError,
        partners.FileRejected,
        partners.SecretFileError,
        demo.DemoParameterError,
        DatabaseBusy,
        access.AccessDenied,
        FileNotFoundError,
    ) as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("The previous database, if any, was left unchanged.", file=sys.stderr)
        return 2
    except duckdb.Error as exc:  # a fault of the atlas, not of the input: said in one line
        first = str(exc).splitlines()[0][:200] if str(exc) else ""
        print(
            f"error: the database engine stopped ({type(exc).__name__}: {first})", file=sys.stderr
        )
        print("The previous database, if any, was left unchanged.", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
