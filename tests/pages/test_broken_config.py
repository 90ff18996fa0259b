"""Broken configurations give the atlas's own error page: it names the setting and what is
wrong (the form expected), and shows no path of the server and no traceback. The six of issue
20: a missing database, an unreadable roles file, a roles file that does not parse, a bad
integer setting, a bad choice setting (in the dashboard and its commands), and a missing
reference folder for the build command."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from config import PROJECT_ROOT
from tests.pages.test_pages import app

#: Anything that looks like a path of the server: a slash followed by a name.
SERVER_PATH = re.compile(r"(?<![\w<>])/[\w.-]+")


def page_texts(at: AppTest) -> list[str]:
    """Every text the run drew, in the main area and the sidebar."""
    kinds = ("error", "warning", "info", "success", "exception", "markdown", "caption", "title",
             "subheader", "header", "text", "code")  # fmt: skip
    return [str(e.value) for kind in kinds for e in getattr(at, kind)] + [
        str(e.value) for kind in ("caption", "markdown") for e in getattr(at.sidebar, kind)
    ]


def opened_home(user: dict | None = None) -> AppTest:
    at = app()
    at.user = user or {}
    return at.run()


def assert_plain(at: AppTest, tmp_path: Path, *wanted: str) -> str:
    """The run stopped with one error that says each of ``wanted``; no exception, traceback,
    or path of the server anywhere on the page. Returns the error."""
    assert not at.exception
    (error,) = at.error
    for words in wanted:
        assert words in error.value, error.value
    for text in page_texts(at):
        assert "Traceback" not in text and str(tmp_path) not in text
        assert str(PROJECT_ROOT) not in text
    assert not SERVER_PATH.search(error.value), error.value
    return error.value


@pytest.mark.parametrize(
    ("anonymous", "what"),
    [("auto", "The briefing store beside the atlas database"),  # no data: briefing
     ("analyst", "The atlas database")],
)  # fmt: skip
def test_a_missing_database_names_its_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, anonymous: str, what: str
) -> None:
    monkeypatch.setenv("ATLAS_DB_PATH", str(tmp_path / "atlas.duckdb"))
    monkeypatch.setenv("ATLAS_TILES", "off")
    monkeypatch.setenv("ATLAS_ANONYMOUS_ROLE", anonymous)
    for page in (None, "about"):
        at = app(page)
        at.user = {}
        assert_plain(at.run(), tmp_path, f"{what} (setting ATLAS_DB_PATH) does not exist yet. "
                     "Build it with: python -m etl build")  # fmt: skip


@pytest.mark.parametrize(
    ("content", "reason"),
    [(None, "cannot be read (Is a directory); expected a TOML file"),
     (b'[users]\n"\xff@example.org" = "admin"\n', "not UTF-8 text")],
    ids=["a folder", "not text"],
)  # fmt: skip
def test_an_unreadable_roles_file_names_its_setting(
    atlas_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes | None,
    reason: str,
) -> None:  # fmt: skip
    roles = tmp_path / "roles.toml"
    if content is None:
        roles.mkdir()
    else:
        roles.write_bytes(content)
    monkeypatch.setenv("ATLAS_ROLES_FILE", str(roles))
    error = assert_plain(opened_home(), tmp_path, "The atlas cannot start: roles file roles.toml "
                         "(setting ATLAS_ROLES_FILE): ", reason)  # fmt: skip
    assert not error.endswith(": ")


def test_a_roles_file_that_does_not_parse_names_its_setting_and_line(
    atlas_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    roles = tmp_path / "roles.toml"
    roles.write_text('[users]\n"a@b.org" = "analyst"\n"c@d.org" = admin\n', encoding="utf-8")
    monkeypatch.setenv("ATLAS_ROLES_FILE", str(roles))
    assert_plain(opened_home({"email": "a@b.org"}), tmp_path,
                 "The atlas cannot start: roles file roles.toml (setting ATLAS_ROLES_FILE), "
                 "line 3: Invalid value", 'write each line as "name" = "role"')  # fmt: skip


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [("ATLAS_SUPPRESSION_THRESHOLD", "five", "must be an integer of 3 or more, got 'five'"),
     ("ATLAS_SUPPRESSION_THRESHOLD", "1", "must be an integer of 3 or more, got '1'"),
     ("ATLAS_COORD_PRECISION", "4.5", "must be an integer from 0 to 15, got '4.5'"),
     ("ATLAS_ANONYMOUS_ROLE", "root", "must be one of auto, analyst, briefing, got 'root'"),
     ("ATLAS_TILES", "none", "must be auto, off, or a tile URL template")],
)  # fmt: skip
def test_a_bad_setting_stops_every_page_with_its_name_and_form(
    atlas_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, raw: str,
    expected: str,
) -> None:  # fmt: skip
    monkeypatch.setenv(name, raw)
    for page in (None, "explore", "admin"):
        at = app(page)
        at.user = {}
        at.run()
        assert_plain(at, tmp_path, f"The atlas cannot start: setting {name} {expected}")
        assert not at.title  # nothing of the page was drawn


def _command(module: str, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", module, *args], cwd=PROJECT_ROOT,
                          env={**os.environ, **env}, capture_output=True, text=True,
                          timeout=300)  # fmt: skip


def test_the_commands_name_a_bad_setting_or_a_missing_database(
    built_db: Path, tmp_path: Path
) -> None:
    out = str(tmp_path / "out")
    bad = _command("query.export", "province=12", "--out", out, ATLAS_DB_PATH=str(built_db),
                   ATLAS_SUPPRESSION_THRESHOLD="five")  # fmt: skip
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert bad.stderr.strip() == (
        "error: setting ATLAS_SUPPRESSION_THRESHOLD must be an integer of 3 or more, got 'five'"
    )
    missing = _command("query.export", "province=12", "--out", out,
                       ATLAS_DB_PATH=str(tmp_path / "none.duckdb"))  # fmt: skip
    assert missing.returncode == 2 and str(tmp_path) not in missing.stderr
    assert "The atlas database (setting ATLAS_DB_PATH) does not exist yet" in missing.stderr


def test_the_build_names_a_missing_reference_folder_by_its_setting(tmp_path: Path) -> None:
    done = _command("etl", "build", "--quiet", ATLAS_REFERENCE_DIR=str(tmp_path / "nowhere"),
                    ATLAS_DOWNLOAD_DIR=str(tmp_path / "cache"), ATLAS_DOWNLOAD_TIMEOUT="1",
                    ATLAS_DB_PATH=str(tmp_path / "atlas.duckdb"))  # fmt: skip
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "ATLAS_REFERENCE_DIR" in done.stderr
    assert str(tmp_path) not in done.stderr and str(PROJECT_ROOT) not in done.stderr
