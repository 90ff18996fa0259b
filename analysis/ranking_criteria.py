"""The criteria of the province ranking, as data, and how they are computed and normalised.

Each criterion is computed from one row per province (the columns of ``INPUT_COLUMNS``, which
the caller reads through the protected query layer) and normalised to [0, 1] so that higher
always means more reason to choose the province: min-max over the provinces given (on the
criterion's scale, reversed for a criterion where less means more need). A value the data do
not give stays missing (NaN); it is never scored as 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from vocabulary import CURRICULUM_MODULES, POLICY_DAY

_POLICY = f"{POLICY_DAY.day} {POLICY_DAY:%B %Y}"
#: Added to each incident count in the change ratio, so that a zero gives a finite ratio.
CONTINUITY = 0.5


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
        "Incidents in the latest calendar year of data per 1,000 key-population members (the "
        "province's size estimate); a higher rate is more reason to choose the province.",
        "higher",
        0.25,
    ),
    Criterion(
        "disruption_change",
        "change since the policy",
        "The disruption rate of the latest calendar year divided by that of "
        f"{POLICY_DAY.year - 1}, the year before the Village/Commune Safety Policy ({_POLICY}), "
        "with half an incident added to each count so a small count stays finite; a larger rise "
        "is more reason (normalised on a log scale, so a doubling and a halving are equally far "
        "from no change).",
        "higher",
        0.15,
        "log",
    ),
    Criterion(
        "kp_size",
        "key-population size",
        "Key-population members estimated in the province (summed over the populations that "
        "have an estimate); more people within the partnership's reach is more reason "
        "(on a log scale, so the largest province does not flatten the others).",
        "higher",
        0.15,
        "log1p",
    ),
    Criterion(
        "services_per_kp",
        "services per key-population member",
        "HIV prevention service points per 1,000 key-population members; fewer services mean "
        "more need, so a lower value is more reason (the normalisation reverses it).",
        "lower",
        0.15,
    ),
    Criterion(
        "communes_without_partnership",
        "communes without partnership",
        "Share of the province's communes with no partnership activity in the last 12 months "
        "of data; more communes left to reach is more reason.",
        "higher",
        0.15,
    ),
    Criterion(
        "police_readiness",
        "police readiness",
        "Trainees of the province's police academies × the share of the "
        f"{CURRICULUM_MODULES} curriculum modules delivered × the pre/post test gain (post "
        "minus pre mean, per 100): a trained academy makes the province ready to take the "
        "partnership, so more readiness is more reason; a province without an academy scores "
        "0, not missing (on a log scale).",
        "higher",
        0.15,
        "log1p",
    ),
)
CRITERION_NAMES: tuple[str, ...] = tuple(c.name for c in CRITERIA)
DEFAULT_WEIGHTS: dict[str, float] = {c.name: c.default_weight for c in CRITERIA}
#: The criteria recomputed from drawn incident counts in the uncertainty analysis.
COUNT_CRITERIA = ("disruption_rate", "disruption_change")


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

#: The input frame: one row per province. Missing values (NaN) are allowed in every numeric
#: column and make the criteria that need them missing.
INPUT_COLUMNS: dict[str, str] = {
    "province_code": "two-digit province code (text)",
    "name_en": "province name in English",
    "name_km": "province name in Khmer",
    "incidents_12m": "incidents in the latest calendar year of data",
    "incidents_before": f"incidents in 2009, the calendar year before {_POLICY}",
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
#: Optional: the effect measured in the pilots (context only, see PILOT_EFFECT).
OPTIONAL_COLUMNS: dict[str, str] = {PILOT_EFFECT.name: "effect measured where evaluated, else NaN"}
_TEXT_COLUMNS = ("province_code", "name_en", "name_km")
_NUMERIC_COLUMNS = tuple(c for c in INPUT_COLUMNS if c not in _TEXT_COLUMNS)
_UPPER_BOUNDS = {
    "modules_delivered": CURRICULUM_MODULES,
    "pre_test_mean": 100,
    "post_test_mean": 100,
}


def check_inputs(frame: pd.DataFrame) -> pd.DataFrame:
    """The input frame checked and cleaned: codes as text, numbers as floats (NaN = missing),
    in the given row order, with the optional pilot effect column added as NaN if absent.

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
    if PILOT_EFFECT.name not in out.columns:
        out[PILOT_EFFECT.name] = np.nan
    problems = [p for c in (*_NUMERIC_COLUMNS, PILOT_EFFECT.name) for p in _to_number(out, c)]
    share = out["communes_without_partnership"] > out["communes"]
    problems += [
        f"province {code}: communes_without_partnership exceeds communes"
        for code in out.loc[share, "province_code"]
    ]
    if problems:
        raise RankingInputError("ranking input: " + "; ".join(problems))
    return out


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
    if column == PILOT_EFFECT.name:
        return problems
    bound = _UPPER_BOUNDS.get(column)
    for code, value in zip(out["province_code"], values, strict=True):
        if value < 0:
            problems.append(f"province {code}, {column}: {value:g} is negative")
        elif bound is not None and value > bound:
            problems.append(f"province {code}, {column}: {value:g} exceeds {bound}")
    return problems


