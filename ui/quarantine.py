"""Quarantined rows in the reader's language: the summary's reason codes said in words, each
parameter the summary does not keep (a value from the file) reading ``…``."""

from __future__ import annotations

import pandas as pd

from etl.reasons import reason_text

COLUMNS = ["file_name", "column", "reason", "rows"]


def reasons_in_words(summary: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A copy of ``query.quarantine_reasons``' frame with its code and parameters replaced by
    the reason in ``lang``: file, column, reason and rows."""
    words = [
        reason_text(code, params, lang, column)
        for code, params, column in zip(
            summary["code"], summary["params"], summary["column"], strict=True
        )
    ]
    return summary.assign(reason=words)[COLUMNS]
