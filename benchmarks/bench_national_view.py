"""Measure: how much of the national map's land carries a colour above the lowest disruption
class, at each level and measure, with the class rule the map uses beside the rule it replaced
(terciles forced apart: the top break could pass the highest value), in the same run.

Run: .venv/bin/python -m benchmarks.bench_national_view [--db PATH]

A web map's pixels are proportional to area in Web Mercator (EPSG:3857), so the share of the
land's pixels in a class is the share of the units' Mercator area in it. Each line also prints
how many units each class holds (a class no unit reaches prints 0). The numbers are the
published ones (``query.published.units``), as the map colours them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

import config
import query
from query import explore, published
from query.classes import disruption_classes
from query.links import default_filters


def replaced_rule(units: pd.DataFrame, measure: str, threshold: int) -> np.ndarray:
    """The classes of the rule this branch replaced (terciles, the top break forced to at least
    1.5 times the low one for rates, one above it for counts), for comparison."""
    values, shown, floor = (
        (units["count"], units["state"] == "shown", float(threshold))
        if measure == "count"
        else (units["rate"], units["rate_state"] == "shown", 0.0)
    )
    visible = values[shown].to_numpy(dtype=float)
    low, high = np.quantile(visible, [1 / 3, 2 / 3]) if len(visible) else (floor, 2 * floor)
    if measure == "count":
        low, high = np.ceil(low), np.ceil(high)
    low = max(float(low), floor)
    high = max(float(high), low + (1.0 if measure == "count" else max(low * 0.5, 0.1)))
    number = values.fillna(0).to_numpy(dtype=float)
    return np.select([shown & (number >= high), shown & (number >= low)], [2, 1], default=0)


def _line(name: str, classes: np.ndarray, area: np.ndarray) -> str:
    share = area[classes >= 1].sum() / area.sum()
    counts = np.bincount(np.clip(classes, 0, None), minlength=3)
    low, middle, high = counts
    return f"{name:<24} {share:7.1%}   low {low:>5}  middle {middle:>4}  high {high:>4}"


def main(argv: list[str] | None = None) -> None:
    """Print the shares for the database ``--db`` (default: ``ATLAS_DB_PATH``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path(config.get("ATLAS_DB_PATH")))
    args = parser.parse_args(argv)
    con = duckdb.connect(str(args.db), read_only=True)
    filters = default_filters(explore.month_range(con))
    limit = published.threshold()
    print(f"national view {filters.start:%Y-%m}: share of land above the lowest class")
    for level in ("commune", "district", "province"):
        layer = query.unit_layer(con, level, None)
        area = layer.to_crs(3857).area.to_numpy()
        units = published.units(con, filters, level)
        for measure in ("count", "rate"):
            before = replaced_rule(units, measure, limit)
            after = disruption_classes(units, measure, limit)[0].to_numpy()
            print(_line(f"{level} {measure} before", before, area))
            print(_line(f"{level} {measure} after", after, area))


if __name__ == "__main__":
    main()
