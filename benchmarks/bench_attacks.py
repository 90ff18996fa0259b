"""The attack suite's figures (issue 19): for each demo seed, every attack's hit rate on the
small cells (true 1 to 4) it reads, at commune, district and province level, next to a blind
guess (always the most common true small value), its advantage in points, and the cells it
pins (each checked against the truth); for the analysts' export (everything) and for the
briefing store alone; and the leaks of the evaluation command and the About page.

Run: .venv/bin/python -m benchmarks.bench_attacks --seeds 31 [--incidents N] [--mix-spread S]
[--jobs 2]

Each seed's demo set is built from the real boundaries in a temporary folder, then attacked
through ``query.export`` with every link the grid offers (``benchmarks.attack``; how each
attack works: docs/attacks.md).
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.attack.evaluation import EVALUATE, evaluation_leaks
from benchmarks.attack.geography import official_codes
from benchmarks.attack.run import Outcome, run_groups, run_source
from etl import build
from etl.schema import briefing_store_path
from publish.stage import publish

#: Seeds the project's tests and documents use: the benchmark warns (issue 19 asks for demo
#: sets the project has never seen).
KNOWN_SEEDS = (2010, 7, 42)


def build_demo(seed: int, folder: Path, incidents: int | None) -> Path:
    """Build the demo set of ``seed`` (and ``incidents`` incidents) in ``folder`` and publish
    its products (the briefing store among them), with a record-key secret of its own.

    Raises:
        RuntimeError: if a product the attacker reads (the briefing store) was not made.
    """
    os.environ["ATLAS_DEMO_SEED"] = str(seed)
    os.environ["ATLAS_SECRET_FILE"] = str(folder / "secret" / "record_keys.secret")
    os.environ["ATLAS_AUDIT_LOG"] = str(folder / "audit.jsonl")
    if incidents is not None:
        os.environ["ATLAS_DEMO_INCIDENTS"] = str(incidents)
    result = build.build(db_path=folder / "atlas.duckdb", report_dir=folder / "reports",
                         demo_dir=folder / "demo")  # fmt: skip
    stage = publish(result.db_path)
    failed = [r.name for r in stage.records if r.status != "made"]
    if "briefing_store" in failed:
        raise RuntimeError(f"the publish stage did not make {', '.join(failed)}")
    return result.db_path


LEVELS = ("commune", "district", "province", "group")


def print_scores(seed: int, source: str, scores: list) -> None:
    """One Markdown table of a source: per attack and level, the small cells (true 1 to 4)
    read, the blind guess's hits, the attack's advantage, its pins and its wrong pins."""
    print(f"\nseed {seed} · {source}\n")
    print(
        "| attack | level | small cells (true 1-4) read | blind guess hits | attack's hits "
        "| attack's advantage | pinned cells | wrong pins |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for s in sorted(scores, key=lambda s: LEVELS.index(s.level)):
        print(f"| {s.attack} | {s.level} | {s.targets:,} | {s.blind_rate:.1%} | "
              f"{s.hit_rate:.1%} | {s.advantage:+.1f} points | {s.pinned:,} | "
              f"{s.wrong_pins:,} |")  # fmt: skip


def print_outcome(seed: int, outcome: Outcome) -> None:
    """A source's model, its table of scores and the seconds each step took."""
    if outcome.model is not None:
        print(f"\nseed {seed} · {outcome.source}: the model derived from what was read: "
              f"{outcome.model.describe()} (read {outcome.mode}; {outcome.refused:,} of "
              f"{outcome.links:,} views refused)")  # fmt: skip
    print_scores(seed, outcome.source, outcome.scores)
    for z in outcome.zero_or_few:
        print(
            f"\nseed {seed} · {outcome.source} · {z.level}: equal readings of nested pairs "
            f"tell an empty rest from 1 to 4 in {z.right:,} of {z.pairs:,} pairs, a blind "
            f"answer in {z.blind:,} ({z.advantage:+.1f} points)"
        )
    print_context(seed, outcome.source, outcome.context)
    times = ", ".join(f"{k} {v:.0f} s" for k, v in outcome.seconds.items())
    print(f"\n({outcome.links:,} views read; {times})")


