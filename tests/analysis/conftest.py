"""The demo's truth on the real commune boundaries, built once per session."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from etl import reference
from tests.analysis.truth import truth_panel, truth_panels
from vocabulary import NEGATIVE_CONTROL_TYPES, PILOT_TYPES


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


@pytest.fixture(scope="session")
def truth_pair(
    truth_communes: pd.DataFrame,
) -> Callable[[int, float], tuple[pd.DataFrame, pd.DataFrame]]:
    """truth_pair(seed, pilot_effect): the demo's panels of arrests and confiscations and of
    the negative control's types, from one draw, each pair built once."""

    @cache
    def make(seed: int, pilot_effect: float) -> tuple[pd.DataFrame, pd.DataFrame]:
        outcome, control = truth_panels(
            truth_communes, seed, pilot_effect, (PILOT_TYPES, NEGATIVE_CONTROL_TYPES)
        )
        return outcome, control

    return make
