"""The page's shared layout helpers: a table shown in the reader's digits, its download
untouched, and the static table that fits its column."""

from __future__ import annotations

import pandas as pd

from ui.layout import FIT_STYLE, local_frame


def test_a_table_is_shown_in_the_readers_digits_and_kept_as_it_is() -> None:
    frame = pd.DataFrame({"Rank (90 % interval)": ["3 (1–5)"], "Score": [0.845], "N": [1234]})
    shown = local_frame(frame, "km")
    assert list(shown.columns) == ["Rank (៩០ % interval)", "Score", "N"]
    assert shown.iloc[0].tolist() == ["៣ (១–៥)", "០.៨៤៥", "១២៣៤"]
    assert frame.iloc[0].tolist() == ["3 (1–5)", 0.845, 1234]  # the download's frame
    assert local_frame(frame, "en") is frame


def test_the_fitting_style_is_scoped_to_its_table() -> None:
    style = FIT_STYLE.format(key="ranking_table")
    assert style.count(".st-key-ranking_table") >= 6 and "{" in style
    assert "white-space: nowrap" in style and "overflow-wrap: anywhere" in style
