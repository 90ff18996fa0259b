"""Check the audit log's hash chain and say where it breaks (``audit.chain`` says how it is
made). Used by ``python -m audit --verify`` and the Partner files page."""

from __future__ import annotations

import fcntl
from collections import Counter
from collections.abc import Mapping
from itertools import pairwise
from pathlib import Path

from audit.chain import Break, Head, Link, Verification, digest, read_head, seal
from audit.entry import parse_line


def _read(path: Path) -> tuple[list[str], bool, Head | str | None]:
    """The log's lines, whether it ends with a newline, and its head, read under a shared lock
    (a writer's line and head are complete before we read them)."""
    if not path.is_file():
        return [], True, read_head(path)
    with path.open("rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_SH)
        try:
            data = handle.read()
            head = read_head(path)
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    text = data.decode("utf-8", "replace")
    return text.splitlines(), (not data or data.endswith(b"\n")), head


def _links(
    lines: list[str], ends_with_newline: bool
) -> tuple[list[Link], list[Mapping[str, object]], list[Break], int]:
    """The chained entries, the entries written before the chain, the lines that are not
    entries (or are out of place) as breaks, and the count of entries read."""
    links: list[Link] = []
    before: list[Mapping[str, object]] = []
    breaks: list[Break] = []
    count = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if links:
                breaks.append(Break(number, "inserted", "an empty line inside the chain"))
            continue
        try:
            stored, entry = parse_line(line)
        except ValueError as exc:
            if number == len(lines) and not ends_with_newline:
                breaks.append(Break(number, "truncated", "the last line is cut short"))
            else:
                breaks.append(Break(number, "edited", f"not an audit entry ({exc})"))
            continue
        count += 1
        if entry.seq is None:
            if links:
                breaks.append(Break(number, "inserted", "a line without a chain hash after "
                                    "the chain started"))  # fmt: skip
            else:
                before.append(stored)
            continue
        links.append(Link(number, entry.seq, entry.prev, digest(stored)))
    return links, before, breaks, count


def _first_break(first: Link, before: list[Mapping[str, object]]) -> Break | None:
    if first.prev == seal(before) and first.seq == len(before) + 1:
        return None
    if before:
        return Break(first.line, "edited", f"the {len(before)} line(s) before the chain are not "
                     "those this entry sealed: one was edited, deleted or inserted")  # fmt: skip
    if first.seq > 1:
        return Break(first.line, "deleted", f"the first {first.seq - 1} entr(y/ies) are missing "
                     f"(this line was written as entry {first.seq})")  # fmt: skip
    return Break(first.line, "edited", "it does not chain to the start of the log")


def _pair_break(a: Link, b: Link, highest: int, seqs: Counter[int]) -> Break | None:
    """How the chain breaks between consecutive entries ``a`` and ``b`` (``highest``: the
    largest number seen up to ``a``)."""
    if b.prev == a.hash and b.seq == a.seq + 1:
        return None
    if b.prev == a.hash:
        return Break(b.line, "edited", f"its number {b.seq} does not follow {a.seq}")
    if b.seq <= highest:
        if seqs[b.seq] > 1:
            return Break(b.line, "inserted", f"entry {b.seq} appears twice: this line or the "
                         "other was inserted")  # fmt: skip
        return Break(b.line, "reordered", f"written as entry {b.seq}, it comes after entry "
                     f"{highest}")  # fmt: skip
    if b.seq > a.seq + 1:
        missing = [n for n in range(a.seq + 1, b.seq) if n not in seqs]
        if not missing:
            return None  # those entries are elsewhere: reported where they are
        return Break(b.line, "deleted", f"{len(missing)} entr(y/ies) written before it are "
                     f"missing (entries {missing[0]} to {missing[-1]})")  # fmt: skip
    return Break(a.line, "edited", f"it is not the entry line {b.line} recorded before it")


def _head_breaks(links: list[Link], head: Head | str | None, lines: int) -> tuple[list, list]:
    """What the head says of the end of the log: breaks, and notes."""
    if head == "unreadable":
        return [Break(None, "head", "the head file is not readable: entries removed from the "
                      "end would not show")], []  # fmt: skip
    if not isinstance(head, Head):
        if links:
            return [Break(None, "head", "the head file is missing: entries removed from the "
                          "end would not show")], []  # fmt: skip
        return [], []
    last = links[-1] if links else None
    if last is None or head.seq > last.seq:
        after = last.seq if last else 0
        return [Break(None, "truncated", f"entries {after + 1} to {head.seq} are missing from "
                      f"the end (the head records {head.seq})")], []  # fmt: skip
    recorded = next((link for link in reversed(links) if link.seq == head.seq), None)
    if recorded is None or recorded.hash != head.sha256:
        where = recorded.line if recorded else lines
        return [Break(where, "edited", "it is not the entry the head recorded")], []
    extra = last.seq - head.seq
    if extra == 1:
        return [], [f"line {last.line} was written after the head was last updated (a write "
                    "interrupted; the next write updates the head)"]  # fmt: skip
    if extra > 1:
        return [Break(recorded.line + 1, "inserted", f"{extra} entries after the last one the "
                      "head records")], []  # fmt: skip
    return [], []


def verify(path: Path) -> Verification:
    """Check the log at ``path`` (a missing log is an empty, intact one).

    Raises:
        OSError: if the log exists but cannot be read.
    """
    lines, ends_with_newline, head = _read(path)
    links, before, breaks, count = _links(lines, ends_with_newline)
    if links:
        first = _first_break(links[0], before)
        breaks.extend([first] if first else [])
        seqs, highest = Counter(link.seq for link in links), links[0].seq
        for a, b in pairwise(links):
            found = _pair_break(a, b, highest, seqs)
            breaks.extend([found] if found else [])
            highest = max(highest, b.seq)
    head_breaks, notes = _head_breaks(links, head, len(lines))
    breaks.extend(head_breaks)
    breaks.sort(key=lambda b: (b.line is None, b.line or 0))
    last_hash = links[-1].hash if links else seal(before)
    return Verification(count, len(before), tuple(breaks), tuple(notes), last_hash)
