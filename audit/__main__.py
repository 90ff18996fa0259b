"""Print the audit log.

python -m audit [--user TEXT] [--action ACTION] [--since YYYY-MM-DD] [--until YYYY-MM-DD]
                [--jsonl] [--log PATH]
python -m audit --verify [--log PATH]
python -m audit --seal [--log PATH]

Lines are printed oldest first; --user keeps the users that contain TEXT (any case), --since and
--until are UTC days, both included; --jsonl prints the lines as they are stored.

--verify checks the keyed chain (its key comes from ATLAS_SECRET_FILE): it prints how many
entries the log holds, each place the chain breaks (the line, and whether a line was edited,
deleted, inserted, reordered or the end cut off) and the last entry's hash (keep a copy
elsewhere: it pins the log's end). Exit code 0 when the chain is intact; 1 when it breaks,
when there is no log yet, or when the log has no keyed chain (it cannot be verified); 2 when
the log or the secret file cannot be read.

--seal keys a log that has no keyed chain yet (written before the key, or before any chain):
it appends one line (action "seal") whose keyed hash seals every line before it, so that
from then on any change shows. Check the log first: sealing vouches for what is there.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

import access
from audit import (
    ACTIONS,
    AuditLogError,
    AuditUnavailable,
    Entry,
    log_path,
    os_user,
    read_entries,
    record,
    verify,
)  # fmt: skip
from audit.secret import SecretFileError

COLUMNS = (("time", 25), ("user", 28), ("role", 9), ("action", 9), ("rows", 8), ("outcome", 10),
           ("file", 36), ("link", 0), ("sha256", 0))  # fmt: skip


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a day as YYYY-MM-DD, got {text!r}") from None


def format_table(entries: list[Entry]) -> str:
    """The entries as a fixed-width table (link and checksum last, in full)."""
    lines = [" ".join(f"{name:<{width}}" if width else name for name, width in COLUMNS)]
    for entry in entries:
        values = asdict(entry)
        cells = []
        for name, width in COLUMNS:
            text = "" if values[name] is None else str(values[name])
            cells.append(f"{text:<{width}}" if width else text)
        lines.append(" ".join(cells))
    lines.append(f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}")
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m audit", description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--user", default="", help="users containing this text (any case)")
    parser.add_argument("--action", default="", choices=("", *ACTIONS), help="one action")
    parser.add_argument("--since", type=_day, help="first UTC day, YYYY-MM-DD")
    parser.add_argument("--until", type=_day, help="last UTC day, YYYY-MM-DD")
    parser.add_argument("--jsonl", action="store_true", help="print the stored lines")
    parser.add_argument("--log", type=Path, help="the log (default ATLAS_AUDIT_LOG)")
    parser.add_argument("--verify", action="store_true", help="check the keyed chain")
    parser.add_argument("--seal", action="store_true", help="key a log without a keyed chain")
    return parser


def _cannot_read(path: Path, exc: OSError | SecretFileError) -> int:
    if isinstance(exc, IsADirectoryError):
        problem = f"{path.name} is a folder, not a file (setting ATLAS_AUDIT_LOG or --log)"
    elif isinstance(exc, OSError):
        problem = f"{path.name}: {exc.strerror or type(exc).__name__}"
    else:
        problem = str(exc)
    print(f"error: the audit log cannot be verified: {problem}", file=sys.stderr)
    return 2


def print_verification(path: Path) -> int:
    """Check the chain of the log at ``path`` and print what was found; returns the exit code
    (0 intact; 1 broken, no log or no keyed chain; 2 the log or the secret unreadable)."""
    try:
        found = verify(path)
    except (OSError, SecretFileError) as exc:
        return _cannot_read(path, exc)
    print(f"{path.name}: {found.summary()}")
    for problem in found.breaks:
        print(f"  {problem}")
    for note in found.note_texts():
        print(f"  note: {note}")
    if found.last_hash:
        print(f"last hash: {found.last_hash}")
    return 0 if found.intact else 1


def seal_log(path: Path) -> int:
    """Key the log at ``path`` when it has no keyed chain (one "seal" line); returns the exit
    code (0 sealed or already keyed, 1 a break or nothing to seal, 2 unreadable or unwritable)."""
    try:
        found = verify(path)
    except (OSError, SecretFileError) as exc:
        return _cannot_read(path, exc)
    if found.status not in ("no_chain", "unkeyed"):
        print(f"{path.name}: {found.summary()}; nothing to seal")
        return 0 if found.intact else 1
    try:
        record("seal", user=os_user(), role="cli", rows=found.entries, outcome="sealed", path=path,
               reseal=True)  # fmt: skip
    except AuditUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return print_verification(path)


def main(argv: list[str] | None = None) -> int:
    """Print the log, or check its chain (``--verify``); returns the exit code (2 for a log line
    that is not an entry, or when the access rule refuses the operator the log; 1 for a broken
    chain)."""
    args = _parser().parse_args(argv)
    if not access.allowed(access.OPERATOR, "read_audit_log"):
        print(f"error: {access.refusal(access.OPERATOR, 'read_audit_log')}", file=sys.stderr)
        return 2
    path = args.log or log_path()
    if args.verify:
        return print_verification(path)
    if args.seal:
        return seal_log(path)
    try:
        entries = read_entries(
            path, user=args.user, action=args.action, since=args.since, until=args.until
        )
    except (AuditLogError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.jsonl:
        for entry in entries:
            print(json.dumps(asdict(entry), ensure_ascii=False, separators=(",", ":")))
    else:
        print(f"{path}:")
        print(format_table(entries))
    return 0


if __name__ == "__main__":
    sys.exit(main())
