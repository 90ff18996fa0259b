"""The admin page: partner files uploaded go through the command line's ingestion, with its
report; a file that is not a partner file is refused with the ingestion's message and changes
nothing; each upload leaves its line in the audit log, which the page lists and filters."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

import audit
from benchmarks.hostile_workbooks import hidden_first_sheet
from publish.stage import is_running, published_build
from query.products import facts_stamp
from tests.pages.test_pages import app
from ui.upload import publish_log

ADMIN = {"email": "admin@example.org"}
HEADER = "incident_id,date,commune_code,incident_type,population,actor,source\n"
GOOD = HEADER + "".join(
    f"UP-{i},2014-06-{i + 1:02d},230101,arrest_detention,pwud,police,SYNTHETIC upload\n"
    for i in range(6)
) + "UP-9,2014-06-09,230101,not_a_type,pwud,police,SYNTHETIC upload\n"  # fmt: skip


@pytest.fixture()
def admin_env(built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the test database this test may change, a roles file naming the admin and
    an audit log of its own; returns the database."""
    db = tmp_path / "atlas.duckdb"
    shutil.copy(built_db, db)
    roles = tmp_path / "roles.toml"
    roles.write_text('[users]\n"admin@example.org" = "admin"\n', encoding="utf-8")
    monkeypatch.setenv("ATLAS_DB_PATH", str(db))
    monkeypatch.setenv("ATLAS_TILES", "off")
    monkeypatch.setenv("ATLAS_ROLES_FILE", str(roles))
    monkeypatch.setenv("ATLAS_AUDIT_LOG", str(tmp_path / "audit.jsonl"))
    return db


def admin_page() -> AppTest:
    at = app("admin")
    at.user = ADMIN
    return at.run()


def upload(at: AppTest, kind: str, *files: tuple[str, bytes]) -> AppTest:
    at.selectbox(key="upload_kind").set_value(kind)
    at.file_uploader(key="upload_files").set_value([(n, b, "text/csv") for n, b in files])
    next(b for b in at.button if b.label == "Load the files").click()
    return at.run()


def loaded_state(db: Path) -> tuple:
    """What is loaded: the load log and the incidents, as the database holds them."""
    with duckdb.connect(str(db), read_only=True) as con:
        log = con.execute("SELECT * EXCLUDE (loaded_at) FROM load_log ORDER BY 1").fetchall()
        incidents = con.execute("SELECT count(*), sum(hash(incident_id)) FROM incidents").fetchone()
    return log, incidents


def test_an_upload_is_ingested_reported_audited_and_shown(admin_env: Path) -> None:
    at = upload(admin_page(), "incidents", ("upload_june.csv", GOOD.encode()))
    assert not at.exception
    report = at.dataframe[0].value
    row = report.iloc[0].to_dict()
    assert row == {"File": "upload_june.csv", "Kind": "incidents", "Result": "loaded",
                   "Rows read": 7, "Loaded": 6, "Quarantined": 1}  # fmt: skip
    reasons = at.dataframe[1].value
    assert list(reasons["File"]) == ["upload_june.csv"] and list(reasons["Column"]) == [
        "incident_type"
    ]
    assert "not_a_type" not in reasons["Reason"].iloc[0]  # values masked
    (entry,) = audit.read_entries(action="upload")
    assert (entry.user, entry.role, entry.file, entry.rows, entry.outcome) == (
        "admin@example.org", "admin", "incidents/upload_june.csv", 7, "loaded")  # fmt: skip
    assert entry.sha256 == audit.sha256_of(GOOD.encode()) and entry.link == "/admin"
    log = at.dataframe[2].value  # the page lists the log
    assert list(log["Action"]) == ["upload"] and list(log["User"]) == ["admin@example.org"]
    # A running dashboard shows the new file on its next page run.
    about = app("about")
    about.user = ADMIN
    about.run()
    assert "upload_june.csv" in set(about.dataframe[1].value["File"])
    # The same bytes again change nothing; the log says so.
    again = upload(at, "incidents", ("upload_june.csv", GOOD.encode()))
    assert again.dataframe[0].value.iloc[0]["Result"] == "unchanged (same content)"
    assert [e.outcome for e in audit.read_entries(action="upload")] == ["loaded", "unchanged"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("short.csv", b"incident_id,date\nX-1,2014-01-01\n",
         "short.csv: rejected as incidents: missing required column(s) incident_type"),
        ("photo.xlsx", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.xlsx: not an XLSX workbook"),
    ],
)  # fmt: skip
def test_a_file_that_is_not_a_partner_file_is_refused_and_changes_nothing(
    admin_env: Path, name: str, content: bytes, message: str
) -> None:
    before = loaded_state(admin_env)
    at = upload(admin_page(), "incidents", (name, content))
    assert not at.exception
    (error,) = at.error
    assert error.value.startswith(f"{name} was refused; nothing of it was loaded. {message}")
    assert at.dataframe[0].value.iloc[0]["Result"] == "refused"
    assert loaded_state(admin_env) == before
    (entry,) = audit.read_entries(action="upload")
    assert (entry.file, entry.rows, entry.outcome) == (f"incidents/{name}", None, "rejected")


