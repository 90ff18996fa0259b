"""The audit log: one whole line per action, appended under a lock, read back and filtered."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

import audit
from config import PROJECT_ROOT

WRITERS, LINES_EACH = 4, 50


def test_a_record_is_one_json_line_with_every_field(tmp_path: Path) -> None:
    log = tmp_path / "sub" / "audit.jsonl"
    entry = audit.record(
        "download", user="ana@unaids.org", role="analyst", link="/explore?province=12",
        file="atlas_12.csv", rows=3, sha256=audit.sha256_of(b"abc"), path=log,
    )  # fmt: skip
    (line,) = log.read_text(encoding="utf-8").splitlines()
    stored = json.loads(line)
    assert list(stored) == list(audit.FIELDS)
    assert stored["sha256"] == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert stored == {**stored, "user": "ana@unaids.org", "role": "analyst", "rows": 3,
                      "action": "download", "link": "/explore?province=12"}  # fmt: skip
    when = datetime.fromisoformat(stored["time"])
    assert when.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - when) < timedelta(minutes=1)
    assert audit.read_entries(log) == [entry]


def test_an_unknown_action_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    with pytest.raises(ValueError, match="'view' is not one of download, export, upload, ingest"):
        audit.record("view", user="a", role="analyst", path=log)
    assert not log.exists()


def test_the_log_is_appended_to_and_survives_another_writer(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    audit.record("ingest", user="op", role="cli", file="incidents/a.csv", path=log)
    first = log.read_text(encoding="utf-8")
    audit.record("ingest", user="op", role="cli", file="incidents/b.csv", path=log)
    assert log.read_text(encoding="utf-8").startswith(first)


WRITER = """
import sys
from pathlib import Path
import audit
for i in range(int(sys.argv[3])):
    audit.record("export", user="writer " + sys.argv[2], role="cli", file=f"{i}.csv" * 40,
                 rows=i, path=Path(sys.argv[1]))
"""


def test_writers_in_several_processes_never_interleave(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    workers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(log), str(w), str(LINES_EACH)],
                         cwd=PROJECT_ROOT)
        for w in range(WRITERS)
    ]  # fmt: skip
    assert [worker.wait(timeout=60) for worker in workers] == [0] * WRITERS
    entries = audit.read_entries(log)  # every line parses: none was cut by another
    assert len(entries) == WRITERS * LINES_EACH
    for w in range(WRITERS):
        assert [e.rows for e in entries if e.user == f"writer {w}"] == list(range(LINES_EACH))


def test_entries_are_filtered_by_user_action_and_day(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    rows = [
        ("2024-01-31T23:59:59+00:00", "Ana@UNAIDS.org", "download"),
        ("2024-02-01T00:00:00+00:00", "official@interior.gov.kh", "download"),
        ("2024-02-02T08:00:00+00:00", "ana@unaids.org", "upload"),
        ("2024-02-03T08:00:00+00:00", "root", "ingest"),
    ]
    log.write_text("".join(
        json.dumps({"time": when, "user": user, "role": "analyst", "action": action}) + "\n\n"
        for when, user, action in rows
    ), encoding="utf-8")  # fmt: skip
    users = lambda **kw: [e.user for e in audit.read_entries(log, **kw)]  # noqa: E731
    assert users() == [u for _, u, _ in rows]
    assert users(user="ANA@") == ["Ana@UNAIDS.org", "ana@unaids.org"]
    assert users(action="download") == ["Ana@UNAIDS.org", "official@interior.gov.kh"]
    assert users(since=date(2024, 2, 1), until=date(2024, 2, 2)) == [u for _, u, _ in rows[1:3]]
    assert users(user="ana", action="upload", since=date(2024, 2, 2)) == ["ana@unaids.org"]
    assert audit.read_entries(tmp_path / "none.jsonl") == []


def test_a_line_that_is_not_an_entry_is_named(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    audit.record("upload", user="a", role="admin", path=log)
    with log.open("a", encoding="utf-8") as handle:
        handle.write('{"time": "2024-01-01", "user": "x"\n')
    with pytest.raises(audit.AuditLogError, match=rf"^{log.name}, line 2: not an audit entry"):
        audit.read_entries(log)


def _cli(*args: str, log: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "audit", "--log", str(log), *args]
    return subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)


def test_the_command_prints_and_filters_the_log(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    audit.record("download", user="ana@unaids.org", role="analyst", file="a.csv", rows=7, path=log)
    audit.record("ingest", user="root", role="cli", file="incidents/b.csv", path=log)
    shown = _cli("--user", "ana", log=log)
    assert shown.returncode == 0
    assert "ana@unaids.org" in shown.stdout and "incidents/b.csv" not in shown.stdout
    assert shown.stdout.rstrip().endswith("1 entry")
    raw = _cli("--action", "ingest", "--jsonl", log=log)
    assert [json.loads(line)["file"] for line in raw.stdout.splitlines()] == ["incidents/b.csv"]
    bad = _cli("--since", "yesterday", log=log)
    assert bad.returncode == 2 and "expected a day as YYYY-MM-DD" in bad.stderr
    log.write_text("not json\n", encoding="utf-8")
    broken = _cli(log=log)
    assert broken.returncode == 2 and "line 1: not an audit entry" in broken.stderr


def test_the_command_asks_the_access_rule_for_the_log(
    tmp_path: Path, refused_access: set, capsys: pytest.CaptureFixture
) -> None:
    from audit.__main__ import main

    log = tmp_path / "audit.jsonl"
    audit.record("download", user="ana@unaids.org", role="analyst", file="a.csv", path=log)
    assert main(["--log", str(log)]) == 0
    assert "ana@unaids.org" in capsys.readouterr().out
    refused_access.add(("read_audit_log", None))
    assert main(["--log", str(log)]) == 2
    captured = capsys.readouterr()
    assert "ana@unaids.org" not in captured.out
    assert captured.err.strip() == (
        "error: the 'admin' role may not read the audit log (the access rule, access.py)"
    )
