"""The ranking's diagnostics: for each criterion its nominal weight beside its effective weight
(its correlation with the index over the ranked provinces), and each decision taken about it.

A decision is a code with its values, so the page can say it in Khmer or English:

- ``shrunk``: the rate is empirical-Bayes (small denominators borrow strength);
- ``capped`` (``n``): the outlier cap moved n provinces' values;
- ``constant``: the criterion is the same for every ranked province (it separates none; its
  weight acts on no one's order);
- ``overlap`` (``other``, ``r``): Spearman |r| ≥ ``OVERLAP`` with another criterion: counted
  twice, to merge or justify;
- ``merged`` / ``dropped``: a criterion the ranking no longer has (``ranking_criteria.DROPPED``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.ranking_criteria import CRITERIA, DROPPED, capped_counts

#: Spearman |r| at or above which two criteria are taken to measure the same thing.
OVERLAP = 0.9
_SHRUNK = ("disruption_rate", "disruption_change")


@dataclass(frozen=True)
class Diagnostic:
    """One criterion: ``weight`` (nominal, summing to 1), ``effective`` (Pearson r of its
    normalised value with the index over the ranked provinces; None when it cannot be
    computed) and ``share`` (r² over the sum of r²: the part of the index it explains, as the
    effective weight to compare with the nominal one), and the decisions."""

    criterion: str
    weight: float
    effective: float | None
    share: float | None
    decisions: tuple[tuple[str, dict[str, object]], ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        """Plain values."""
        return {
            "criterion": self.criterion,
            "weight": round(self.weight, 4),
            "effective": None if self.effective is None else round(self.effective, 3),
            "share": None if self.share is None else round(self.share, 3),
            "decisions": [[code, values] for code, values in self.decisions],
        }


def diagnose(
    raw: pd.DataFrame,
    matrix: np.ndarray,
    score: np.ndarray,
    candidates: np.ndarray,
    weights: dict[str, float],
) -> tuple[Diagnostic, ...]:
    """The diagnostics of a ranking: the live criteria (their values ``raw``, normalised
    ``matrix``, the index ``score``), then the dropped ones. Raises nothing."""
    rows = matrix[candidates]
    index = score[candidates]
    r = [_pearson(rows[:, j], index) for j in range(len(CRITERIA))]
    squares = [0.0 if v is None else v**2 for v in r]
    total = sum(squares)
    capped = capped_counts(raw, candidates)
    spearman = pd.DataFrame(rows, columns=[c.name for c in CRITERIA]).corr("spearman")
    out = []
    for j, c in enumerate(CRITERIA):
        decisions: list[tuple[str, dict[str, object]]] = []
        if c.name in _SHRUNK:
            decisions.append(("shrunk", {}))
        if capped[c.name]:
            decisions.append(("capped", {"n": capped[c.name]}))
        if np.nanstd(rows[:, j]) == 0 if np.isfinite(rows[:, j]).any() else False:
            decisions.append(("constant", {}))
        for other in spearman.columns:
            value = spearman.at[c.name, other]
            if other != c.name and np.isfinite(value) and abs(value) >= OVERLAP:
                decisions.append(("overlap", {"other": other, "r": round(float(value), 2)}))
        share = squares[j] / total if total > 0 and r[j] is not None else None
        out.append(Diagnostic(c.name, weights[c.name], r[j], share, tuple(decisions)))
    for name in DROPPED:
        code = "dropped" if name == "communes_without_partnership" else "merged"
        out.append(Diagnostic(name, 0.0, None, None, ((code, {}),)))
    return tuple(out)


def _pearson(x: np.ndarray, y: np.ndarray) -> float | None:
    """Pearson r over the provinces with both values; None without spread or with < 3."""
    both = np.isfinite(x) & np.isfinite(y)
    if both.sum() < 3 or np.std(x[both]) == 0 or np.std(y[both]) == 0:
        return None
    return float(np.corrcoef(x[both], y[both])[0, 1])


def from_dict(data: dict[str, object]) -> Diagnostic:
    """A ``Diagnostic`` from ``to_dict``'s plain values. Raises KeyError for a missing key."""
    decisions = tuple((str(code), dict(values)) for code, values in data["decisions"])
    return Diagnostic(
        str(data["criterion"]),
        float(data["weight"]),
        data["effective"],
        data["share"],
        decisions,
    )