def test_the_audit_log_is_filtered_on_the_page(admin_env: Path) -> None:
    for user, action in (("ana@unaids.org", "download"), ("root", "ingest"),
                         ("ana@unaids.org", "export")):  # fmt: skip
        audit.record(action, user=user, role="analyst", file=f"{action}.csv")
    at = admin_page()
    assert list(at.dataframe[0].value["Action"]) == ["export", "ingest", "download"]  # newest first
    at.text_input(key="audit_user").input("ANA").run()
    assert list(at.dataframe[0].value["Action"]) == ["export", "download"]
    at.selectbox(key="audit_action_en").set_value("download").run()
    assert list(at.dataframe[0].value["File"]) == ["download.csv"]
    at.selectbox(key="audit_action_en").set_value("upload").run()
    assert at.info[-1].value == "No entry matches."


def test_the_upload_ingest_and_log_each_ask_the_access_rule(
    admin_env: Path, refused_access: set
) -> None:
    audit.record("download", user="ana@unaids.org", role="analyst", file="x.csv")
    refused_access.update({("upload", None), ("read_audit_log", None)})
    at = admin_page()
    assert not at.exception and not at.file_uploader and not at.dataframe
    assert [i.value for i in at.info] == [
        "Loading partner files is not available for this audience.",
        "The audit log is not available for this audience.",
    ]
    refused_access.clear()
    refused_access.add(("ingest", None))  # the form is drawn; loading what it sends is refused
    before = loaded_state(admin_env)
    at = upload(admin_page(), "incidents", ("upload_june.csv", GOOD.encode()))
    assert [e.value for e in at.error] == [
        "Loading partner files is not available for this audience."
    ]
    assert loaded_state(admin_env) == before
    assert audit.read_entries(action="upload") == []


def wait_for_publish(db: Path, timeout: float = 300) -> str:
    """Wait until the products are made from the facts' current build; returns that build."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        build = facts_stamp(db).build_id
        if published_build(db)[0] == build and not is_running(db):
            return build
        time.sleep(0.5)
    raise AssertionError(f"the products of {db} were not published in {timeout:g} s")


def test_an_upload_returns_with_the_facts_in_and_publishes_in_the_background(
    admin_env: Path,
) -> None:
    at = admin_page()
    captions = [c.value for c in at.caption]
    assert any(c.startswith("The results are older than the data loaded on ") for c in captions)
    assert "Nothing is published yet." in captions
    at = upload(at, "incidents", ("upload_june.csv", GOOD.encode()))
    assert not at.exception
    assert any(
        i.value.startswith("The files are in. The results derived from them") for i in at.info
    )
    build = wait_for_publish(admin_env)
    at = admin_page()
    products = at.dataframe[-1].value
    assert list(products["Product"]) == sorted(
        ["evaluation_headline", "evaluation_default", "briefing_store", "ranking_inputs",
         "ranking_default"])  # fmt: skip
    assert set(products["Result"]) == {"made"} and all(products["Checks"].str.match(r"(\d)/\1"))
    assert any(
        c.value.startswith("Every result is made from the data loaded on ") for c in at.caption
    )
    assert build in publish_log(admin_env).read_text(encoding="utf-8")


def test_publish_now_when_the_results_are_behind(admin_env: Path) -> None:
    at = admin_page()
    next(b for b in at.button if b.label == "Publish now").click().run()
    assert not at.exception
    wait_for_publish(admin_env)
    assert not [b for b in admin_page().button if b.label == "Publish now"]


def _unwritable_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point ATLAS_AUDIT_LOG under a file, where no log can be written (even by root)."""
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the log's folder should be\n", encoding="utf-8")
    monkeypatch.setenv("ATLAS_AUDIT_LOG", str(blocker / "audit.jsonl"))
    return blocker / "audit.jsonl"


