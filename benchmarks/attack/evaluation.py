"""Attack (d): what the evaluation command and the About page reveal of true counts.

The attacker runs the evaluation command (``EVALUATE``: one constant, ``python -m publish
evaluate`` today) over the sample choices it accepts (each pilot province and all of them;
the default types, one type, every type; every design and window: the values its ``--help``
lists, read from the command's own parser) with ``--json``, and reads the About page's tables
(``query.load_summary``, ``query.quarantine_reasons`` as the page formats them for every role
but the admin: ``query.file_counts``). A *leak* is
one shown thing that carries a count the protection does not publish, by kind:

- ``digits``: an estimate, interval end, event-study point, robustness figure or p-value
  printed with more digits than whole percent (16 digits are a function of the true panel);
- ``empty_bins``: an event-study bin without an estimate (no incident: a true zero);
- ``small_groups``: a run estimated on fewer pilot or comparison communes than the threshold;
- ``group_sizes``: a run printing group sizes other than its communes by role (which the
  evaluation page's map shows anyway): those of communes with incidents, say;
- ``counts_in_errors``: an error message that states a count (``2 with incidents in ...``);
- ``about_exact``: a file count on the About page shown exactly (``about_small``: 1 to 4).
"""

from __future__ import annotations

import contextlib
import importlib
import io
import itertools
import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import query
from benchmarks.attack.pool import run_tasks
from publish.evaluation import offered
from query.file_counts import STEP, file_count_text
from vocabulary import INCIDENT_TYPES, PILOT_PROVINCES, PILOT_TYPES

#: The evaluation command: ``python -m`` this module, then this subcommand.
EVALUATE = ("publish", "evaluate")
#: The estimate fields of the command's JSON, and those of each event-study bin.
ESTIMATES = ("effect", "low", "high", "pre_trend_p")
BIN_ESTIMATES = ("estimate", "low", "high")
_DATE = re.compile(r"\b[0-9]{4}-[0-9]{2}\b")
_COUNT = re.compile(r"(?<!least )(?<![0-9])\b[0-9]+\b")


def offered_values(option: str) -> tuple[str, ...]:
    """The values the evaluation command's parser accepts for ``option`` (``--design``)."""
    module = importlib.import_module(f"{EVALUATE[0]}.__main__")
    parser = module._parser()
    for action in parser._actions:
        for name, sub in (getattr(action, "choices", None) or {}).items():
            if name != EVALUATE[1] or not hasattr(sub, "_actions"):
                continue
            for item in sub._actions:
                if option in item.option_strings:
                    return tuple(item.choices or ())
    return ()


def sample_choices() -> list[list[str]]:
    """The command lines tried: each pilot province and all, three sets of types, every
    design and window."""
    provinces = [[], *(["--province", p] for p in PILOT_PROVINCES)]
    types = [[], ["--types", PILOT_TYPES[0]], ["--types", ",".join(INCIDENT_TYPES)]]
    out = []
    designs, windows = offered_values("--design"), offered_values("--window")
    for p, t, d, w in itertools.product(provinces, types, designs, windows):
        out.append([*p, *t, "--design", d, "--window", w, "--json"])
    return out


def run_command(db_path: Path, argv: list[str]) -> tuple[int, str, str]:
    """Run the evaluation command in this process as the command line would: exit code,
    standard output, standard error."""
    module = importlib.import_module(f"{EVALUATE[0]}.__main__")
    out, err = io.StringIO(), io.StringIO()
    before = os.environ.get("ATLAS_DB_PATH")
    os.environ["ATLAS_DB_PATH"] = str(db_path)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = module.main([*EVALUATE[1:], *argv])
    finally:
        if before is None:
            os.environ.pop("ATLAS_DB_PATH", None)
        else:
            os.environ["ATLAS_DB_PATH"] = before
    return code, out.getvalue(), err.getvalue()


