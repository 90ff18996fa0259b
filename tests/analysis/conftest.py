"""The demo's truth on the real commune boundaries, built once per session."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from etl import reference
from tests.analysis.truth import truth_panel


@pytest.fixture(scope="session")
def truth_communes(reference_dir: Path) -> pd.DataFrame:
    """The conflated commune table of the real boundaries (about 6 s)."""
    _, _, tables = reference.read_and_conflate(reference_dir)
    return tables.communes


@pytest.fixture(scope="session")
def truth(truth_communes: pd.DataFrame) -> Callable[[int, float], pd.DataFrame]:
    """truth(seed, pilot_effect): the demo's 20,000-incident panel, each built once."""

    @cache
    def make(seed: int, pilot_effect: float) -> pd.DataFrame:
        return truth_panel(truth_communes, seed, pilot_effect)

    return make
