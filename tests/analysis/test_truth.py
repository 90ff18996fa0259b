"""Against the demo's truth: the planted pilot effect, recovered within the interval, on the
real commune boundaries (panels drawn by the demo generator, 20,000 incidents)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest

from analysis.evaluation import evaluate

pytestmark = pytest.mark.integration

Truth = Callable[[int, float], pd.DataFrame]


@pytest.mark.parametrize(
    ("seed", "planted"),
    [(2010, 0.40), (2, 0.40), (5, 0.40), (2, 0.0), (3, 0.0), (6, 0.20)],
)
def test_default_design_covers_the_planted_change(truth: Truth, seed: int, planted: float) -> None:
    panel = truth(seed, planted)
    result = evaluate(panel, robustness=False)
    assert result.low <= -planted <= result.high
    if planted:
        assert result.high < 0
    pilots = panel.loc[panel["start"].notna() & (panel["y"] > 0), "unit"].nunique()
    assert result.pilot_communes == pilots


def test_plain_poisson_over_all_communes_and_months_misses_where_shared_shock_recovers(
    truth: Truth,
) -> None:
    """Rural communes felt the 2010 policy less (1.25x) than the urban pilot communes (1.9x):
    pooled over all communes and months, the month effects understate the pilot communes'
    rise, which hides part of the fall."""
    panel = truth(3, 0.40)
    plain = evaluate(panel, "all_communes", "all_months", method="twfe_poisson", robustness=False)
    assert plain.low > -0.40  # biased toward zero, out of its own interval
    for design, window in (
        ("shared_shock", "after_policy"),  # shared by the comparison and by the window
        ("shared_shock", "all_months"),  # shared by the comparison
        ("all_communes", "after_policy"),  # shared by the window
    ):
        shared = evaluate(panel, design, window, robustness=False)
        assert shared.low <= -0.40 <= shared.high, (design, window)
        assert shared.effect < plain.effect


def test_with_no_planted_effect_the_plain_poisson_finds_a_rise_that_is_not_there(
    truth: Truth,
) -> None:
    panel = truth(3, 0.0)
    plain = evaluate(panel, "all_communes", "all_months", method="twfe_poisson", robustness=False)
    assert plain.low > 0
    default = evaluate(panel, robustness=False)
    assert default.low <= 0 <= default.high


def test_plain_poisson_is_biased_toward_zero_across_seeds(truth: Truth) -> None:
    gaps = []
    for seed in (2010, 2, 5):
        panel = truth(seed, 0.40)
        plain = evaluate(
            panel, "all_communes", "all_months", method="twfe_poisson", robustness=False
        )
        gaps.append(plain.effect - evaluate(panel, robustness=False).effect)
    assert min(gaps) > 0.02


def test_robustness_line_agrees_on_the_demo(truth: Truth) -> None:
    result = evaluate(truth(2010, 0.40))
    assert result.robustness is not None
    assert result.robustness.low <= -0.40 <= result.robustness.high < 0
    assert result.pre_trend_p > 0.05


def test_a_pilot_province_alone_and_its_own_comparison(truth: Truth) -> None:
    panel = truth(2010, 0.40)
    phnom_penh = evaluate(panel, "not_yet_treated", provinces=["12"], robustness=False)
    assert phnom_penh.provinces == ("12",) and phnom_penh.high < 0
    never = panel["start"].isna() & (panel["province_code"] == "12")
    assert phnom_penh.comparison_communes == panel.loc[never, "unit"].nunique()  # 43 of 96
    with pytest.raises(ValueError, match="too few pilot communes: 2"):
        evaluate(panel, provinces=["01"], robustness=False)
