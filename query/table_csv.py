"""Every table the atlas gives a user as CSV, written one way: cells that a spreadsheet would
run as a formula are neutralised, as OWASP advises against CSV injection.

A text cell whose first character that is not a space is ``=``, ``+``, ``-``, ``@``, a tab or
a carriage return gets a single quote in front (``=HYPERLINK(...)`` is written
``'=HYPERLINK(...)``, `` =1+1`` is written ``' =1+1``): a spreadsheet then shows the text
instead of running it. Characters are compared after NFKC normalisation, so the full-width
``＝`` counts as ``=``. A cell holding a list separator (``;`` or ``,``, full-width too)
followed, after spaces, by such a character gets a single quote before that character too
(``Police academy;=1+1`` is written ``Police academy;'=1+1``): a spreadsheet that splits on its
locale's separator without honouring the quotes would otherwise start a cell with a formula.
Every text field is quoted. Numbers stay numbers: a numeric column is written as it is, unquoted
(``-3``, ``-0.25``), and so is the content of a text cell that is a plain number, with an
optional sign, thousands commas, decimals, exponent and percent sign (``-12``, ``+12%``,
``1,234.5``), since a spreadsheet reads such a cell as a number and nothing in it can call a
function or reach a cell. Column names are neutralised too. The file is UTF-8 with a byte-order
mark (so that spreadsheets read the Khmer names), one header row, no index, lines ended by CR
LF (RFC 4180).
"""

from __future__ import annotations

import csv
import re
import unicodedata

import pandas as pd
from pandas.api.types import is_bool_dtype, is_datetime64_any_dtype, is_numeric_dtype

#: What a spreadsheet may take for the start of a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: A text cell that is only a number (ASCII digits): left as it is.
PLAIN_NUMBER = re.compile(
    r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\s?%?"
)
_DIGIT = re.compile(r"[0-9]")
#: List separators of spreadsheets' locales (after NFKC).
SEPARATORS = (";", ",")


def _form(char: str) -> str:
    """The character as a spreadsheet may read it (NFKC: ``＝`` is ``=``)."""
    return unicodedata.normalize("NFKC", char)


def _plain_number(text: str) -> bool:
    return bool(PLAIN_NUMBER.fullmatch(text.strip()) and _DIGIT.search(text))


def _starts_formula(text: str) -> int | None:
    """Where the formula ``text`` would start (its first character that is not a space, when a
    formula may start with it and the rest is not a plain number), or None."""
    for i, char in enumerate(text):
        form = _form(char)
        if form.startswith(FORMULA_STARTS):
            return None if _plain_number(text[i:].split(";")[0]) else i
        if not form.isspace():
            return None
    return None


def neutralise(value: object) -> object:
    """``value`` with a single quote in front when it is text that a spreadsheet would run as
    a formula, and before each formula that would follow a list separator (``;`` or ``,``);
    anything else (numbers, dates, missing values, plain-number text) unchanged."""
    if not isinstance(value, str):
        return value
    parts, start = [], 0
    for i, char in enumerate(value):
        if _form(char) in SEPARATORS and (at := _starts_formula(value[i + 1 :])) is not None:
            parts += [value[start : i + 1 + at], "'"]
            start = i + 1 + at
    parts.append(value[start:])
    safe = "".join(parts)
    return safe if _starts_formula(value) is None else "'" + safe


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
    byte-order mark, a header row, every text field quoted, no index, CR LF line ends."""
    safe = safe_table(frame)
    text = safe.to_csv(index=False, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    return text.encode("utf-8-sig")
