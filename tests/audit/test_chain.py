"""The audit log's hash chain: each way of tampering with a log made here shows where it is,
from the library and from ``python -m audit --verify``; an older log without hashes is read as
"before the chain" and sealed by the first chained line; writers in several processes keep the
chain whole; a log that cannot be written refuses the line and writes nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import audit
from audit.chain import head_path, head_tag, keyed_seal, mac
from audit.secret import chain_key
from config import PROJECT_ROOT

WRITERS, LINES_EACH = 4, 40


def write_log(path: Path, entries: int = 6) -> list[str]:
    """A chained log of ``entries`` downloads; returns its lines."""
    for i in range(entries):
        audit.record("download", user=f"user{i}@example.org", role="analyst",
                     file=f"table_{i}.csv", rows=i, path=path)  # fmt: skip
    return path.read_text(encoding="utf-8").splitlines()


def rewrite(path: Path, lines: list[str], newline: bool = True) -> None:
    path.write_text("\n".join(lines) + ("\n" if newline else ""), encoding="utf-8")


def verify_cli(log: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "audit", "--verify", "--log", str(log)]
    return subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)


def test_each_line_chains_to_the_one_before_and_the_head_to_the_last(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    lines = write_log(log, 3)
    stored = [json.loads(line) for line in lines]
    key = chain_key()
    assert [s["seq"] for s in stored] == [1, 2, 3]
    assert [s["mac"] for s in stored] == [mac(key, s) for s in stored]  # seq and prev covered
    assert stored[0]["prev"] == keyed_seal(key, [])
    assert [s["prev"] for s in stored[1:]] == [s["mac"] for s in stored[:2]]
    last = stored[2]["mac"]
    assert json.loads(head_path(log).read_text()) == {
        "seq": 3, "mac": last, "tag": head_tag(key, 3, last)}  # fmt: skip
    found = audit.verify(log)
    assert found.intact and found.entries == 3 and found.last_hash == last
    done = verify_cli(log)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("audit.jsonl: 3 entries; the chain is intact\n")
    assert f"last hash: {last}" in done.stdout


def _edit(lines: list[str]) -> list[str]:
    changed = json.loads(lines[2])
    changed["user"] = "someone.else@example.org"  # the line parses, its content changed
    return [*lines[:2], json.dumps(changed, separators=(",", ":")), *lines[3:]]


def _insert(lines: list[str]) -> list[str]:
    forged = json.loads(lines[2])  # a line made to look like entry 3, chained to entry 2
    forged["file"] = "never_downloaded.csv"
    return [*lines[:2], json.dumps(forged), *lines[2:]]


TAMPERING = [  # (what is done, the change, the line and kind verify names)
    ("a line edited", _edit, 3, "edited"),
    ("a line deleted", lambda ls: ls[:2] + ls[3:], 3, "deleted"),
    ("a forged line inserted", _insert, 3, "inserted"),
    ("a line without a hash inserted", lambda ls: [*ls[:3], json.dumps(
        {"time": "2024-01-01T00:00:00+00:00", "user": "x", "role": "admin",
         "action": "download"}), *ls[3:]], 4, "inserted"),
    ("two lines swapped", lambda ls: [*ls[:2], ls[3], ls[2], *ls[4:]], 4, "reordered"),
    ("the last line edited", lambda ls: [*ls[:5], ls[5].replace("user5", "user9")], 6, "edited"),
    ("the last two lines removed", lambda ls: ls[:4], None, "truncated"),
]  # fmt: skip


@pytest.mark.parametrize(("what", "change", "line", "kind"), TAMPERING,
                         ids=[t[0] for t in TAMPERING])  # fmt: skip
def test_tampering_shows_where_the_chain_breaks(
    tmp_path: Path, what: str, change, line: int | None, kind: str
) -> None:
    log = tmp_path / "audit.jsonl"
    rewrite(log, change(write_log(log)))
    found = audit.verify(log)
    assert not found.intact
    assert [(b.line, b.kind) for b in found.breaks] == [(line, kind)], found.breaks
    done = verify_cli(log)
    assert done.returncode == 1
    where = f"line {line}" if line else "end of the log"
    assert f"  {where}: {kind}: " in done.stdout
    assert "breaks in 1 place(s)" in done.stdout and "Traceback" not in done.stderr


def test_a_last_line_cut_short_and_a_missing_head_are_named(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    lines = write_log(log, 3)
    rewrite(log, [*lines[:2], lines[2][:40]], newline=False)
    found = audit.verify(log).breaks  # line 3 is cut short; the head's entry 3 is not there
    assert [(b.line, b.kind) for b in found] == [(3, "truncated"), (None, "truncated")]
    rewrite(log, lines)
    head_path(log).unlink()
    (problem,) = audit.verify(log).breaks
    assert (problem.line, problem.kind) == (None, "head") and "missing" in problem.detail


def test_a_write_after_a_break_keeps_the_break_visible(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    rewrite(log, write_log(log)[:4])  # the end cut off by hand
    audit.record("export", user="op", role="cli", path=log)  # chains to the head, not the cut
    found = audit.verify(log)
    assert [(b.line, b.kind) for b in found.breaks] == [(5, "deleted")]
    assert "entries 5 to 6" in found.breaks[0].detail


OLD_LINE = {"time": "2024-02-01T00:00:00+00:00", "user": "ana@unaids.org", "role": "analyst",
            "action": "download", "link": "/explore", "file": "a.csv", "rows": 3,
            "sha256": "", "outcome": ""}  # fmt: skip


def test_a_log_from_before_the_chain_is_read_and_sealed_by_the_first_chained_line(
    tmp_path: Path,
) -> None:
    log = tmp_path / "audit.jsonl"
    old = [json.dumps({**OLD_LINE, "rows": n}) for n in range(3)]
    rewrite(log, old)
    before = audit.verify(log)  # no chain yet: nothing vouches for these lines
    assert (before.status, before.entries, before.before_chain) == ("no_chain", 3, 3)
    done = verify_cli(log)
    assert done.returncode == 1
    assert done.stdout.startswith("audit.jsonl: 3 entries (3 written before the chain); cannot "
                                  "be verified: no chain")  # fmt: skip
    entry = audit.record("upload", user="admin@example.org", role="admin", path=log)
    assert entry.seq == 4
    found = audit.verify(log)
    assert found.intact and (found.entries, found.before_chain) == (4, 3)
    assert [e.rows for e in audit.read_entries(log)] == [0, 1, 2, None]
    assert "4 entries (3 written before the chain); the chain is intact" in verify_cli(log).stdout
    # An older line edited after the chain started: the first chained line no longer seals it.
    lines = log.read_text(encoding="utf-8").splitlines()
    rewrite(log, [lines[0], lines[1].replace("ana@", "bob@"), *lines[2:]])
    (problem,) = audit.verify(log).breaks
    assert (problem.line, problem.kind) == (4, "edited")
    assert "the 3 line(s) before the chain" in problem.detail


WRITER = """
import sys
from pathlib import Path
import audit
for i in range(int(sys.argv[3])):
    audit.record("export", user="writer " + sys.argv[2], role="cli", file=f"{i}.csv" * 40,
                 rows=i, path=Path(sys.argv[1]))
