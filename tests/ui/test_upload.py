"""Uploads reach the ingestion under their own names, from a temporary folder removed after;
uploads that cannot be taken as they are change nothing."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from ui.upload import Upload, UploadError, file_name, ingest_uploads

WHO = {"user": "admin@example.org", "role": "admin", "link": "/admin"}
CSV = (
    b"incident_id,date,commune_code,incident_type,population,actor,source\n"
    b"TMP-1,2014-06-01,230101,arrest_detention,pwud,police,SYNTHETIC upload\n"
)


def test_the_uploaded_name_is_kept_without_any_folder() -> None:
    assert file_name("outreach_2014.csv") == "outreach_2014.csv"
    assert file_name("C:\\Users\\me\\outreach 2014.xlsx") == "outreach 2014.xlsx"
    assert file_name("../../etc/outreach.csv") == "outreach.csv"
    for bad in ("", "   ", "..", "a/..", ".hidden.csv"):
        with pytest.raises(UploadError, match="is not a file name"):
            file_name(bad)


def test_uploads_are_ingested_from_a_folder_removed_after(
    built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "atlas.duckdb"
    shutil.copy(built_db, db)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    (result,) = ingest_uploads("incidents", [Upload("dir/tmp_upload.csv", CSV)], db, **WHO)
    assert (result.file_name, result.status, result.rows_loaded) == ("tmp_upload.csv", "loaded", 1)
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize(
    ("kind", "uploads", "message"),
    [
        ("incidents", [Upload("a.csv", CSV), Upload("x/a.csv", CSV)], "a.csv: sent more than once"),
        ("arrests", [Upload("a.csv", CSV)], "'arrests' is not a kind of partner file"),
        ("incidents", [Upload("a.csv", CSV), Upload("..", CSV)], "'..' is not a file name"),
    ],
)  # fmt: skip
def test_uploads_that_cannot_be_taken_change_nothing(
    built_db: Path, tmp_path: Path, kind: str, uploads: list[Upload], message: str
) -> None:
    db = tmp_path / "atlas.duckdb"
    shutil.copy(built_db, db)
    before = db.stat()
    with pytest.raises(UploadError, match=message):
        ingest_uploads(kind, uploads, db, **WHO)
    after = db.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_missing_database_is_named_by_its_setting(tmp_path: Path) -> None:
    with pytest.raises(UploadError) as refused:
        ingest_uploads("incidents", [Upload("a.csv", CSV)], tmp_path / "absent.duckdb", **WHO)
    assert str(refused.value) == (
        "the atlas database (setting ATLAS_DB_PATH) does not exist yet: build it with "
        "python -m etl build"
    )
