"""The page's shared layout helpers: a table shown in the reader's digits, its download
untouched, and the static table that fits its column."""

from __future__ import annotations

import pandas as pd

from ui.layout import local_frame


def test_a_table_is_shown_in_the_readers_digits_and_kept_as_it_is() -> None:
    frame = pd.DataFrame({"Rank (90 % interval)": ["3 (1–5)"], "Score": [0.845], "N": [1234]})
    shown = local_frame(frame, "km")
    assert list(shown.columns) == ["Rank (៩០ % interval)", "Score", "N"]
    assert shown.iloc[0].tolist() == ["៣ (១–៥)", "០.៨៤៥", "១២៣៤"]
    assert frame.iloc[0].tolist() == ["3 (1–5)", 0.845, 1234]  # the download's frame
    assert local_frame(frame, "en") is frame
