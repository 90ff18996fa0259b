"""Every table the atlas gives a user as CSV, written one way: cells that a spreadsheet would
run as a formula are neutralised, as OWASP advises against CSV injection.

A text cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a single
quote in front (``=HYPERLINK(...)`` is written ``'=HYPERLINK(...)``): a spreadsheet then shows
the text instead of running it. Numbers stay numbers: a numeric column is written as it is
(``-3``, ``-0.25``), and so is a text cell that is a plain number, with an optional sign,
thousands commas, decimals, exponent and percent sign (``-12``, ``+12%``, ``1,234.5``), since a
spreadsheet reads such a cell as a number and nothing in it can call a function or reach a
cell. Column names are neutralised too. The file is UTF-8 with a byte-order mark (so that
spreadsheets read the Khmer names), one header row, no index, lines ended by CR LF (RFC 4180:
a cell holding a line break, a carriage return included, is then quoted).
"""

from __future__ import annotations

import re

import pandas as pd
from pandas.api.types import is_bool_dtype, is_datetime64_any_dtype, is_numeric_dtype

#: What a spreadsheet may take for the start of a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: A text cell that is only a number (ASCII digits): left as it is.
PLAIN_NUMBER = re.compile(
    r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\s?%?"
)
_DIGIT = re.compile(r"[0-9]")


def neutralise(value: object) -> object:
    """``value`` with a single quote in front when it is text that a spreadsheet would run as
    a formula; anything else (numbers, dates, missing values, plain-number text) unchanged."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if PLAIN_NUMBER.fullmatch(value) and _DIGIT.search(value):
        return value
    return "'" + value


def safe_table(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell and column name neutralised (``neutralise``);
    numeric, boolean and date columns as they are."""
    safe = frame.copy()
    for i, dtype in enumerate(safe.dtypes):
        if not (is_numeric_dtype(dtype) or is_bool_dtype(dtype) or is_datetime64_any_dtype(dtype)):
            safe.isetitem(i, safe.iloc[:, i].astype(object).map(neutralise, na_action="ignore"))
    safe.columns = [neutralise(str(c)) for c in safe.columns]
    return safe


def table_csv(frame: pd.DataFrame) -> bytes:
    """``frame`` as the CSV file a user receives: neutralised (``safe_table``), UTF-8 with a
    byte-order mark, a header row, no index, CR LF line ends."""
    return safe_table(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")
