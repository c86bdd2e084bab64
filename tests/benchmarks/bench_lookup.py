"""Benchmark: how fast `migterm lookup` answers, as the installed command.

    python tests/benchmarks/bench_lookup.py

It installs this checkout into a fresh virtual environment (as a user's
`pip install .` would: a regular install, bytecode compiled) and prints, from
one run on that interpreter, the median wall time of
- `python -c pass` and `python -c "import click"` (the floor any click tool stands on),
- `migterm lookup terugkeer` with the compiled termbase cached (every run after
  the first) and with no cache (the first run after a change to the glossary),
- the ratio of the cached lookup to `import click` (the goal: within 2.2 times),
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


def median_ms(command: list[str], env: dict[str, str], runs: int = RUNS, fresh_cache: bool = False) -> float:
    times = []
    for _ in range(runs):
        if fresh_cache:
            shutil.rmtree(env["MIGTERM_CACHE_DIR"], ignore_errors=True)
        start = time.perf_counter()
        result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
        if result.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed with status {result.returncode}")
    return statistics.median(times)


def main() -> None:
    with workspace() as (work, python, migterm, env):
        run(work, python, migterm, env)


def run(work: Path, python: str, migterm: str, env: dict[str, str]) -> None:
    print(f"interpreter: {python} ({sys.version.split()[0]})\nruns:        {RUNS} (median)\n")
    print(f"{'command':<58}{'median ms':>10}")
    rows = [
        ("python -c pass", [python, "-c", "pass"], False),
        ('python -c "import click"', [python, "-c", "import click"], False),
        ("migterm lookup terugkeer (cached termbase)", [migterm, "lookup", "terugkeer"], False),
        ("migterm lookup terugkeer (no cache: parses the glossary)", [migterm, "lookup", "terugkeer"], True),
    ]
    subprocess.run([migterm, "lookup", "terugkeer"], env=env, stdout=subprocess.DEVNULL)  # fill the cache
    medians = {}
    for label, command, fresh in rows:
        medians[label] = median_ms(command, env, fresh_cache=fresh)
        print(f"{label:<58}{medians[label]:>10.1f}")
    click = medians['python -c "import click"']
    print(f"\nlookup / import click: {medians[rows[2][0]] / click:.2f}x cached (goal: within 2.2x), {medians[rows[3][0]] / click:.2f}x with no cache")
    print(f"\n{'generated termbase':<20}{'cached ms':>12}{'no cache ms':>14}")
    for size in (100, 1_000, 10_000):
        directory = work / f"glossary-{size}"
        terms = generate(directory, size)
        command = [migterm, "lookup", "--glossary", str(directory), f"{terms[size // 2]}en"]
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL)
        cached = median_ms(command, env)
        uncached = median_ms(command, env, runs=max(3, RUNS // 4), fresh_cache=True)
        print(f"{size:>10,} concepts{cached:>12.1f}{uncached:>14.1f}")


if __name__ == "__main__":
    main()
