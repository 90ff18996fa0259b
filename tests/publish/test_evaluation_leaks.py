"""The evaluation tried as the attacker of issue 19 tried it, on the demo: the command over every
choice it was run with (each pilot province and all of them; the default types, one type,
every type; every design and window) with ``--json``, and the products the publish stage made
(the page's first view, the headline, the briefing store's copy). A leak is a number that
carries a count: more digits than whole percent, an event-study bin left blank, an estimate on
fewer than the minimum of communes, a group size that is not the groups' communes by role, a
refusal stating a count. None may be found."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import re
from collections import Counter
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import query
from analysis.designs import DESIGNS, WINDOWS, design_groups
from etl.schema import briefing_store_path, products_path
from publish import evaluation_rules as rules
from publish.__main__ import main
from publish.codec import evaluation_from_json
from query.panel import evaluation_panel
from vocabulary import INCIDENT_TYPES, PILOT_PROVINCES, PILOT_TYPES

pytestmark = pytest.mark.integration
DATE = re.compile(r"\b[0-9]{4}-[0-9]{2}\b")
NUMBER = re.compile(r"(?<!least )(?<![0-9])\b[0-9]+\b")


def choices() -> list[list[str]]:
    """The command lines the attacker ran."""
    provinces = [[], *(["--province", p] for p in PILOT_PROVINCES)]
    types = [[], ["--types", PILOT_TYPES[0]], ["--types", ",".join(INCIDENT_TYPES)]]
    return [[*p, *t, "--design", d, "--window", w, "--json"]
            for p, t, d, w in itertools.product(provinces, types, DESIGNS, WINDOWS)]  # fmt: skip


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["evaluate", *argv])
    return code, out.getvalue(), err.getvalue()


def more_than_percent(value: object) -> bool:
    return isinstance(value, float) and abs(value * 100 - round(value * 100)) > 1e-9


def leaks(data: dict, roles: tuple[int, int]) -> Counter:
    """The leaks of one published evaluation (``Evaluation.to_dict`` or the command's JSON),
    whose groups number ``roles`` communes by role."""
    found: Counter = Counter()
    numbers = [data[k] for k in ("effect", "low", "high", "pre_trend_p")]
    numbers += [(data["robustness"] or {}).get(k) for k in ("effect", "low", "high")]
    for row in data["event_study"]:
        numbers += [row[k] for k in ("estimate", "low", "high")]
        found["empty_bins"] += int(row["estimate"] is None)
        found["counts_in_bins"] += int("incidents" in row)
    found["digits"] += sum(more_than_percent(v) for v in numbers)
    sizes = (data["pilot_communes"], data["comparison_communes"])
    found["small_groups"] += int(min(sizes) < rules.MIN_COMMUNES)
    found["group_sizes"] += int(sizes != roles)
    return found


def roles_of(con: duckdb.DuckDBPyConnection, argv: list[str]) -> tuple[int, int]:
    """The pilot and comparison communes by role of a command line's choice (national)."""
    panel = evaluation_panel(con)
    window = rules.calendar_window(argv[argv.index("--window") + 1], panel)
    groups = design_groups(panel, argv[argv.index("--design") + 1], window)
    return len(groups.pilot), len(groups.comparison)


def test_no_run_of_the_command_reveals_a_count(atlas_env: Path) -> None:
    con = query.open_database(atlas_env)
    found: Counter = Counter()
    answered = 0
    try:
        for argv in choices():
            code, out, err = run(argv)
            if code == 0:
                assert "--province" not in argv  # no province is offered alone on the demo
                found += leaks(json.loads(out), roles_of(con, argv))
                answered += 1
            else:
                assert code == 2 and err.startswith("error: ") and err.count("\n") == 1
                found["counts_in_errors"] += int(bool(NUMBER.findall(DATE.sub("", err))))
    finally:
        con.close()
    assert answered == 2 * len(DESIGNS) * len(WINDOWS)  # every design and window, two types
    assert +found == Counter()


def test_the_products_and_the_store_publish_as_the_command_does(atlas_env: Path) -> None:
    con = query.open_database(atlas_env)
    try:
        roles = roles_of(con, ["--design", "shared_shock", "--window", "after_policy"])
    finally:
        con.close()
    products = duckdb.connect(str(products_path(atlas_env)), read_only=True)
    store = duckdb.connect(str(briefing_store_path(atlas_env)), read_only=True)
    try:
        default = products.execute("SELECT result, params FROM evaluation_default").fetchone()
        heads = [c.execute("SELECT * FROM evaluation_headline").df() for c in (products, store)]
    finally:
        products.close()
        store.close()
    page = evaluation_from_json(default[0])
    assert +leaks(page.to_dict(), roles) == Counter()
    assert "incidents" not in page.event_study.columns and json.loads(default[1]) == {}
    pd.testing.assert_frame_equal(heads[0], heads[1])  # the store copies the product
    row = heads[1].iloc[0]
    assert not any(more_than_percent(float(row[k])) for k in ("effect", "low", "high",
                                                               "pre_trend_p"))  # fmt: skip
    assert (row["pilot_communes"], row["comparison_communes"]) == roles
    assert row["first_month"] == "2011-01" and row["low"] <= -0.40 <= row["high"]


def test_a_refusal_from_the_estimator_states_no_count(
    tiny_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the tiny atlas one commune has a start: with the minimum lowered to let it through,
    the estimator refuses (1 pilot commune with incidents, 3 needed) and the atlas says so
    without the numbers."""
    monkeypatch.setenv("ATLAS_DB_PATH", str(tiny_db))
    monkeypatch.setattr(rules, "MIN_COMMUNES", 1)
    code, out, err = run(["--design", "all_communes"])  # four communes without a start
    assert code == 2 and out == ""
    assert err == ("error: too few pilot communes with incidents in the years compared to "
                   "estimate\n")  # fmt: skip
