"""Benchmark: `migterm check` on a large TMX, beside a bare parse of the same file.

    python tests/benchmarks/bench_check.py [UNITS]

Generates an NL–EN TMX of UNITS units (default 200,000, about 88 MB), two glossary
terms in every unit and a wrong or deprecated English term in one unit in twenty,
installs this checkout into a fresh virtual environment, and prints wall time and
peak resident memory of a bare lxml iterparse pass over the file (parse, clear,
count: the floor) and of `migterm check FILE` (the installed command, its
findings printed to /dev/null) in one process and in two, medians of five
interleaved rounds (BENCH_ROUNDS), and each one's ratio to the bare pass of its round.
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import interleaved, median_of, workspace  # noqa: E402
from bench_stats import BARE  # noqa: E402
from generate_tmx import generate  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))


def main() -> None:
    units = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    with workspace() as (work, python, migterm, env):
        path = work / "delivery.tmx"
        generate(path, units, wrong=0.05)
        print(f"file: {units:,} units, {path.stat().st_size / 1e6:.0f} MB\n")
        median_of(1, [migterm, "lookup", "terugkeer"], env)  # the termbase compiled once, as on a user's machine
        commands = {
            "bare lxml iterparse pass": [python, "-c", BARE, str(path)],
            "migterm check --jobs 1": [migterm, "check", "--jobs", "1", str(path)],
            "migterm check --jobs 2": [migterm, "check", "--jobs", "2", str(path)],
        }
        results = interleaved(ROUNDS, commands, env)
        print(f"{'reader':<44}{'wall s':>9}{'peak RSS MB':>13}   (medians of {ROUNDS} interleaved rounds)")
        for label, runs in results.items():
            print(f"{label:<44}{statistics.median(r[0] for r in runs):>9.2f}{max(r[1] for r in runs):>13.0f}")
        bare = results["bare lxml iterparse pass"]
        print()
        for label in list(commands)[1:]:
            ratios = [run[0] / floor[0] for run, floor in zip(results[label], bare)]
            print(f"{label} / bare pass: median {statistics.median(ratios):.2f}x, rounds {', '.join(f'{r:.2f}' for r in ratios)} (goal: within 3x)")
        print("peak RSS goal: under 80 MB")


if __name__ == "__main__":
    main()
