"""Benchmark: `migterm scan` throughput and memory, beside raw Aho-Corasick matching.

    python tests/benchmarks/bench_scan.py [MEGABYTES]

Generates a termbase of 10,000 concepts and Dutch text of MEGABYTES (default 20)
built from the source documents' words with a generated term in every eleven
words (a hit-dense worst case), installs this checkout and pyahocorasick into a
fresh virtual environment, and prints MB/s and peak RSS of `migterm scan` and of
pyahocorasick's raw matching of the same terms' surface strings over the same
text (what Dutch awareness costs), medians of three interleaved rounds
(BENCH_ROUNDS). Where the Dutch legislation of shared/corpus
is beside this checkout, the same again on it, repeated to the same size.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, interleaved, measure, workspace  # noqa: E402
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
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))


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
        texts = [(f"a generated term in every eleven words, {size / 1e6:.0f} MB", text)]
        corpus = sorted((REPO.parent / "shared" / "corpus").glob("*.md"))
        if corpus:  # Dutch migration legislation, where it is beside this checkout
            legislation = work / "legislation.txt"
            body = "\n".join(path.read_text(encoding="utf-8") for path in corpus)
            with legislation.open("w", encoding="utf-8") as out:
                for _ in range(int(megabytes * 1e6 / len(body.encode("utf-8"))) + 1):
                    out.write(body)
            texts.append((f"Dutch legislation (Vw 2000, Vb 2000) repeated, {legislation.stat().st_size / 1e6:.0f} MB", legislation))
        print(f"termbase: 10,000 generated concepts; medians of {ROUNDS} interleaved rounds")
        for label, path in texts:
            megabytes_read = path.stat().st_size / 1e6
            print(f"\ntext: {label}\n{'matcher':<40}{'wall s':>9}{'MB/s':>8}{'peak RSS MB':>13}")
            results = interleaved(ROUNDS, {
                "migterm scan": [migterm, "scan", "--glossary", str(work / "glossary"), str(path)],
                "pyahocorasick, raw surface strings": [python, "-c", AHO, str(work / "terms.txt"), str(path)],
            }, env)
            for name, runs in results.items():
                wall = statistics.median(r[0] for r in runs)
                print(f"{name:<40}{wall:>9.2f}{megabytes_read / wall:>8.1f}{max(r[1] for r in runs):>13.0f}")


if __name__ == "__main__":
    main()
