"""Benchmark: `migterm check` on a large TMX, beside a bare parse of the same file.

    python tests/benchmarks/bench_check.py [UNITS]

Generates an NL–EN TMX of UNITS units (default 200,000, about 88 MB), two glossary
terms in every unit and a wrong or deprecated English term in one unit in twenty,
installs this checkout into a fresh virtual environment, and prints wall time and
peak resident memory of a bare lxml iterparse pass over the file (parse, clear,
count: the floor) and of `migterm check FILE` (the installed command, its
findings printed to /dev/null), medians of three runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import median_of, workspace  # noqa: E402
from bench_stats import BARE  # noqa: E402
from generate_tmx import generate  # noqa: E402


def main() -> None:
    units = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    with workspace() as (work, python, migterm, env):
        path = work / "delivery.tmx"
        generate(path, units, wrong=0.05)
        print(f"file: {units:,} units, {path.stat().st_size / 1e6:.0f} MB\n")
        print(f"{'reader':<44}{'wall s':>9}{'peak RSS MB':>13}")
        median_of(1, [migterm, "lookup", "terugkeer"], env)  # the termbase compiled once, as on a user's machine
        results = {}
        for label, command in (("bare lxml iterparse pass", [python, "-c", BARE, str(path)]),
                               ("migterm check", [migterm, "check", str(path)])):
            results[label] = median_of(3, command, env)
            print(f"{label:<44}{results[label][0]:>9.2f}{results[label][1]:>13.0f}")
        ratio = results["migterm check"][0] / results["bare lxml iterparse pass"][0]
        print(f"\nmigterm check / bare pass: {ratio:.2f}x (goal: within 3x; peak RSS goal: under 80 MB)")


if __name__ == "__main__":
    main()
