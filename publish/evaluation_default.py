"""The evaluation page's default view as a product: what the page shows every visitor on its
first load, computed once per build of the facts instead of once per server process.

The default choice (every pilot province, arrests and confiscations, the default design and
window), its evaluation with the event study and its checks (the robustness line, the drift
check, the negative control, the verdict), the groups it compares, the robustness line alone,
each group's published twelve-month counts, the demo's planted effect and whether the data are
synthetic; or, when the data cannot answer, the reason as a code with its parameters. The page
(``ui.evaluation_view``) draws it exactly as it draws an evaluation it computes itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import duckdb
import pandas as pd

import query
from analysis.designs import DEFAULT_DESIGN, DEFAULT_WINDOW, Groups, InsufficientDataError
from analysis.evaluation import Evaluation, Robustness
from publish.codec import (
    dumps,
    evaluation_from_json,
    evaluation_to_json,
    groups_from_json,
    robustness_from_json,
)
from publish.evaluation import atlas_groups, evaluate_atlas
from publish.evaluation_rules import MIN_COMMUNES
from publish.product import Inputs, Reader, Table, first_row
from query import explore, filter_table, panel, published
from query.view import ALL, Filters
from vocabulary import INCIDENT_TYPES, PILOT_TYPES

GROUPS = ("pilot", "comparison")
#: The one-row table's columns and types (JSON texts where the value is structured).
DEFAULT_COLUMNS = {
    "choice": "VARCHAR", "status": "VARCHAR", "code": "VARCHAR", "params": "VARCHAR",
    "result": "VARCHAR", "groups": "VARCHAR", "robustness": "VARCHAR", "small_groups": "VARCHAR",
    "planted": "DOUBLE", "synthetic": "BOOLEAN",
}  # fmt: skip


def grid_choice(types: tuple[str, ...]) -> str | None:
    """The publication grid's incident-type choice that stands for exactly ``types`` (all,
    arrests and confiscations, or one type: the filter table's), None when the grid offers
    none."""
    return filter_table.INCIDENT_TYPE.choice_for(types)


@dataclass(frozen=True)
class DefaultEvaluation:
    """The page's default view as published: the ``choice`` it answers (``provinces``,
    ``types``, ``design``, ``window``), ``status`` ("estimate", "no_estimate" or "no_choice"
    when no province has a start), the reason's ``code`` and ``params`` when there is no
    estimate, and what the page draws."""

    choice: dict
    status: str
    code: str | None
    params: dict
    result: Evaluation | None
    groups: Groups | None
    robustness: Robustness | None
    series: dict[str, pd.DataFrame | None]
    planted: float | None
    synthetic: bool


def default_choice(con: duckdb.DuckDBPyConnection) -> dict:
    """The page's first choice on these facts (the values its widgets start from)."""
    return {"provinces": sorted(panel.pilot_provinces(con)),
            "types": [v for v in INCIDENT_TYPES if v in PILOT_TYPES],
            "design": DEFAULT_DESIGN, "window": DEFAULT_WINDOW}  # fmt: skip


def _series(
    con: duckdb.DuckDBPyConnection, groups: Groups, types: list[str]
) -> tuple[pd.DataFrame, list[str]]:
    """Each group's published counts (``published.group_series``, as the page reads them),
    and the groups too small to be shown on the commune grid."""
    bounds = explore.month_range(con)
    filters = Filters(bounds[0], incident_type=grid_choice(tuple(types)) or ALL)
    frames, small = [], []
    for key, ids in zip(GROUPS, (groups.pilot, groups.comparison), strict=True):
        try:
            frames.append(published.group_series(con, filters, bounds, ids).assign(group=key))
        except ValueError:
            small.append(key)
    return (pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()), small


def make_default_evaluation(inputs: Inputs) -> dict[str, Table]:
    """The product's tables: ``evaluation_default`` (one row, ``DEFAULT_COLUMNS``) and
    ``evaluation_series`` (the groups' counts, with a ``group`` column).

    Raises:
        ValueError, RuntimeError, ArithmeticError: if the estimator fails on these data (the
            stage records it as the product's reason).
    """
    con = inputs.con
    choice = default_choice(con)
    row: dict = dict.fromkeys(DEFAULT_COLUMNS)
    row |= {"choice": dumps(choice), "params": "{}", "planted": panel.planted_effect(con),
            "synthetic": query.is_synthetic(con), "status": "no_choice"}  # fmt: skip
    series = pd.DataFrame()
    args = (choice["provinces"], choice["types"], choice["design"], choice["window"])
    if choice["provinces"]:
        try:
            result = evaluate_atlas(con, *args, robustness=True)
            groups = atlas_groups(con, choice["provinces"], choice["design"], choice["window"])
        except InsufficientDataError as exc:
            row |= {"status": "no_estimate", "code": exc.code, "params": dumps(exc.params)}
        else:
            series, small = _series(con, groups, choice["types"])
            row |= {"status": "estimate", "result": evaluation_to_json(result),
                    "groups": dumps(groups), "robustness": dumps(result.robustness),
                    "small_groups": dumps(small)}  # fmt: skip
    return {"evaluation_default": pd.DataFrame([row]), "evaluation_series": series}


