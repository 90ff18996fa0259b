"""The criteria of the province ranking, as data, and how they are computed and normalised.

Each criterion is computed from one row per province (the columns of ``INPUT_COLUMNS``, which
the caller reads through the protected query layer), put on its scale, capped for outliers and
normalised so that higher always means more reason to choose the province (min-max over the
ranked provinces for the nominal ranking). A value the data do not give stays missing (NaN);
it is never scored as 0. ``DROPPED`` says why the criteria the ranking no longer has went.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.ranking_measures import (
    GammaPrior,
    academy_reach,
    cap_outliers,
    gamma_prior,
    normalise,
    shrunk_rate,
)
from vocabulary import CURRICULUM_MODULES, POLICY_DAY

_POLICY = f"{POLICY_DAY.day} {POLICY_DAY:%B %Y}"


class RankingInputError(ValueError):
    """The ranking's input frame is not what it expects (the message names the problem)."""


@dataclass(frozen=True)
class Criterion:
    """One criterion: its name, an English label and one-sentence definition, its direction
    ("higher" or "lower": which raw values give more reason to choose the province), its
    default weight and the scale its min-max normalisation works on ("linear", "log", "log1p")."""

    name: str
    label: str
    definition: str
    direction: str
    default_weight: float
    scale: str = "linear"


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "disruption_rate",
        "disruption rate",
        "Incidents in the latest calendar year of data per 1,000 key-population members, as an "
        "empirical-Bayes rate (a province with few members borrows strength from the others, "
        "so a handful of incidents cannot make it the extreme); a higher rate is more reason "
        "to choose the province.",
        "higher",
        0.35,
    ),
    Criterion(
        "disruption_change",
        "change since the policy",
        "The empirical-Bayes disruption rate of the latest calendar year divided by that of "
        f"{POLICY_DAY.year - 1}, the year before the Village/Commune Safety Policy ({_POLICY}); "
        "a larger rise is more reason (on a log scale, so a doubling and a halving are equally "
        "far from no change).",
        "higher",
        0.20,
        "log",
    ),
    Criterion(
        "kp_per_service",
        "key-population members per service point",
        "Key-population members estimated in the province per HIV prevention service point "
        "(one added to the service points, so a province without one stays finite): many "
        "people and few services are more reason (on a log scale). It replaces the size and "
        "the services per member, which measured the same thing twice.",
        "higher",
        0.25,
        "log",
    ),
    Criterion(
        "police_readiness",
        "police readiness",
        "Trained police within reach: for every province with a police academy, its trainees "
        f"× the share of the {CURRICULUM_MODULES} curriculum modules delivered × the pre/post "
        "test gain (post minus pre mean, per 100), counted in full in its own province and "
        "less with distance (e to the power minus distance over 150 km: about a third at "
        "150 km) in the "
        "others; more readiness is more reason (on a log scale).",
        "higher",
        0.20,
        "log1p",
    ),
)
CRITERION_NAMES: tuple[str, ...] = tuple(c.name for c in CRITERIA)
DEFAULT_WEIGHTS: dict[str, float] = {c.name: c.default_weight for c in CRITERIA}


@dataclass(frozen=True)
class ContextMeasure:
    """A measure shown beside the ranking but not scored."""

    name: str
    label: str
    definition: str


PILOT_EFFECT = ContextMeasure(
    "pilot_effect",
    "effect measured in the pilots",
    "The change in arrests and confiscations the evaluation measured in a pilot province's "
    "partnership communes (e.g. -0.40 for a 40 % fall), where it has run. Shown as context, "
    "not scored: a province not yet in the partnership has no measured effect, the pooled "
    "pilot effect is the same for every candidate and so cannot change their order, and "
    "scoring the pilots on their own effect would judge them on a criterion no other "
    "province can have.",
)

#: Criteria the ranking used to have, and why each went (the diagnostics table lists them).
DROPPED: dict[str, str] = {
    "communes_without_partnership": "dropped: every candidate has all its communes without "
    "the partnership (a candidate is a province not yet in it), so it was the same for all "
    "and only re-encoded the partnership when the pilots were ranked",
    "kp_size": "merged into key-population members per service point: with about as many "
    "service points everywhere, the size and the services per member were the same measure "
    "counted twice (Spearman −0.96 among the demo's candidates)",
    "services_per_kp": "merged into key-population members per service point (see the size)",
}

