"""What a ranking returns: one row per province (every rank with its interval), the weights,
the method, the uncertainty settings and why the leaders lead; and its JSON."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import numpy as np

from analysis.ranking_criteria import CRITERIA, CRITERION_NAMES
from analysis.ranking_diagnostics import Diagnostic

#: How many leading provinces the explanation and the chance of being "in the top" count.
TOP = 3
#: The rank interval: the central 90 % of the draws.
INTERVAL = 0.90
_LABELS = {c.name: c.label for c in CRITERIA}
#: What the Monte Carlo behind every rank interval varies.
VARIES = (
    "weights: Dirichlet around the chosen ones",
    "normalisation: min-max, z-score or rank",
    "aggregation: arithmetic, geometric or TOPSIS",
    "key-population sizes: triangular within the published low and high",
    "published counts: any count the reading stands for (n ± the protection's greatest move; "
    "0 to t-1 for <t)",
    "rates: their empirical-Bayes posterior",
)


@dataclass(frozen=True)
class ProvinceRank:
    """One province in the ranking.

    ``rank`` is the nominal rank (at the chosen weights and the observed counts);
    ``rank_median``, ``rank_low`` and ``rank_high`` are the median and the 90 % interval of
    its rank over the draws; ``p_top3`` the share of draws in which it is in the top 3. All are
    None for a province with no weighted criterion (not ranked). ``criteria`` holds the
    normalised values (higher = more reason, None = missing); ``missing`` the criteria without
    data, whose weights were spread over the province's others."""

    province_code: str
    name_en: str
    name_km: str
    rank: int | None
    rank_median: int | None
    rank_low: int | None
    rank_high: int | None
    score: float | None
    p_top3: float | None
    criteria: dict[str, float | None]
    missing: tuple[str, ...]
    in_partnership: bool
    pilot_effect: float | None

    def to_dict(self) -> dict[str, object]:
        """The issue's province keys first, then the extra ones."""
        return {
            "province_code": self.province_code,
            "name_en": self.name_en,
            "name_km": self.name_km,
            "rank": self.rank,
            "rank_low": self.rank_low,
            "rank_high": self.rank_high,
            "score": _round(self.score, 4),
            "criteria": {name: _round(v, 4) for name, v in self.criteria.items()},
            "rank_median": self.rank_median,
            "p_top3": _round(self.p_top3, 4),
            "in_partnership": self.in_partnership,
            "missing": list(self.missing),
            "pilot_effect": _round(self.pilot_effect, 4),
        }


@dataclass(frozen=True)
class LeaderReason:
    """Why one leading province leads: each weighted criterion it has with its contribution
    to its lead over the median province (its weight, rescaled over the province's present
    criteria, × (its value − the median province's value)), largest first; ``main`` names the
    (at most two) criteria with the largest positive contributions, as the sentence does."""

    province_code: str
    name_en: str
    name_km: str
    rank: int
    rank_low: int
    rank_high: int
    p_top3: float
    contributions: tuple[tuple[str, float], ...]
    main: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        """Plain values, contributions as {criterion: value} in order."""
        return {
            "province_code": self.province_code,
            "name_en": self.name_en,
            "name_km": self.name_km,
            "rank": self.rank,
            "rank_low": self.rank_low,
            "rank_high": self.rank_high,
            "p_top3": _round(self.p_top3, 4),
            "contributions": {name: _round(v, 4) for name, v in self.contributions},
            "main": list(self.main),
        }


@dataclass(frozen=True)
class Explanation:
    """The leaders' reasons, the median province they are measured against (its normalised
    value per criterion: the median over the ranked provinces) and an English sentence built
    from them (the UI builds its Khmer one from the same parts)."""

    leaders: tuple[LeaderReason, ...]
    median_province: dict[str, float | None]
    sentence: str

    def to_dict(self) -> dict[str, object]:
        """Plain values."""
        return {
            "sentence": self.sentence,
            "leaders": [leader.to_dict() for leader in self.leaders],
            "median_province": {k: _round(v, 4) for k, v in self.median_province.items()},
        }


