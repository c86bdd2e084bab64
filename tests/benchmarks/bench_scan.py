"""Benchmark: `migterm scan` throughput and memory, beside raw Aho-Corasick matching.

    python tests/benchmarks/bench_scan.py [MEGABYTES]

Generates a termbase of 10,000 concepts and Dutch text of MEGABYTES (default 20)
built from the source documents' words with generated terms mixed in, installs
this checkout and pyahocorasick into a fresh virtual environment, and prints
MB/s and peak RSS of `migterm scan` and of pyahocorasick's raw matching of the
same terms' surface strings over the same text (what Dutch awareness costs).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, measure, workspace  # noqa: E402
from generate import generate  # noqa: E402

AHO = """
import sys, ahocorasick
automaton = ahocorasick.Automaton()
for line in open(sys.argv[1], encoding="utf-8"):
    term = line.strip()
    if term:
        automaton.add_word(term.lower(), term)
automaton.make_automaton()
hits = 0
with open(sys.argv[2], encoding="utf-8") as handle:
    for line in handle:
        for _ in automaton.iter(line.lower()):
            hits += 1
print(hits)
"""


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 20
    with workspace("pyahocorasick") as (work, python, migterm, env):
        terms = generate(work / "glossary", 10_000)
        (work / "terms.txt").write_text("\n".join(terms) + "\n", encoding="utf-8")
        words = " ".join((REPO / "glossary" / "sources" / name).read_text(encoding="utf-8") for name in ("000_01aad2d1b28122a7.txt", "002_d574fbd45873f2a3.txt")).split()
        rng = random.Random(3)
        text = work / "text.txt"
        size = 0
        with text.open("w", encoding="utf-8") as out:
            while size < megabytes * 1e6:
                line = " ".join(rng.choice(words) for _ in range(10)) + " " + rng.choice(terms) + "\n"
                out.write(line)
                size += len(line.encode("utf-8"))
        measure([migterm, "lookup", "--glossary", str(work / "glossary"), terms[0]], env)  # compile the termbase once
        print(f"text: {size / 1e6:.0f} MB; termbase: 10,000 generated concepts\n")
        print(f"{'matcher':<40}{'wall s':>9}{'MB/s':>8}{'peak RSS MB':>13}")
        for label, command in (
            ("migterm scan", [migterm, "scan", "--glossary", str(work / "glossary"), str(text)]),
            ("pyahocorasick, raw surface strings", [python, "-c", AHO, str(work / "terms.txt"), str(text)]),
        ):
            wall, rss = measure(command, env)
            print(f"{label:<40}{wall:>9.2f}{size / 1e6 / wall:>8.1f}{rss:>13.0f}")


if __name__ == "__main__":
    main()