#: The input frame: one row per province. Missing values (NaN) are allowed in every numeric
#: column and make the criteria that need them missing.
INPUT_COLUMNS: dict[str, str] = {
    "province_code": "two-digit province code (text)",
    "name_en": "province name in English",
    "name_km": "province name in Khmer",
    "incidents_12m": "incidents in the latest calendar year of data",
    "incidents_before": f"incidents in {POLICY_DAY.year - 1}, the calendar year before {_POLICY}",
    "kp_size": "key-population members estimated for the latest calendar year",
    "kp_size_before": "key-population members estimated for the calendar year before the policy "
    "(the same as kp_size when only one estimate exists)",
    "services": "HIV prevention service points",
    "communes": "communes in the province",
    "communes_without_partnership": "communes with no partnership activity in the last 12 months",
    "trainees": "trainees of the province's police academies (0 where it has none)",
    "modules_delivered": f"curriculum modules delivered, 0 to {CURRICULUM_MODULES} "
    "(trainee-weighted mean over its academies)",
    "pre_test_mean": "pre-test mean, percent of answers favouring a public-health approach",
    "post_test_mean": "post-test mean, same scale",
}
#: Optional columns: absent, they are added as below.
OPTIONAL_COLUMNS: dict[str, str] = {
    PILOT_EFFECT.name: "effect measured where evaluated, else NaN",
    "kp_low": "the low end of the published key-population estimate (absent: kp_size)",
    "kp_high": "the high end of the published key-population estimate (absent: kp_size)",
    "lon": "longitude of a point inside the province (absent: NaN, no distances)",
    "lat": "latitude of that point",
    "partnership_start": "first month with a partnership activity, ISO date (absent: none)",
}
_TEXT_COLUMNS = ("province_code", "name_en", "name_km")
_NUMERIC_COLUMNS = tuple(c for c in INPUT_COLUMNS if c not in _TEXT_COLUMNS)
_EXTRA_NUMERIC = (PILOT_EFFECT.name, "kp_low", "kp_high", "lon", "lat")
_UPPER_BOUNDS = {
    "modules_delivered": CURRICULUM_MODULES,
    "pre_test_mean": 100,
    "post_test_mean": 100,
}


def check_inputs(frame: pd.DataFrame) -> pd.DataFrame:
    """The input frame checked and cleaned: codes as text, numbers as floats (NaN = missing),
    in the given row order, with the optional columns added when absent.

    Raises RankingInputError naming the missing columns, an empty frame, a repeated province
    code, or the province, column and value of a number that is not a number, is negative,
    exceeds its bound, or counts more communes without partnership than communes."""
    missing = [c for c in INPUT_COLUMNS if c not in frame.columns]
    if missing:
        raise RankingInputError(
            f"ranking input lacks the columns {', '.join(missing)}; "
            f"expected: {', '.join(INPUT_COLUMNS)}"
        )
    if frame.empty:
        raise RankingInputError("ranking input has no provinces")
    out = frame.reset_index(drop=True).copy()
    for column in _TEXT_COLUMNS:
        out[column] = out[column].astype("string").fillna("").astype(object)
    repeated = sorted(set(out["province_code"][out["province_code"].duplicated()]))
    if repeated:
        raise RankingInputError(f"ranking input repeats the provinces {', '.join(repeated)}")
    _add_optional(out)
    problems = [p for c in (*_NUMERIC_COLUMNS, *_EXTRA_NUMERIC) for p in _to_number(out, c)]
    share = out["communes_without_partnership"] > out["communes"]
    problems += [
        f"province {code}: communes_without_partnership exceeds communes"
        for code in out.loc[share, "province_code"]
    ]
    if problems:
        raise RankingInputError("ranking input: " + "; ".join(problems))
    for end in ("kp_low", "kp_high"):
        out[end] = out[end].fillna(out["kp_size"])
    return out


