"""Benchmark: `migterm stats` on a large TMX, beside the peers, in one run.

    python tests/benchmarks/bench_stats.py [UNITS]

Generates an NL–EN TMX of UNITS units (default 200,000, about 86 MB), installs this
checkout and translate-toolkit into a fresh virtual environment, and prints wall
time and peak resident memory of
- a bare lxml iterparse pass over the file (the floor: parse, clear, count),
- `migterm stats FILE`, the installed command,
- translate-toolkit's TMX reader (tmxfile.parsefile),
- `migterm stats` on the same data as TBX (concepts streamed).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import median_of, workspace  # noqa: E402
from generate_tmx import generate  # noqa: E402

BARE = """
import sys
from lxml import etree
count = 0
for _, element in etree.iterparse(sys.argv[1], events=("end",), tag="tu"):
    count += 1
    element.clear(keep_tail=True)
    while element.getprevious() is not None:
        del element.getparent()[0]
print(count)
"""
TRANSLATE_TOOLKIT = """
import sys
from translate.storage import tmx
print(len(tmx.tmxfile.parsefile(sys.argv[1]).units))
"""


def main() -> None:
    units = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    with workspace("translate-toolkit") as (work, python, migterm, env):
        path = work / "memory.tmx"
        generate(path, units)
        print(f"file: {units:,} units, {path.stat().st_size / 1e6:.0f} MB\n")
        print(f"{'reader':<44}{'wall s':>9}{'peak RSS MB':>13}")
        rows = [
            ("bare lxml iterparse pass", [python, "-c", BARE, str(path)], 3),
            ("migterm stats", [migterm, "stats", str(path)], 3),
            ("translate-toolkit tmxfile.parsefile", [python, "-c", TRANSLATE_TOOLKIT, str(path)], 1),
        ]
        results = {}
        for label, command, runs in rows:
            results[label] = median_of(runs, command, env)
            print(f"{label:<44}{results[label][0]:>9.2f}{results[label][1]:>13.0f}")
        ratio = results["migterm stats"][0] / results["bare lxml iterparse pass"][0]
        print(f"\nmigterm stats / bare pass: {ratio:.2f}x (goal: within 1.5x; peak RSS goal: under 60 MB)")
        tbx = work / "memory.tbx"
        import subprocess

        subprocess.run([migterm, "convert", str(path), str(tbx)], env=env, check=True)
        wall, rss = median_of(1, [migterm, "stats", str(tbx)], env)
        print(f"{'migterm stats, the same data as TBX':<44}{wall:>9.2f}{rss:>13.0f}   ({tbx.stat().st_size / 1e6:.0f} MB)")


if __name__ == "__main__":
    main()
