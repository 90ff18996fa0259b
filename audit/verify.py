"""Check the audit log's keyed chain and say where it breaks (``audit.chain`` says how it is
made). Used by ``python -m audit --verify`` and the Partner files page."""

from __future__ import annotations

import errno
import fcntl
import os
from collections import Counter
from collections.abc import Mapping
from itertools import pairwise
from pathlib import Path

from audit.chain import (
    UNCHAINED,
    Head,
    digest,
    keyed_seal,
    made_with,
    read_head,
    seal,
)  # fmt: skip
from audit.entry import Entry, parse_line
from audit.findings import Break, Link, Verification, found
from audit.secret import chain_key

Row = tuple[int, Mapping[str, object], Entry]


def _read(path: Path) -> tuple[list[str] | None, bool, Head | str | None]:
    """The log's lines (None: no log), whether it ends with a newline, and its head, read
    under a shared lock (a writer's line and head are complete before we read them).

    Raises:
        OSError: IsADirectoryError when the log is a folder; any other read failure.
    """
    if not path.exists():
        return None, True, read_head(path)
    if not path.is_file():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    with path.open("rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_SH)
        try:
            data = handle.read()
            head = read_head(path)
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    text = data.decode("utf-8", "replace")
    return text.splitlines(), (not data or data.endswith(b"\n")), head


def _rows(lines: list[str], ends_with_newline: bool) -> tuple[list[Row], list[Break]]:
    """The entries read, and the lines that are not entries as breaks."""
    rows: list[Row] = []
    breaks: list[Break] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if any(stored.get("seq") is not None for _, stored, _ in rows):
                breaks.append(found(number, "inserted", "empty_line"))
            continue
        try:
            stored, entry = parse_line(line)
        except ValueError:
            last = number == len(lines) and not ends_with_newline
            breaks.append(found(number, *(("truncated", "cut_short") if last else
                                          ("edited", "not_entry"))))  # fmt: skip
            continue
        rows.append((number, stored, entry))
    return rows, breaks


def _first_break(first: Link, before: list[Mapping[str, object]], sealed: str) -> Break | None:
    if first.prev == sealed and first.seq == len(before) + 1:
        return None
    if first.prev == UNCHAINED and before:
        return found(first.line, "edited", "chain_removed", n=len(before))
    if before:
        return found(first.line, "edited", "sealed_changed", n=len(before))
    if first.seq > 1:
        return found(first.line, "deleted", "first_missing", n=first.seq - 1, seq=first.seq)
    return found(first.line, "edited", "not_start")


def _pair_break(
    a: Link, b: Link, highest: int, seqs: Counter[int], known: set[int]
) -> Break | None:
    """How the chain breaks between consecutive entries ``a`` and ``b`` (``highest``: the
    largest number seen up to ``a``; ``seqs``: how often each number is held by a line that
    verifies; ``known``: every number a line claims)."""
    if b.prev == a.hash and b.seq == a.seq + 1:
        return None
    if b.prev == UNCHAINED:
        return found(b.line, "head", "head_unchained", after=a.seq)
    if b.prev == a.hash:
        return found(b.line, "edited", "number_order", seq=b.seq, after=a.seq)
    if b.seq <= highest:
        if seqs[b.seq] > 1:
            return found(b.line, "inserted", "twice", seq=b.seq)
        return found(b.line, "reordered", "reordered", seq=b.seq, after=highest)
    if b.seq > a.seq + 1:
        missing = [n for n in range(a.seq + 1, b.seq) if n not in known]
        if not missing:
            return None  # those entries are elsewhere: reported where they are
        return found(b.line, "deleted", "missing", n=len(missing), first=missing[0],
                     last=missing[-1])  # fmt: skip
    return found(a.line, "edited", "not_recorded", line=b.line)


def _chain_breaks(links: list[Link], first: Break | None, known: set[int]) -> list[Break]:
    """The breaks between consecutive links (and ``first``, the break at the start); ``known``:
    the numbers every line claims, those the key did not make included."""
    breaks = [first] if first else []
    if not links:
        return breaks
    seqs = Counter(link.seq for link in links)
    highest = links[0].seq
    for a, b in pairwise(links):
        problem = _pair_break(a, b, highest, seqs, known)
        breaks.extend([problem] if problem else [])
        highest = max(highest, b.seq)
    return breaks


def _legacy_breaks(prefix: list[Row]) -> list[Break]:
    """The breaks of an older log's unkeyed SHA-256 chain (the lines before the keyed one)."""
    before: list[Mapping[str, object]] = []
    links: list[Link] = []
    breaks: list[Break] = []
    for number, stored, entry in prefix:
        if entry.seq is not None:
            links.append(Link(number, entry.seq, entry.prev, digest(stored)))
        elif links:
            breaks.append(found(number, "inserted", "unchained_after"))
        else:
            before.append(stored)
    first = _first_break(links[0], before, seal(before)) if links else None
    return breaks + _chain_breaks(links, first, {link.seq for link in links})


def _keyed_links(rows: list[Row], key: bytes) -> tuple[list[Link], list[Break]]:
    """The lines from the first keyed one on, as links (whether the key made each), and the
    lines among them without the keyed chain as breaks."""
    links: list[Link] = []
    breaks: list[Break] = []
    for number, stored, entry in rows:
        if not stored.get("mac") or entry.seq is None:
            breaks.append(found(number, "inserted", "unchained_after"))
            continue
        links.append(Link(number, entry.seq, entry.prev, entry.mac, made_with(key, stored)))
    return links, breaks


def _forged(links: list[Link], head: Head | None) -> list[Break]:
    """A line the key did not make: edited, or (when its number is held by a line that
    verifies, or beyond the last the head and the lines record) inserted."""
    valid = {link.seq for link in links if link.valid}
    top = max([*valid, head.seq if head else 0])
    return [
        found(link.line, "inserted" if link.seq in valid or link.seq > top else "edited", "bad_mac")
        for link in links
        if not link.valid
    ]


def _head_breaks(
    valid: list[Link], forged: set[int], head: Head | str | None, key: bytes, lines: int
) -> tuple[list[Break], list[int]]:
    """What the head says of the end of the log: breaks, and the line of an interrupted write."""
    if head == "unreadable":
        return [found(None, "head", "head_unreadable")], []
    if not isinstance(head, Head):
        return [found(None, "head", "head_missing")], []
    if not head.valid(key):
        return [found(None, "head", "head_unkeyed")], []
    last = valid[-1] if valid else None
    if head.seq in forged and (last is None or last.seq <= head.seq):
        return [], []  # the line the head records was changed: said at that line
    if last is None or head.seq > last.seq:
        after = last.seq if last else 0
        return [found(None, "truncated", "end_missing", first=after + 1, last=head.seq)], []
    recorded = next((link for link in reversed(valid) if link.seq == head.seq), None)
    if recorded is None or recorded.hash != head.hash:
        return [found(recorded.line if recorded else lines, "edited", "not_head_entry")], []
    extra = last.seq - head.seq
    if extra == 1:
        return [], [last.line]
    if extra > 1:
        return [found(recorded.line + 1, "inserted", "head_ahead", n=extra)], []
    return [], []


def _without_keyed_chain(rows: list[Row], breaks: list[Break], head: Head | str | None) -> str:
    """The conclusion for a log with no keyed line (``breaks`` gets a keyed head's break)."""
    if isinstance(head, Head) and head.tag:
        breaks.append(found(None, "head", "head_without_chain", n=head.seq))
    if breaks:
        return "broken"
    if not rows:
        return "no_log"
    return "unkeyed" if any(entry.seq is not None for _, _, entry in rows) else "no_chain"


def _sorted(breaks: list[Break]) -> tuple[Break, ...]:
    return tuple(sorted(set(breaks), key=lambda b: (b.line is None, b.line or 0, b.kind)))


def verify(path: Path, key: bytes | None = None) -> Verification:
    """Check the log at ``path`` with the chain key (default: from ``ATLAS_SECRET_FILE``, read
    only when the log has keyed lines). No log and no head: status "no_log"; a log without
    the keyed chain cannot be verified (status "no_chain", or "unkeyed" for an older
    SHA-256 chain) unless a keyed line seals it.

    Raises:
        OSError: if the log exists but cannot be read (IsADirectoryError: it is a folder).
        audit.secret.SecretFileError: if the log has keyed lines and the secret is missing.
    """
    lines, ends_with_newline, head = _read(path)
    if lines is None:  # no log
        if isinstance(head, Head) or head == "unreadable":
            seq = head.seq if isinstance(head, Head) else "?"
            return Verification(0, 0, (found(None, "deleted", "log_missing", n=seq),), (), "",
                                "broken")  # fmt: skip
        return Verification(0, 0, (), (), "", "no_log")
    rows, breaks = _rows(lines, ends_with_newline)
    start = next((i for i, (_, stored, _) in enumerate(rows) if stored.get("mac")), len(rows))
    prefix, keyed_rows = rows[:start], rows[start:]
    breaks += _legacy_breaks(prefix)
    if not keyed_rows:
        status = _without_keyed_chain(rows, breaks, head)
        return Verification(len(rows), len(prefix), _sorted(breaks), (), "", status)
    key = key or chain_key(create=False)
    links, unchained = _keyed_links(keyed_rows, key)
    valid = [link for link in links if link.valid]
    breaks += unchained + _forged(links, head if isinstance(head, Head) and head.valid(key)
                                  else None)  # fmt: skip
    before = [stored for _, stored, _ in prefix]
    first = None
    if links and links[0].valid and links[0].line == keyed_rows[0][0]:
        first = _first_break(links[0], before, keyed_seal(key, before))
    breaks += _chain_breaks(valid, first, {link.seq for link in links})
    forged = {link.seq for link in links if not link.valid}
    head_breaks, notes = _head_breaks(valid, forged, head, key, len(lines))
    breaks += head_breaks
    last_hash = valid[-1].hash if valid else ""
    status = "broken" if breaks else "intact"
    return Verification(len(rows), len(prefix), _sorted(breaks), tuple(notes), last_hash, status)