def _add_optional(out: pd.DataFrame) -> None:
    """Add the optional columns that are absent (in place); starts as text or None."""
    for column in _EXTRA_NUMERIC:
        if column not in out.columns:
            out[column] = np.nan
    if "partnership_start" not in out.columns:
        out["partnership_start"] = None
    starts = out["partnership_start"].astype(object)
    cleaned = [None if pd.isna(v) or v == "" else str(v)[:10] for v in starts]
    out["partnership_start"] = pd.Series(cleaned, index=out.index, dtype=object)


def _to_number(out: pd.DataFrame, column: str) -> list[str]:
    """Convert one column to floats in place; the problems found, each naming the province."""
    raw = out[column]
    values = pd.to_numeric(raw, errors="coerce").astype(float)
    problems = [
        f"province {code}, {column}: {value!r} is not a number"
        for code, value in zip(out["province_code"], raw, strict=True)
        if not pd.isna(value) and pd.isna(pd.to_numeric(value, errors="coerce"))
    ]
    out[column] = values
    if column in (PILOT_EFFECT.name, "lon", "lat"):
        return problems
    bound = _UPPER_BOUNDS.get(column)
    for code, value in zip(out["province_code"], values, strict=True):
        if value < 0:
            problems.append(f"province {code}, {column}: {value:g} is negative")
        elif bound is not None and value > bound:
            problems.append(f"province {code}, {column}: {value:g} exceeds {bound}")
    return problems


@dataclass(frozen=True)
class Priors:
    """The empirical-Bayes priors of the disruption rate in each window (per 1,000 members)."""

    latest: GammaPrior
    before: GammaPrior | None


def fit_priors(data: pd.DataFrame) -> Priors | None:
    """The priors fitted over every province of ``data`` (checked input), or None when no
    province has a count and a size in the latest calendar year. Raises nothing."""
    try:
        latest = gamma_prior(_col(data, "incidents_12m"), _col(data, "kp_size") / 1000.0)
    except ValueError:
        return None
    try:
        before = gamma_prior(_col(data, "incidents_before"), _col(data, "kp_size_before") / 1000)
    except ValueError:
        before = None
    return Priors(latest, before)


def _col(data: pd.DataFrame, name: str) -> np.ndarray:
    return data[name].to_numpy(dtype=float)


def count_criteria(
    counts: tuple[np.ndarray, np.ndarray],
    sizes: tuple[np.ndarray, np.ndarray],
    priors: Priors | None,
) -> tuple[np.ndarray, np.ndarray]:
    """The empirical-Bayes disruption rate (per 1,000) and the change ratio from incident
    counts (latest calendar year, the year before the policy; any shape whose last axis is the
    provinces) and the sizes of each window. Missing counts, sizes or priors make them missing.
    Raises nothing."""
    if priors is None:
        nan = np.full(np.broadcast(*counts, *sizes).shape, np.nan)
        return nan, nan
    rate = shrunk_rate(counts[0], sizes[0] / 1000.0, priors.latest)
    if priors.before is None:
        return rate, np.full(rate.shape, np.nan)
    before = shrunk_rate(counts[1], sizes[1] / 1000.0, priors.before)
    with np.errstate(divide="ignore", invalid="ignore"):
        return rate, rate / before


def compute_criteria(frame: pd.DataFrame) -> pd.DataFrame:
    """The value of every criterion (columns ``CRITERION_NAMES``, in their own units) for
    each province (index ``province_code``), NaN where the data do not give it.

    Raises RankingInputError as ``check_inputs`` does."""
    data = check_inputs(frame)
    priors = fit_priors(data)
    counts = (_col(data, "incidents_12m"), _col(data, "incidents_before"))
    sizes = (_col(data, "kp_size"), _col(data, "kp_size_before"))
    rate, change = count_criteria(counts, sizes, priors)
    values = {
        "disruption_rate": rate,
        "disruption_change": change,
        "kp_per_service": kp_per_service(sizes[0], _col(data, "services")),
        "police_readiness": readiness(data),
    }
    index = pd.Index(data["province_code"], name="province_code")
    return pd.DataFrame(values, index=index)[list(CRITERION_NAMES)]


def kp_per_service(kp: np.ndarray, services: np.ndarray) -> np.ndarray:
    """Key-population members per (service points + 1); NaN without a positive size."""
    return np.where(kp > 0, kp / (services + 1.0), np.nan)


