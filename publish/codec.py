"""Structured products as JSON text and back, without loss: an evaluation (its event study as
a table), the groups it compares, its robustness line, a ranking.

Floats are written as Python writes them (``repr`` round-trips; NaN as ``NaN``), months as ISO
dates, so what a page reads back draws exactly what the stage computed.
"""

from __future__ import annotations

import dataclasses
import json

import pandas as pd

from analysis.designs import Groups
from analysis.evaluation import Evaluation, Robustness, Sensitivity
from analysis.ranking import Ranking
from analysis.ranking_diagnostics import from_dict as diagnostic_from_dict
from analysis.ranking_result import Explanation, InPartnership, LeaderReason, ProvinceRank
from analysis.verdict import Control


def _plain(value: object) -> object:
    """Dataclasses, tuples and numpy scalars as JSON values, all the way down."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, str):  # a numpy scalar
        return value.item()
    return value


def frame_to_plain(frame: pd.DataFrame) -> dict:
    """A DataFrame as columns, their dtypes and rows of plain values."""
    columns = [str(c) for c in frame.columns]
    rows = [[_plain(v) for v in row] for row in frame.itertuples(index=False)]
    return {"columns": columns, "dtypes": {c: str(frame[c].dtype) for c in columns}, "rows": rows}


def frame_from_plain(data: dict) -> pd.DataFrame:
    """``frame_to_plain`` read back (same columns, same dtypes)."""
    return pd.DataFrame(data["rows"], columns=data["columns"]).astype(data["dtypes"])


def dumps(value: object) -> str:
    """``value`` (a dataclass, a dict, a list ...) as JSON text."""
    return json.dumps(_plain(value), ensure_ascii=False)


def evaluation_to_json(result: Evaluation) -> str:
    """An evaluation as JSON text (``evaluation_from_json`` reads it back)."""
    data = {f.name: getattr(result, f.name) for f in dataclasses.fields(result)}
    data["event_study"] = frame_to_plain(result.event_study)
    return dumps(data)


def evaluation_from_json(text: str) -> Evaluation:
    """``evaluation_to_json`` read back."""
    data = json.loads(text)
    robustness = data["robustness"]
    return dataclasses.replace(
        Evaluation(**{**data, "robustness": None}),
        first_month=pd.Timestamp(data["first_month"]),
        last_month=pd.Timestamp(data["last_month"]),
        provinces=tuple(data["provinces"]),
        event_study=frame_from_plain(data["event_study"]),
        robustness=None if robustness is None else Robustness(**robustness),
        notes=tuple(data["notes"]),
        sensitivity=_read(Sensitivity, data.get("sensitivity")),
        negative_control=_read(Control, data.get("negative_control")),
        verdict_reasons=tuple(data.get("verdict_reasons", ())),
    )


def _read(kind: type, data: dict | None) -> object:
    """A result dataclass read back from its fields (lists become tuples; None stays)."""
    if data is None:
        return None
    return kind(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


def groups_from_json(text: str) -> Groups:
    """A ``Groups`` written by ``dumps`` read back."""
    data = json.loads(text)
    return Groups(
        pilot=tuple(data["pilot"]),
        comparison=tuple(data["comparison"]),
        starts={unit: pd.Timestamp(day) for unit, day in data["starts"].items()},
        first_month=pd.Timestamp(data["first_month"]),
        last_month=pd.Timestamp(data["last_month"]),
    )


def robustness_from_json(text: str) -> Robustness | None:
    """A robustness line written by ``dumps`` read back (None stays None)."""
    data = json.loads(text)
    return None if data is None else Robustness(**data)


def ranking_from_json(text: str) -> Ranking:
    """A ``Ranking`` written by ``dumps`` read back."""
    data = json.loads(text)
    provinces = tuple(
        ProvinceRank(**{**p, "missing": tuple(p["missing"])}) for p in data["provinces"]
    )
    explanation = data["explanation"]
    leaders = tuple(
        LeaderReason(**{**r, "contributions": tuple((n, v) for n, v in r["contributions"]),
                        "main": tuple(r["main"])})
        for r in explanation["leaders"]
    )  # fmt: skip
    return Ranking(
        **{**data, "provinces": provinces, "excluded": tuple(data["excluded"]),
           "explanation": Explanation(leaders, explanation["median_province"],
                                      explanation["sentence"]),
           "partnership": tuple(InPartnership(**p) for p in data.get("partnership", ())),
           "diagnostics": tuple(diagnostic_from_dict(d) for d in data.get("diagnostics", ()))},
    )  # fmt: skip
