"""Review of issue 20 (branch review-1820): edits to the audit log that ``verify`` calls
intact. Strict xfails: each passes once the chain shows the edit."""

from __future__ import annotations

import json
from pathlib import Path

import audit
from audit.__main__ import main
from audit.chain import head_path
from audit.verify import verify


def _log(tmp_path: Path) -> Path:
    log = tmp_path / "audit.jsonl"
    for n in range(3):
        audit.record("download", user=f"user{n}@example.org", role="analyst",
                     file=f"f{n}.csv", path=log)  # fmt: skip
    assert verify(log).intact
    return log


def test_a_log_stripped_of_its_chain_is_not_intact(tmp_path: Path) -> None:
    log = _log(tmp_path)
    lines = []
    for line in log.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        del entry["seq"], entry["prev"]
        lines.append(json.dumps(entry, separators=(",", ":")))
    lines[0] = lines[0].replace("user0@example.org", "someone.else@example.org")
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    head_path(log).unlink()
    assert not verify(log).intact


def test_verify_of_a_log_that_is_a_folder_exits_2(tmp_path: Path) -> None:
    folder = tmp_path / "audit.jsonl"
    folder.mkdir()
    assert main(["--verify", "--log", str(folder)]) == 2