def readiness(data: pd.DataFrame) -> np.ndarray:
    """Trained police within reach (``academy_reach``) of each province's academy capacity:
    trainees × modules share × gain; 0 where there are no trainees or no modules, whatever the
    tests say; all missing when no academy data is loaded."""
    col = {c: _col(data, c) for c in ("trainees", "modules_delivered", "pre_test_mean",
                                      "post_test_mean", "lon", "lat")}  # fmt: skip
    gain = np.clip(col["post_test_mean"] - col["pre_test_mean"], 0, None) / 100.0
    capacity = col["trainees"] * col["modules_delivered"] / CURRICULUM_MODULES * gain
    untrained = (col["trainees"] == 0) | (col["modules_delivered"] == 0)
    capacity = np.where(untrained, 0.0, capacity)
    return academy_reach(capacity, col["lon"], col["lat"])


def scaled(values: np.ndarray, criterion: Criterion) -> np.ndarray:
    """Values on the criterion's scale (log, log(1 + x) or as they are). Raises nothing."""
    with np.errstate(divide="ignore", invalid="ignore"):
        if criterion.scale == "log":
            return np.log(np.where(values > 0, values, np.nan))
        if criterion.scale == "log1p":
            return np.log1p(values)
        return np.asarray(values, dtype=float)


def normalise_values(
    values: np.ndarray, criterion: Criterion, candidates: np.ndarray | None = None,
    kind: str = "minmax",
) -> np.ndarray:  # fmt: skip
    """One criterion's values normalised (``ranking_measures.normalise``, minmax by default)
    over the candidates (default all), higher = more reason: on the criterion's scale, capped
    at the outlier bounds, reversed when lower is better. NaN stays NaN. Raises ValueError for
    an unknown kind."""
    values = scaled(values, criterion)
    if criterion.direction == "lower":
        values = -values
    chosen = np.ones(values.shape[-1], bool) if candidates is None else candidates
    capped, _ = cap_outliers(values, chosen)
    return normalise(capped, kind, chosen)


def normalise_criteria(
    raw: pd.DataFrame, candidates: np.ndarray | None = None, kind: str = "minmax"
) -> pd.DataFrame:
    """Every criterion of ``compute_criteria``'s frame normalised by ``normalise_values``.
    Raises KeyError for a missing criterion."""
    return pd.DataFrame(
        {
            c.name: normalise_values(raw[c.name].to_numpy(dtype=float), c, candidates, kind)
            for c in CRITERIA
        },
        index=raw.index,
    )


def capped_counts(raw: pd.DataFrame, candidates: np.ndarray) -> dict[str, int]:
    """How many candidates' values the outlier cap moved, per criterion. Raises KeyError for a
    missing criterion."""
    out = {}
    for c in CRITERIA:
        values = scaled(raw[c.name].to_numpy(dtype=float), c)
        _, changed = cap_outliers(values, candidates)
        out[c.name] = int(np.sum(changed & candidates))
    return out


def aggregate_academies(academies: pd.DataFrame) -> pd.DataFrame:
    """One row per province from the academies file (columns ``province_code``, ``trainees``,
    ``modules_delivered``, ``pre_test_mean``, ``post_test_mean``): trainees summed, modules
    and test means averaged weighting each academy by its trainees (plainly where trainees are
    unknown or zero). Provinces without an academy are absent: the caller gives them 0
    trainees. Raises KeyError when a column is missing."""
    columns = ["modules_delivered", "pre_test_mean", "post_test_mean"]
    rows = []
    for code, group in academies.groupby("province_code", sort=True):
        weights = pd.to_numeric(group["trainees"], errors="coerce")
        row: dict[str, object] = {"province_code": str(code), "trainees": weights.sum(min_count=1)}
        for column in columns:
            values = pd.to_numeric(group[column], errors="coerce")
            usable = weights.notna() & values.notna()
            if usable.any() and weights[usable].sum() > 0:
                row[column] = np.average(values[usable], weights=weights[usable])
            else:
                row[column] = values.mean()
        rows.append(row)
    return pd.DataFrame(rows, columns=["province_code", "trainees", *columns])
