"""Suppression of small counts."""

from __future__ import annotations

import pytest

from ui.suppress import format_count


def test_small_counts_are_masked(monkeypatch: pytest.MonkeyPatch) -> None:
    assert [format_count(n) for n in (0, 1, 4, 5, 1234)] == ["0", "<5", "<5", "5", "1,234"]
    monkeypatch.setenv("ATLAS_SUPPRESSION_THRESHOLD", "10")
    assert format_count(9) == "<10" and format_count(10) == "10"
    assert format_count(3, threshold=3) == "3"


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="cannot be negative"):
        format_count(-1)