def read_default(row_frame: pd.DataFrame, series: pd.DataFrame | None) -> DefaultEvaluation:
    """The product read back from its two tables (as ``query.products.product_table`` gives
    them)."""
    row = first_row(row_frame)
    estimate = row["status"] == "estimate"
    small = json.loads(row["small_groups"]) if estimate else []
    by_group: dict[str, pd.DataFrame | None] = {}
    for key in GROUPS:
        part = None if series is None or key in small else series[series["group"] == key]
        by_group[key] = None if part is None else part.drop(columns="group").reset_index(drop=True)
    return DefaultEvaluation(
        choice=json.loads(row["choice"]), status=row["status"], code=row["code"],
        params=json.loads(row["params"] or "{}"),
        result=evaluation_from_json(row["result"]) if estimate else None,
        groups=groups_from_json(row["groups"]) if estimate else None,
        robustness=robustness_from_json(row["robustness"]) if estimate else None,
        series=by_group, planted=row["planted"], synthetic=bool(row["synthetic"]),
    )  # fmt: skip


def check_groups_apart(read: Reader) -> str | None:
    """No commune is both a pilot and a comparison commune in the published groups."""
    row = first_row(read("evaluation_default"))
    if row["status"] != "estimate":
        return None
    groups = groups_from_json(row["groups"])
    both = set(groups.pilot) & set(groups.comparison)
    return f"{len(both)} communes are in both groups" if both else None


def _whole_percent(value: object) -> bool:
    return not isinstance(value, float) or abs(value * 100 - round(value * 100)) < 1e-9


def unpublished(result: Evaluation) -> str | None:
    """What in ``result`` is not as ``publish.evaluation_rules`` publishes it (a number not in
    whole percent, an event-study bin without its estimate or with its counts, a group under
    the minimum), or None. A view made by an older atlas is read through it too."""
    data = result.to_dict()
    numbers = [data[k] for k in ("effect", "low", "high", "pre_trend_p")]
    numbers += check_numbers(data)
    if "incidents" in result.event_study.columns:
        return "the event study holds its incident counts"
    for bin_row in data["event_study"]:
        if bin_row["estimate"] is None:
            return f"event-study bin {bin_row['label']} has no estimate"
        numbers += [bin_row[k] for k in ("estimate", "low", "high")]
    if not all(_whole_percent(v) for v in numbers):
        return "a number is not in whole percent"
    if min(data["pilot_communes"], data["comparison_communes"]) < MIN_COMMUNES:
        return "an estimate on fewer communes than the minimum"
    return None


def check_numbers(data: dict) -> list[object]:
    """The numbers of an evaluation's checks (``Evaluation.to_dict``: the robustness line, the
    drift check, the negative control), each of which is published to whole percent or, for
    the breakdown value and the p-value, 2 digits."""
    parts = {"robustness": ("effect", "low", "high"),
             "sensitivity": ("effect", "low", "high", "pre_slope", "breakdown"),
             "negative_control": ("effect", "low", "high", "p", "adjusted_effect",
                                  "adjusted_low", "adjusted_high")}  # fmt: skip
    return [(data[part] or {}).get(k) for part, keys in parts.items() for k in keys]


def check_evaluation_published(read: Reader) -> str | None:
    """The view's numbers are as ``publish.evaluation_rules`` publishes them (``unpublished``)
    and the reason's parameters hold no count."""
    row = first_row(read("evaluation_default"))
    if "n" in json.loads(row["params"] or "{}"):
        return "the reason's parameters hold a count"
    if row["status"] != "estimate":
        return None
    return unpublished(evaluation_from_json(row["result"]))


def check_series_published(read: Reader) -> str | None:
    """Every count of the groups' series reads as the protection layer publishes it: a count
    below the threshold never shows its value."""
    series = read("evaluation_series")
    if series.empty:
        return None
    leaked = series[(series["state"] == "small") & series["count"].notna()]
    return f"{len(leaked)} small counts carry their value" if len(leaked) else None
