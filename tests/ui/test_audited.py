"""A table leaves the atlas one way (``ui.audited.download_table``): neutralised CSV, its line in
the audit log before the bytes. With the log unwritable no button is drawn but a plain message;
a log that fails at the click hands nothing over."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import audit

HOSTILE = '=HYPERLINK("http://evil.example","Click")'


def _table_script() -> None:
    import pandas as pd
    import streamlit as st

    from ui.audited import download_table
    from ui.guard import record_page

    record_page("ranking")  # as the router does before it runs the page
    hostile = '=HYPERLINK("http://evil.example","Click")'
    frame = pd.DataFrame({"academy": [hostile, "Kampong Speu"], "gain": ["-5%", "+12%"]})
    st.session_state["build"] = download_table(
        st.container(), "Download the academies (CSV)", lambda: frame,
        file_name="academies.csv", key="academies", lang="en",
    )  # fmt: skip


@pytest.fixture()
def log(atlas_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "audit.jsonl"
    monkeypatch.setenv("ATLAS_AUDIT_LOG", str(path))
    return path


def _run(user: dict) -> AppTest:
    at = AppTest.from_function(_table_script, default_timeout=60)
    at.user = user
    return at.run()


def test_a_table_downloads_neutralised_and_audited(log: Path) -> None:
    at = _run({"email": "ana@unaids.org"})
    assert not at.exception
    assert [b.proto.label for b in at.get("download_button")] == ["Download the academies (CSV)"]
    assert not log.exists() or audit.read_entries(log) == []  # drawing records nothing
    content = at.session_state["build"]()  # as Streamlit runs it on a click
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    assert rows == [["academy", "gain"], ["'" + HOSTILE, "-5%"], ["Kampong Speu", "+12%"]]
    (entry,) = audit.read_entries(log)
    assert (entry.user, entry.action, entry.file, entry.rows) == (
        "ana@unaids.org", "download", "academies.csv", 2)  # fmt: skip
    assert entry.sha256 == audit.sha256_of(content) and entry.link == "/ranking"


def test_with_the_log_unwritable_no_button_is_drawn(
    atlas_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the log's folder should be", encoding="utf-8")
    monkeypatch.setenv("ATLAS_AUDIT_LOG", str(blocker / "audit.jsonl"))
    at = _run({"email": "ana@unaids.org"})
    assert not at.exception and at.get("download_button") == []
    assert at.session_state["build"] is None
    (warning,) = at.warning
    assert warning.value.startswith("Downloads are paused: the audit log cannot be written")
    assert "ATLAS_AUDIT_LOG" in warning.value and str(tmp_path) not in warning.value


def test_a_log_that_fails_at_the_click_hands_nothing_over(
    log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _run({})
    build = at.session_state["build"]
    log.write_text("", encoding="utf-8")
    monkeypatch.setenv("ATLAS_AUDIT_LOG", str(log / "under_a_file.jsonl"))  # broken since
    with pytest.raises(audit.AuditUnavailable, match="ATLAS_AUDIT_LOG"):
        build()  # Streamlit then says "Failed to generate file for download"; no bytes leave
