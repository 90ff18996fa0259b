"""The About page says what the build made of the NCDD file in the page's language: the ETL
records counts (``etl.reference.covariates``), the page puts them in words."""

from __future__ import annotations

import json
import re
from pathlib import Path

from pages.about import ncdd_rows
from tests.pages.test_pages import app

COUNTS = {"read": 1621, "matched": 1617, "by_code": 1600, "by_name": 17, "unmatched": 3,
          "unreadable": 1}  # fmt: skip


def test_the_ncdd_line_is_made_from_counts_in_each_language() -> None:
    info = {"ncdd_file": "ncdd.csv", "ncdd_status": "read", "ncdd_counts": json.dumps(COUNTS)}
    assert ncdd_rows(info, "en") == ("1621 read: 1617 matched to a polygon (1600 by code, 17 by "
                                     "name), 3 unmatched, 1 unreadable")  # fmt: skip
    khmer = ncdd_rows(info, "km")
    # the counts in Khmer digits on a Khmer page (one numeral system per language)
    assert khmer.startswith("អានបាន ១៦២១៖ ផ្គូផ្គងនឹងពហុកោណ ១៦១៧") and "matched" not in khmer
    assert not re.search("[0-9]", khmer)
    assert ncdd_rows({"ncdd_status": "missing"}, "km") == "បាត់៖ មិនមានអត្រាក្នុង ១,០០០ ទេ"
    assert "not available" in ncdd_rows({"ncdd_status": "missing"}, "en")
    older = {"ncdd_rows": "1621 read: 1617 matched to a polygon"}  # built before the codes
    assert (ncdd_rows(older, "en"), ncdd_rows(older, "km")) == (older["ncdd_rows"], "")


def test_the_about_page_says_the_ncdd_line_in_khmer(atlas_env: Path) -> None:
    at = app("about", lang="km").run()
    assert not at.exception
    (line,) = [m.value for m in at.markdown if "NCDD" in m.value]
    assert "ផ្គូផ្គងនឹងពហុកោណ" in line
    for english in ("read", "matched", "polygon", "by code", "unreadable"):
        assert english not in line, english