def count_criteria(
    incidents_12m: np.ndarray,
    incidents_before: np.ndarray,
    kp_size: np.ndarray,
    kp_size_before: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """The disruption rate (per 1,000) and the change ratio from incident counts (any shape
    whose last axis is the provinces: observed counts, or a stack of drawn ones). A size of 0
    or NaN makes both missing. Raises nothing."""
    with np.errstate(divide="ignore", invalid="ignore"):
        kp = np.where(kp_size > 0, kp_size, np.nan)
        kp_before = np.where(kp_size_before > 0, kp_size_before, np.nan)
        rate = incidents_12m / kp * 1000.0
        change = ((incidents_12m + CONTINUITY) / kp) / ((incidents_before + CONTINUITY) / kp_before)
    return rate, change


def compute_criteria(frame: pd.DataFrame) -> pd.DataFrame:
    """The raw value of every criterion (columns ``CRITERION_NAMES``, in their own units) for
    each province (index ``province_code``), NaN where the data do not give it.

    Raises RankingInputError as ``check_inputs`` does."""
    data = check_inputs(frame)
    col = {c: data[c].to_numpy(dtype=float) for c in _NUMERIC_COLUMNS}
    rate, change = count_criteria(
        col["incidents_12m"], col["incidents_before"], col["kp_size"], col["kp_size_before"]
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        kp = np.where(col["kp_size"] > 0, col["kp_size"], np.nan)
        communes = np.where(col["communes"] > 0, col["communes"], np.nan)
        services = col["services"] / kp * 1000.0
        without = col["communes_without_partnership"] / communes
    values = {
        "disruption_rate": rate,
        "disruption_change": change,
        "kp_size": col["kp_size"],
        "services_per_kp": services,
        "communes_without_partnership": without,
        "police_readiness": _readiness(col),
    }
    index = pd.Index(data["province_code"], name="province_code")
    return pd.DataFrame(values, index=index)[list(CRITERION_NAMES)]


def _readiness(col: Mapping[str, np.ndarray]) -> np.ndarray:
    """Trainees × modules share × gain; 0 where there are no trainees or no modules, whatever
    the tests say (a province without an academy is not ready, and that is known)."""
    gain = np.clip(col["post_test_mean"] - col["pre_test_mean"], 0, None) / 100.0
    readiness = col["trainees"] * col["modules_delivered"] / CURRICULUM_MODULES * gain
    untrained = (col["trainees"] == 0) | (col["modules_delivered"] == 0)
    return np.where(untrained, 0.0, readiness)


def normalise_values(values: np.ndarray, criterion: Criterion) -> np.ndarray:
    """One criterion's raw values normalised to [0, 1], higher = more reason: min-max over the
    last axis (the provinces), on the criterion's scale, reversed when lower is better. NaN
    stays NaN; where every present value is equal, they all get 0.5 (the criterion separates
    no province). Raises nothing."""
    with np.errstate(divide="ignore", invalid="ignore"):
        if criterion.scale == "log":
            scaled = np.log(values)
        elif criterion.scale == "log1p":
            scaled = np.log1p(values)
        else:
            scaled = np.asarray(values, dtype=float)
    present = ~np.isnan(scaled)
    low = np.min(np.where(present, scaled, np.inf), axis=-1, keepdims=True)
    high = np.max(np.where(present, scaled, -np.inf), axis=-1, keepdims=True)
    span = high - low
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(span > 0, (scaled - low) / span, 0.5)
    if criterion.direction == "lower":
        out = 1.0 - out
    return np.where(present, np.clip(out, 0.0, 1.0), np.nan)


def normalise_criteria(raw: pd.DataFrame) -> pd.DataFrame:
    """Every criterion of ``compute_criteria``'s frame normalised by ``normalise_values``
    (the provinces of the frame set the bounds). Raises KeyError for a missing criterion."""
    return pd.DataFrame(
        {c.name: normalise_values(raw[c.name].to_numpy(dtype=float), c) for c in CRITERIA},
        index=raw.index,
    )


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