@dataclass(frozen=True)
class InPartnership:
    """A province already in the partnership: listed apart, with the first month of its
    partnership activity (ISO date; None when the data do not give it)."""

    province_code: str
    name_en: str
    name_km: str
    start: str | None

    def to_dict(self) -> dict[str, object]:
        """Plain values."""
        return {
            "province_code": self.province_code,
            "name_en": self.name_en,
            "name_km": self.name_km,
            "start": self.start,
        }


@dataclass(frozen=True)
class Ranking:
    """A ranking of the provinces with its uncertainty: ``provinces`` in nominal rank order
    (provinces that could not be ranked last), ``excluded`` the codes left out of the ranking
    (they still set the normalisation bounds)."""

    method: str
    weights: dict[str, float]
    provinces: tuple[ProvinceRank, ...]
    excluded: tuple[str, ...]
    explanation: Explanation
    draws: int
    concentration: float
    seed: int
    partnership: tuple[InPartnership, ...] = ()
    include_partnership: bool = False
    diagnostics: tuple[Diagnostic, ...] = ()
    sensitivity: dict[str, object] | None = None

    def to_dict(self) -> dict[str, object]:
        """The issue's keys (``weights``, ``provinces``) and the extra ones."""
        return {
            "weights": {name: _round(v, 4) for name, v in self.weights.items()},
            "provinces": [p.to_dict() for p in self.provinces],
            "method": self.method,
            "excluded": list(self.excluded),
            "uncertainty": {
                "draws": self.draws,
                "weight_concentration": self.concentration,
                "seed": self.seed,
                "interval": INTERVAL,
                "varies": list(VARIES),
            },
            "explanation": self.explanation.to_dict(),
            "partnership": [p.to_dict() for p in self.partnership],
            "include_partnership": self.include_partnership,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
            "sensitivity": self.sensitivity,
        }

    def to_json(self, indent: int | None = 2) -> str:
        """``to_dict`` as JSON text (UTF-8 characters kept, missing values as null)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def _round(value: float | None, digits: int) -> float | None:
    """A rounded float, or None for None/NaN."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(float(value), digits)


def explain_leaders(
    provinces: tuple[ProvinceRank, ...], weights: dict[str, float], median: dict[str, float]
) -> Explanation:
    """The explanation for the first ``TOP`` ranked provinces against the median province.
    Raises nothing; with no ranked province the sentence says so."""
    leaders = tuple(
        _reason(p, weights, median) for p in provinces if p.rank is not None and p.rank <= TOP
    )
    shown = {k: (None if np.isnan(v) else float(v)) for k, v in median.items()}
    return Explanation(leaders, shown, _sentence(leaders))


def _reason(p: ProvinceRank, weights: dict[str, float], median: dict[str, float]) -> LeaderReason:
    """One leader's contributions: rescaled weight × (value − median), present criteria only."""
    present = [n for n in CRITERION_NAMES if weights[n] > 0 and p.criteria[n] is not None]
    total = sum(weights[n] for n in present)
    parts = [
        (n, weights[n] / total * (p.criteria[n] - median[n]))
        for n in present
        if not np.isnan(median[n])
    ]
    parts.sort(key=lambda item: -item[1])
    main = tuple(n for n, value in parts[:2] if value > 0)
    return LeaderReason(
        p.province_code,
        p.name_en,
        p.name_km,
        p.rank,
        p.rank_low,
        p.rank_high,
        p.p_top3,
        tuple(parts),
        main,
    )


def _sentence(leaders: tuple[LeaderReason, ...]) -> str:
    """One English sentence per leader, each rank with its interval."""
    if not leaders:
        return "No province could be ranked: every province lacks every weighted criterion."
    sentences = []
    for leader in leaders:
        head = (
            f"{leader.name_en} (rank {leader.rank}, 90 % interval "
            f"{leader.rank_low}–{leader.rank_high}, in the top {TOP} in "
            f"{leader.p_top3 * 100:.0f} % of draws)"
        )
        if leader.main:
            named = " and ".join(_LABELS[n] for n in leader.main)
            sentences.append(f"{head} is ahead of the median province mainly on {named}.")
        else:
            sentences.append(f"{head} is not ahead of the median province on any criterion.")
    return " ".join(sentences)
