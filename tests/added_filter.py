"""A filter the atlas does not have, added to the filter table by a test: ``verified`` (all,
yes, no), offered by district and by province only, on a column the tiny atlas gets for it.

``add_verified`` is the one edit the table needs (and the test's own labels, which a real
filter would add to i18n); ``tiny_atlas_with_verified`` writes the tiny atlas
(``tests/tiny_atlas.py``) with the column: its incidents in province 01 are verified, those in
province 23 are not.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

import i18n
from query import filter_table
from query.filter_kinds import ALL, LEVELS, Choice, ChoiceFilter

VERIFIED = ChoiceFilter(
    key="verified", field="verified", label="test_verified", sentence="test_describe_verified",
    sql="list_contains($verified, verified_state)", param="verified",
    choices=(
        Choice(ALL, ("yes", "no"), "all", LEVELS),
        Choice("yes", ("yes",), "test_verified_yes", filter_table.MIXED),
        Choice("no", ("no",), "test_verified_no", filter_table.MIXED),
    ),
)  # fmt: skip
LABELS = {
    "test_verified": {"en": "Verified", "km": "បានផ្ទៀងផ្ទាត់"},
    "test_describe_verified": {"en": "Verified", "km": "បានផ្ទៀងផ្ទាត់"},
    "test_verified_yes": {"en": "Yes", "km": "បាទ/ចាស"},
    "test_verified_no": {"en": "No", "km": "ទេ"},
}
#: Incidents of 2014 in the tiny atlas: all of them, those verified (province 01), the others.
COUNTS_2014 = {"all": 38, "yes": 27, "no": 11}


def add_verified(monkeypatch: pytest.MonkeyPatch) -> None:
    """Add ``VERIFIED`` at the end of the filter table (and its labels), for one test."""
    table = filter_table.checked((*filter_table.FILTERS, VERIFIED))
    monkeypatch.setattr(filter_table, "FILTERS", table)
    add_labels(monkeypatch, LABELS)


def add_labels(monkeypatch: pytest.MonkeyPatch, labels: dict[str, dict[str, str]]) -> None:
    """Labels a test adds, in both languages, as if they were in the catalogs (``i18n.t``
    reads every text through ``i18n.message``)."""
    real = i18n.message

    def message(key: str, lang: str) -> str:
        return labels[key][lang] if key in labels else real(key, lang)

    monkeypatch.setattr(i18n, "message", message)


def tiny_atlas_with_verified(tiny_db: Path, folder: Path) -> Path:
    """A copy of the tiny atlas whose ``incidents_monthly`` has ``verified_state``."""
    path = folder / "tiny_verified.duckdb"
    shutil.copyfile(tiny_db, path)
    con = duckdb.connect(str(path))
    try:
        con.execute("ALTER TABLE incidents_monthly ADD COLUMN verified_state VARCHAR")
        con.execute(
            "UPDATE incidents_monthly SET verified_state = "
            "CASE WHEN province_code = '01' THEN 'yes' ELSE 'no' END"
        )
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return path