"""


def test_writers_in_several_processes_keep_the_chain_whole(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    write_log(log, 1)
    workers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(log), str(w), str(LINES_EACH)],
                         cwd=PROJECT_ROOT)
        for w in range(WRITERS)
    ]  # fmt: skip
    assert [worker.wait(timeout=120) for worker in workers] == [0] * WRITERS
    found = audit.verify(log)
    assert found.intact and found.entries == 1 + WRITERS * LINES_EACH, found.breaks
    assert [e.seq for e in audit.read_entries(log)] == list(range(1, 2 + WRITERS * LINES_EACH))


def test_a_log_that_cannot_be_written_refuses_the_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the log's folder should be\n", encoding="utf-8")
    log = blocker / "audit.jsonl"
    expected = "the audit log cannot be written (setting ATLAS_AUDIT_LOG: Not a directory)"
    assert audit.write_problem(log) == expected
    with pytest.raises(audit.AuditUnavailable) as refused:
        audit.record("download", user="a", role="analyst", path=log)
    assert str(refused.value) == expected and "/" not in str(refused.value)
    with pytest.raises(audit.AuditUnavailable):
        audit.check_writable(log)


def test_a_line_whose_head_cannot_be_written_is_taken_back(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    lines = write_log(log, 2)
    head_path(log).unlink()
    head_path(log).mkdir()  # the head cannot be replaced: the write fails after the line
    with pytest.raises(audit.AuditUnavailable, match="ATLAS_AUDIT_LOG"):
        audit.record("download", user="a", role="analyst", path=log)
    assert log.read_text(encoding="utf-8").splitlines() == lines  # nothing half written
