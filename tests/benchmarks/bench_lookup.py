"""Benchmark: how fast `migterm lookup` answers, as the installed command.

    python tests/benchmarks/bench_lookup.py

It installs this checkout into a fresh virtual environment (as a user's
`pip install .` would: a regular install, bytecode compiled) and prints, from
one run on that interpreter, the median wall time over RUNS interleaved rounds
(each command once per round, in turn) of
- `python -c pass` and `python -c "import click"` (the floor any click tool stands on),
- `migterm lookup terugkeer` with the compiled termbase cached (every run after
  the first) and with no cache (the first run after a change to the glossary),
- the ratio of the cached lookup to `import click` (the goal: within 1.6 times),
- the same for generated glossaries of 100, 1,000 and 10,000 concepts, to show
  how the first answer grows with the size of the termbase.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import workspace  # noqa: E402
from generate import generate  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "21"))


def timed_ms(command: list[str], env: dict[str, str], fresh_cache: bool = False) -> float:
    if fresh_cache:
        shutil.rmtree(env["MIGTERM_CACHE_DIR"], ignore_errors=True)
    start = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = (time.perf_counter() - start) * 1000
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with status {result.returncode}")
    return elapsed


def interleaved_ms(rows: dict[str, tuple[list[str], bool]], env: dict[str, str], runs: int) -> dict[str, list[float]]:
    """Each command once per round, in turn (so that the machine's load falls on all alike):
    label → milliseconds per round. A command marked fresh runs with its cache removed."""
    times: dict[str, list[float]] = {label: [] for label in rows}
    for _ in range(runs):
        for label, (command, fresh) in rows.items():
            times[label].append(timed_ms(command, env, fresh))
    return times


def main() -> None:
    with workspace() as (work, python, migterm, env):
        run(work, python, migterm, env)


def run(work: Path, python: str, migterm: str, env: dict[str, str]) -> None:
    print(f"interpreter: {python} ({sys.version.split()[0]})\nrounds:      {RUNS} interleaved (median)\n")
    print(f"{'command':<58}{'median ms':>10}")
    lookup = [migterm, "lookup", "terugkeer"]
    rows = {
        "python -c pass": ([python, "-c", "pass"], False),
        'python -c "import click"': ([python, "-c", "import click"], False),
        "migterm lookup terugkeer (cached termbase)": (lookup, False),
        "migterm lookup terugkeer (no cache: parses the glossary)": (lookup, True),
    }
    subprocess.run(lookup, env=env, stdout=subprocess.DEVNULL)  # fill the cache
    # the uncached row removes the cache; the cached row after it in the next round finds it rebuilt
    times = interleaved_ms(rows, env, RUNS)
    for label, values in times.items():
        print(f"{label:<58}{statistics.median(values):>10.1f}")
    click, cached, uncached = (times[label] for label in list(rows)[1:])
    ratio = statistics.median(c / k for c, k in zip(cached, click))
    ratio_uncached = statistics.median(u / k for u, k in zip(uncached, click))
    print(f"\nlookup / import click, median of the rounds' ratios: {ratio:.2f}x cached (goal: within 1.6x), {ratio_uncached:.2f}x with no cache")
    print(f"\n{'generated termbase':<20}{'cached ms':>12}{'no cache ms':>14}")
    for size in (100, 1_000, 10_000):
        directory = work / f"glossary-{size}"
        terms = generate(directory, size)
        command = [migterm, "lookup", "--glossary", str(directory), f"{terms[size // 2]}en"]
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL)
        sized = interleaved_ms({"cached": (command, False), "uncached": (command, True)}, env, max(3, RUNS // 4))
        print(f"{size:>10,} concepts{statistics.median(sized['cached']):>12.1f}{statistics.median(sized['uncached']):>14.1f}")

if __name__ == "__main__":
    main()
