"""The keyed chain (issue 20, review 18/20): edits that an unkeyed chain let through show,
because no line or head verifies without the atlas's secret; a log with no keyed chain
cannot be verified (and says so), no log is "no log yet", a folder cannot be read; a log
written with the unkeyed SHA-256 chain is read, and keyed by ``--seal`` or its next line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import audit
from audit.__main__ import main
from audit.chain import GENESIS, digest, head_path, seal
from tests.audit.test_chain import OLD_LINE, rewrite, verify_cli, write_log


def _stripped(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        entry = json.loads(line)
        for name in ("seq", "prev", "mac"):
            entry.pop(name, None)
        out.append(json.dumps(entry, separators=(",", ":")))
    return out


def test_a_log_stripped_of_its_chain_cannot_be_verified(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    log = tmp_path / "audit.jsonl"
    lines = _stripped(write_log(log, 4))
    rewrite(log, [lines[0].replace("user0@", "someone.else@"), *lines[1:]])
    head_path(log).unlink()
    found = audit.verify(log)
    assert (found.status, found.intact, found.before_chain) == ("no_chain", False, 4)
    assert main(["--verify", "--log", str(log)]) == 1
    assert capsys.readouterr().out.startswith(
        "audit.jsonl: 4 entries (4 written before the chain); cannot be verified: no chain"
    )


def test_a_stripped_log_whose_head_is_kept_breaks(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    rewrite(log, _stripped(write_log(log, 3)))
    found = audit.verify(log)
    assert [(b.line, b.kind, b.code) for b in found.breaks] == [
        (None, "head", "head_without_chain")]  # fmt: skip


def test_no_log_and_no_head_is_no_log_yet(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    log = tmp_path / "audit.jsonl"
    assert audit.verify(log).status == "no_log"
    assert main(["--verify", "--log", str(log)]) == 1
    assert capsys.readouterr().out == "audit.jsonl: no log yet: nothing has been recorded\n"


def test_a_log_deleted_beside_its_head_breaks(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    write_log(log, 3)
    log.unlink()
    (problem,) = audit.verify(log).breaks
    assert (problem.kind, problem.detail) == (
        "deleted",
        "the log is missing, but its head records 3 entries",
    )


def test_a_log_that_is_a_folder_cannot_be_read(tmp_path: Path) -> None:
    folder = tmp_path / "audit.jsonl"
    folder.mkdir()
    done = verify_cli(folder)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == ("error: the audit log cannot be verified: audit.jsonl is a folder, "
                           "not a file (setting ATLAS_AUDIT_LOG or --log)\n")  # fmt: skip


def test_a_forged_line_chained_to_the_head_is_not_an_interrupted_write(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    lines = write_log(log, 3)
    forged = json.loads(lines[-1])
    head = json.loads(head_path(log).read_text(encoding="utf-8"))
    forged.update(seq=4, prev=head["mac"], file="never_downloaded.csv", mac="0" * 64)
    rewrite(log, [*lines, json.dumps(forged, separators=(",", ":"))])
    found = audit.verify(log)
    assert not found.intact and found.notes == ()
    assert [(b.line, b.kind) for b in found.breaks] == [(4, "inserted")]
    assert "written without the atlas's secret" in found.breaks[0].detail


def test_lines_cut_from_the_end_with_the_head_rewritten_show(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    lines = write_log(log, 5)
    rewrite(log, lines[:3])
    third = json.loads(lines[2])
    for head in (
        {"seq": 3, "mac": third["mac"], "tag": "0" * 64},  # a tag without the key
        {"seq": 3, "sha256": digest(third)},
    ):  # the unkeyed head of older logs
        head_path(log).write_text(json.dumps(head), encoding="utf-8")
        found = audit.verify(log)
        assert [(b.line, b.kind, b.code) for b in found.breaks] == [
            (None, "head", "head_unkeyed")]  # fmt: skip
    audit.record("download", user="a", role="analyst", path=log)  # the next line keeps it
    found = audit.verify(log)
    assert [(b.line, b.kind, b.code) for b in found.breaks] == [(4, "head", "head_unchained")]


def test_a_line_edited_with_its_hashes_recomputed_without_the_key_shows(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    lines = write_log(log, 3)
    edited = json.loads(lines[1])
    edited["user"] = "someone.else@example.org"
    edited["mac"] = digest({k: v for k, v in edited.items() if k != "mac"})
    rewrite(log, [lines[0], json.dumps(edited), lines[2]])
    assert [(b.line, b.kind) for b in audit.verify(log).breaks] == [(2, "edited")]


def test_another_secret_verifies_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "audit.jsonl"
    write_log(log, 2)
    monkeypatch.setenv("ATLAS_SECRET_FILE", str(tmp_path / "other.secret"))
    with pytest.raises(audit.secret.SecretFileError, match="ATLAS_SECRET_FILE"):
        audit.verify(log)  # verify never makes a secret
    assert main(["--verify", "--log", str(log)]) == 2
    (tmp_path / "other.secret").write_text("ab" * 32 + "\n", encoding="ascii")
    found = audit.verify(log)
    assert {b.code for b in found.breaks} == {"bad_mac", "head_unkeyed"}


def _unkeyed_log(log: Path) -> list[str]:
    """A log as the unkeyed SHA-256 chain wrote it (before the key): one line without a chain,
    then three chained by the SHA-256 of the line before, and their head."""
    stored = [{**OLD_LINE, "rows": 0}]
    prev = seal(stored)
    for seq in (2, 3, 4):
        line = {**OLD_LINE, "rows": seq, "seq": seq, "prev": prev}
        stored.append(line)
        prev = digest(line)
    rewrite(log, [json.dumps(s) for s in stored])
    head_path(log).write_text(json.dumps({"seq": 4, "sha256": prev}), encoding="utf-8")
    return [json.dumps(s) for s in stored]


def test_an_unkeyed_chain_is_read_and_sealed_by_seal(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    log = tmp_path / "audit.jsonl"
    _unkeyed_log(log)
    found = audit.verify(log)
    assert (found.status, found.entries, found.breaks) == ("unkeyed", 4, ())
    assert main(["--seal", "--log", str(log)]) == 0
    assert "5 entries (4 written before the chain); the chain is intact" in capsys.readouterr().out
    (seal,) = audit.read_entries(log, action="seal")
    assert (seal.seq, seal.rows, seal.role, seal.outcome) == (5, 4, "cli", "sealed")
    assert main(["--seal", "--log", str(log)]) == 0  # already keyed: nothing to do
    lines = log.read_text(encoding="utf-8").splitlines()
    rewrite(log, [lines[0], lines[1].replace('"rows": 2', '"rows": 9'), *lines[2:]])
    assert {(b.line, b.kind) for b in audit.verify(log).breaks} == {(2, "edited"), (5, "edited")}


def test_an_unkeyed_line_after_the_keyed_chain_breaks(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    lines = write_log(log, 2)
    unkeyed = {**json.loads(lines[1]), "seq": 3, "prev": GENESIS}
    del unkeyed["mac"]
    rewrite(log, [*lines, json.dumps(unkeyed)])
    assert [(b.line, b.kind, b.code) for b in audit.verify(log).breaks] == [
        (3, "inserted", "unchained_after")]  # fmt: skip


def test_a_stripped_log_is_not_sealed_again_by_its_next_line(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    lines = _stripped(write_log(log, 3))
    rewrite(log, [lines[0].replace("user0@", "someone.else@"), *lines[1:]])
    head_path(log).unlink()
    audit.record("download", user="a", role="analyst", path=log)  # the next line: no seal
    found = audit.verify(log)
    assert [(b.line, b.kind, b.code) for b in found.breaks] == [(4, "edited", "chain_removed")]
    assert "lost the keyed chain" in found.breaks[0].detail


def test_the_operator_may_seal_a_stripped_log(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    rewrite(log, _stripped(write_log(log, 3)))
    head_path(log).unlink()
    assert main(["--seal", "--log", str(log)]) == 0  # the operator vouches for the lines
    found = audit.verify(log)
    assert found.intact and (found.entries, found.before_chain) == (4, 3)