def test_an_upload_whose_line_cannot_be_written_is_refused_and_loads_nothing(
    admin_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = loaded_state(admin_env)
    _unwritable_log(tmp_path, monkeypatch)
    at = upload(admin_page(), "incidents", ("upload_june.csv", GOOD.encode()))
    assert not at.exception
    problem = "the audit log cannot be written (setting ATLAS_AUDIT_LOG: Not a directory)"
    assert [e.value for e in at.error] == [  # said once, not "(the audit log cannot ... (...))"
        "The audit log cannot be written (setting ATLAS_AUDIT_LOG: Not a directory). Until it "
        "can, every download, export, upload and ingest is refused.",
        f"Nothing was loaded; the database is as it was: {problem}. A file is loaded only once "
        "its line is in the audit log.",
    ]
    assert loaded_state(admin_env) == before
    assert "No entry matches." not in [i.value for i in at.info]  # not "no entries"
    assert str(tmp_path) not in " ".join(e.value for e in at.error)


def test_a_line_that_fails_during_the_load_takes_the_load_back(
    admin_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = loaded_state(admin_env)

    def fail(*args: object, **kwargs: object) -> None:
        raise audit.AuditUnavailable("the audit log cannot be written (setting "
                                     "ATLAS_AUDIT_LOG: No space left on device)")  # fmt: skip

    monkeypatch.setattr(audit, "record", fail)  # the log fills up after the check
    at = upload(admin_page(), "incidents", ("upload_june.csv", GOOD.encode()))
    assert not at.exception
    assert at.error[-1].value.startswith("Nothing was loaded; the database is as it was: ")
    assert "No space left on device" in at.error[-1].value
    assert loaded_state(admin_env) == before


def test_the_page_says_the_chain_is_intact_or_where_it_breaks(admin_env: Path) -> None:
    for i in range(3):
        audit.record("download", user=f"u{i}@example.org", role="analyst", file=f"{i}.csv")
    at = admin_page()
    assert not at.error
    head = audit.verify(audit.log_path()).last_hash
    assert f"3 entries; the hash chain is intact. Last hash: `{head}`" in [
        c.value.split(" (keep")[0] for c in at.caption
    ]
    log = audit.log_path()
    lines = log.read_text(encoding="utf-8").splitlines()
    log.write_text("\n".join([lines[0], lines[2]]) + "\n", encoding="utf-8")  # line 2 deleted
    at = admin_page()
    assert [e.value for e in at.error] == [
        "The audit log was changed after it was written: its hash chain breaks in 1 place(s). "
        "The entries below are those that can still be read."
    ]
    assert "- Line 2: deleted (1 entr(y/ies) written before it are missing (entries 2 to 2))" in [
        m.value for m in at.markdown
    ]
    assert list(at.dataframe[0].value["File"]) == ["2.csv", "0.csv"]


def test_an_older_log_without_hashes_is_shown_as_before_the_chain(admin_env: Path) -> None:
    old = {"time": "2024-02-01T00:00:00+00:00", "user": "ana@unaids.org", "role": "analyst",
           "action": "download", "file": "old.csv"}  # fmt: skip
    audit.log_path().write_text(json.dumps(old) + "\n", encoding="utf-8")
    audit.record("upload", user="admin@example.org", role="admin", file="incidents/new.csv")
    at = admin_page()
    assert not at.error
    captions = [c.value for c in at.caption]
    assert any(c.startswith("2 entries; the hash chain is intact.") for c in captions)
    assert "1 of them were written before the chain existed; its first line seals them." in captions
    assert list(at.dataframe[0].value["File"]) == ["incidents/new.csv", "old.csv"]


def test_a_header_only_version_is_refused_until_the_replacement_is_confirmed(
    admin_env: Path,
) -> None:
    at = upload(admin_page(), "incidents", ("upload_june.csv", GOOD.encode()))
    before = loaded_state(admin_env)
    at = upload(at, "incidents", ("upload_june.csv", HEADER.encode()))
    (error,) = at.error
    assert error.value.startswith(
        "upload_june.csv was refused; nothing of it was loaded. upload_june.csv: not loaded: it "
        "would replace incidents/upload_june.csv, whose 6 rows are loaded now, with a version of "
        "0 rows (6 rows would be lost"
    )
    assert "tick 'Replace a loaded file even with far fewer rows'" in error.value
    assert loaded_state(admin_env) == before
    at.checkbox(key="upload_allow_fewer").check()
    at = upload(at, "incidents", ("upload_june.csv", HEADER.encode()))
    assert not at.error
    assert at.dataframe[0].value.iloc[0][["Result", "Rows read"]].tolist() == ["replaced", 0]
    assert [e.outcome for e in audit.read_entries(action="upload")] == [
        "loaded", "rejected", "replaced"]  # fmt: skip


def test_the_loads_notes_are_shown(admin_env: Path, tmp_path: Path) -> None:
    book = hidden_first_sheet(tmp_path / "sheets.xlsx", rows=3)
    at = upload(admin_page(), "incidents", ("sheets.xlsx", book.read_bytes()))
    note, publishing = (i.value for i in at.info)
    assert note == (
        "sheets.xlsx was loaded. read sheet 'Data' (the visible sheet named 'incidents', else the "
        "first visible sheet); not read: hidden sheet 'Lookup'"
    )
    assert publishing.startswith("The files are in. The results derived from them")


def test_no_log_yet_and_a_log_without_chain_are_said(admin_env: Path) -> None:
    at = admin_page()
    assert not at.error
    assert "No audit log yet: nothing has been downloaded, exported, uploaded or ingested " \
        "since it was set up." in [i.value for i in at.info]  # fmt: skip
    assert "No entry matches." not in [i.value for i in at.info]
    old = {"time": "2024-02-01T00:00:00+00:00", "user": "ana@unaids.org", "role": "analyst",
           "action": "download", "file": "old.csv"}  # fmt: skip
    audit.log_path().write_text(json.dumps(old) + "\n", encoding="utf-8")
    at = admin_page()
    assert [e.value for e in at.error] == [
        "The audit log cannot be verified: 1 entries (1 written before the chain); cannot be "
        "verified: no chain (no line carries the keyed chain). Its lines may have been edited; "
        "the administrator can key it with python -m audit --seal."
    ]
    assert list(at.dataframe[0].value["File"]) == ["old.csv"]


def test_the_chain_and_the_unwritable_log_are_said_in_khmer(
    admin_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(3):
        audit.record("download", user=f"u{i}@example.org", role="analyst", file=f"{i}.csv")
    log = audit.log_path()
    lines = log.read_text(encoding="utf-8").splitlines()
    log.write_text("\n".join([lines[0], lines[2]]) + "\n", encoding="utf-8")
    at = app("admin")
    at.user = ADMIN
    at.query_params["lang"] = "km"
    at.run()
    assert "- បន្ទាត់ 2៖ ត្រូវបានលុប (ធាតុ 1 ដែលត្រូវបានសរសេរមុនវាបាត់ (ធាតុទី 2 ដល់ទី 2))" in [
        m.value for m in at.markdown
    ]
    _unwritable_log(tmp_path, monkeypatch)
    at.run()
    assert at.error[0].value.startswith(
        "មិនអាចសរសេរកំណត់ហេតុសវនកម្មបានទេ (ការកំណត់ ATLAS_AUDIT_LOG៖ មិនមែនជាថតឯកសារទេ)។"
    )
    assert "written" not in at.error[0].value and "directory" not in at.error[0].value


def test_a_log_that_is_a_folder_is_said_in_the_pages_language(
    admin_env: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "folder.jsonl"
    folder.mkdir()
    monkeypatch.setenv("ATLAS_AUDIT_LOG", str(folder))
    at = admin_page()
    assert "The audit log cannot be read: Is a directory" in [e.value for e in at.error]
    at = app("admin", lang="km")
    at.user = ADMIN
    at.run()
    assert "មិនអាចអានកំណត់ហេតុសវនកម្មបានទេ៖ ជាថតឯកសារ មិនមែនជាឯកសារទេ" in [
        e.value for e in at.error]  # fmt: skip