def _more_than_percent(value: object) -> bool:
    return isinstance(value, float) and abs(value * 100 - round(value * 100)) > 1e-9


def output_leaks(data: dict, threshold: int, roles: tuple[int, int] | None = None) -> Counter:
    """The leaks of one run's JSON (``roles``: its pilot and comparison communes by role; None:
    any group size printed is counted as a leak)."""
    found: Counter = Counter()
    found["digits"] += sum(_more_than_percent(data.get(k)) for k in ESTIMATES)
    robustness = data.get("robustness") or {}
    found["digits"] += sum(_more_than_percent(robustness.get(k)) for k in ("effect", "low",
                                                                          "high"))  # fmt: skip
    for row in data.get("event_study", []):
        found["digits"] += sum(_more_than_percent(row.get(k)) for k in BIN_ESTIMATES)
        found["empty_bins"] += int(row.get("estimate") is None and not row.get("reference"))
    sizes = [data.get("pilot_communes"), data.get("comparison_communes")]
    printed = any(isinstance(n, int) for n in sizes)
    found["group_sizes"] += int(printed and (roles is None or tuple(sizes) != roles))
    found["small_groups"] += int(any(isinstance(n, int) and n < threshold for n in sizes))
    return found


def error_leaks(message: str) -> Counter:
    """The leaks of one error message: the counts it states (dates and the thresholds it
    names, ``at least N``, are not counts)."""
    return Counter({"counts_in_errors": int(bool(_COUNT.findall(_DATE.sub("", message))))})


def about_leaks(db_path: Path, threshold: int) -> Counter:
    """The About page's file counts: shown exactly, and of those 1 to 4."""
    con = query.open_database(db_path)
    try:
        loads = query.load_summary(con)
        reasons = query.quarantine_reasons(con)
    finally:
        con.close()
    numbers = loads[["rows_read", "rows_loaded", "rows_quarantined"]].to_numpy().ravel()
    numbers = [*numbers, *reasons["rows"]]
    shown = [file_count_text(int(n), exact=False).replace(",", "") for n in numbers]
    exact = [n for n, text in zip(numbers, shown, strict=True) if text == str(int(n))
             and int(n) % STEP]  # fmt: skip
    small = [text for text in shown if text.isdigit() and 0 < int(text) < threshold]
    return Counter({"about_exact": len(exact), "about_small": len(small)})


_DB: Path | None = None


def _use(db_path: Path) -> None:
    global _DB
    _DB = db_path


def _leaks_of(task: tuple[list[str], int]) -> Counter:
    argv, threshold = task
    assert _DB is not None
    code, out, err = run_command(_DB, argv)
    if code == 0:
        data = json.loads(out)
        return output_leaks(data, threshold, _roles(argv, data.get("types") or ()))
    return error_leaks(err)


def _roles(argv: list[str], types: Sequence[str]) -> tuple[int, int] | None:
    """The pilot and comparison communes by role of a command line's choice, as the command
    forms its groups (``publish.evaluation.offered``); None if it cannot be formed."""
    assert _DB is not None
    provinces = [argv[i + 1] for i, a in enumerate(argv) if a == "--province"] or None
    design, window = argv[argv.index("--design") + 1], argv[argv.index("--window") + 1]
    con = query.open_database(_DB)
    try:
        groups = offered(con, provinces, tuple(types), design, window).groups
    except (ValueError, RuntimeError):
        return None
    finally:
        con.close()
    return len(groups.pilot), len(groups.comparison)


def evaluation_leaks(db_path: Path, threshold: int, jobs: int = 1) -> tuple[Counter, int]:
    """Every leak found over the sample choices and the About page, by kind, and the runs."""
    found: Counter = Counter()
    runs = sample_choices()
    for leaks in run_tasks(_leaks_of, [(argv, threshold) for argv in runs], jobs, _use,
                           (db_path,)):  # fmt: skip
        found += leaks
    return found + about_leaks(db_path, threshold), len(runs)