def print_context(seed: int, source: str, scores: list) -> None:
    """Attack (h)'s table: per level and kind, the small cells scored, the points over a blind
    guess from the surroundings alone and with the cell's own readings, and what these add
    (the threat model's limit: five points)."""
    if not scores:
        return
    print(f"\nseed {seed} · {source} · guessing from context (h)\n")
    print("| level | guess | small cells scored | from the surroundings | with the cell's own "
          "readings | added by the cell's own readings |")  # fmt: skip
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for s in sorted(scores, key=lambda s: (LEVELS.index(s.level), s.kind)):
        print(f"| {s.level} | {s.kind} | {s.cells:,} | {s.surroundings:+.1f} points | "
              f"{s.series:+.1f} points | {s.added:+.1f} points |")  # fmt: skip


def attack_seed(seed: int, args: argparse.Namespace) -> None:
    """Build one seed's demo, run every attack and print the figures."""
    if args.mix_spread is not None:
        os.environ["ATLAS_DEMO_MIX_SPREAD"] = str(args.mix_spread)
    gazetteer = official_codes()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        folder = Path(args.keep) / f"seed{seed}" if args.keep else Path(tmp)
        db = build_demo(seed, folder, args.incidents)
        print(f"\n=== seed {seed}: built in {time.perf_counter() - started:.0f} s ({date.today()})")
        total = time.perf_counter()
        everything = run_source("everything", db, db, "analyst", gazetteer, args.jobs)
        print_outcome(seed, everything)
        if not args.no_groups and "commune" in everything.readings and everything.model:
            seconds: dict[str, float] = {}
            scores = run_groups(db, everything.readings, everything.model, seconds, args.jobs)
            print_scores(seed, "the evaluation page's groups (group differencing)", scores)
            print(f"\n(groups attacked in {seconds['groups']:.0f} s)")
        if not args.no_briefing:
            briefing = run_source("briefing", db, briefing_store_path(db), "briefing", gazetteer,
                                  args.jobs, known=everything.truth)  # fmt: skip
            print_outcome(seed, briefing)
        if not args.no_evaluation:
            started = time.perf_counter()
            threshold = everything.model.threshold if everything.model else 5
            leaks, runs = evaluation_leaks(db, threshold, args.jobs)
            kinds = ", ".join(f"{k} {n}" for k, n in sorted(leaks.items()) if n)
            print(f"\nseed {seed} · python -m {' '.join(EVALUATE)} over {runs} sample choices "
                  f"and the About page: {sum(leaks.values())} leaks ({kinds or 'none'}; "
                  f"{time.perf_counter() - started:.0f} s)")  # fmt: skip
        used = sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
                   for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))  # fmt: skip
        print(f"\nseed {seed}: attacked in {time.perf_counter() - total:.0f} s "
              f"(CPU so far, this process and its workers: {used:.0f} s)")  # fmt: skip


def main() -> None:
    """Attack each seed's demo set and print the figures."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_attacks",
                                     description=__doc__)  # fmt: skip
    parser.add_argument("--seeds", type=int, nargs="+", default=[31])
    parser.add_argument("--incidents", type=int, help="demo incidents (default: the setting)")
    parser.add_argument("--mix-spread", type=float,
                        help="each province's and district's own mix of incident types in the "
                        "demo (ATLAS_DEMO_MIX_SPREAD; default: the setting)")  # fmt: skip
    parser.add_argument("--jobs", type=int, default=2, help="processes (default 2)")
    parser.add_argument("--no-briefing", action="store_true", help="skip the briefing store")
    parser.add_argument("--no-evaluation", action="store_true", help="skip the evaluation")
    parser.add_argument("--keep", metavar="DIR",
                        help="build each seed's demo in DIR/seed<N> and keep it")  # fmt: skip
    parser.add_argument("--no-groups", action="store_true",
                        help="skip the evaluation page's groups")  # fmt: skip
    args = parser.parse_args()
    if set(args.seeds) & set(KNOWN_SEEDS):
        print(f"warning: the seeds {KNOWN_SEEDS} are the project's own (its tests and docs use "
              "them): figures on them do not show what an unseen demo set gives")  # fmt: skip
    for seed in args.seeds:
        attack_seed(seed, args)


if __name__ == "__main__":
    main()
