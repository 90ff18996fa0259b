"""A partner file's rows as everyone but the admin role reads them (``query.file_counts``):
rounded to tens, one class ``<10`` below ten (0 included), exact only for the admin role; the
briefing store's SQL rounds the same way."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from query.file_counts import SMALL, file_count_text, protected_sql, rounded


def test_small_counts_and_zero_are_one_class() -> None:
    assert [file_count_text(n, exact=False) for n in (0, 1, 4, 9)] == [SMALL] * 4 == ["<10"] * 4
    for stored_null in (None, float("nan"), pd.NA):
        assert file_count_text(stored_null, exact=False) == "<10"


def test_others_are_rounded_to_tens_and_exact_only_for_the_admin() -> None:
    assert [file_count_text(n, exact=False) for n in (10, 14, 15, 375, 20075)] == [
        "10", "10", "20", "380", "20,080"]  # fmt: skip
    assert [file_count_text(n, exact=True) for n in (0, 3, 20075)] == ["0", "3", "20,075"]
    with pytest.raises(ValueError, match="negative"):
        rounded(-1)


def test_the_store_rounds_as_the_page_does() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE f AS SELECT * FROM range(0, 2000) t(rows)")
    stored = con.execute(f"SELECT rows, {protected_sql('rows')} FROM f").fetchall()
    assert all(value == rounded(n) for n, value in stored)
    assert {value for n, value in stored if n < 10} == {None}
