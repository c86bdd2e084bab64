"""Benchmark: `migterm scan` throughput and memory, beside raw Aho-Corasick matching and a bare word split.

    python tests/benchmarks/bench_scan.py [MEGABYTES]

Installs this checkout and pyahocorasick into a fresh virtual environment and prints
MB/s and peak RSS of `migterm scan`, of pyahocorasick's raw matching of the same
terms' surface strings over the same text (what Dutch awareness costs), of the
bare bones of a character-level design (pyahocorasick's longest whole-word forms,
a line written for each), and of a bare split of the text into words (the floor
of any word-by-word reading), medians of three interleaved rounds (BENCH_ROUNDS), on
- Dutch text of MEGABYTES (default 20) built from the source documents' words with
  a term of a generated 10,000-concept termbase in every eleven words (a hit-dense
  worst case), scanned with that termbase;
- where the Dutch legislation of shared/corpus is beside this checkout, that
  legislation repeated to the same size, scanned with the built-in termbase.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, interleaved, measure, workspace  # noqa: E402
from generate import generate  # noqa: E402

# The same terms' surface strings in one automaton, for the two pyahocorasick peers.
AUTOMATON = """
import sys, ahocorasick
automaton = ahocorasick.Automaton()
for line in open(sys.argv[1], encoding="utf-8"):
    term = line.strip()
    if term:
        automaton.add_word(term.lower(), term)
automaton.make_automaton()
"""
AHO = AUTOMATON + """
hits = 0
with open(sys.argv[2], encoding="utf-8") as handle:
    for line in handle:
        for _ in automaton.iter(line.lower()):
            hits += 1
print(hits)
"""
# The bare bones of a character-level design: the longest whole-word forms found by the
# automaton, and a line written for each (no inflection, joins, compounds or English).
AHO_LINES = AUTOMATON + """
write = sys.stdout.write
with open(sys.argv[2], encoding="utf-8") as handle:
    for number, line in enumerate(handle, 1):
        lowered = line.lower()
        for end, term in automaton.iter_long(lowered):
            start = end - len(term) + 1
            if (start == 0 or not lowered[start - 1].isalnum()) and (end + 1 == len(lowered) or not lowered[end + 1].isalnum()):
                write(f"{number}:{start + 1}\\t{line[start:end + 1]}\\t{term}\\n")
"""
SPLIT = """
import re, sys
word = re.compile(r"[\\w&]+")
words = 0
with open(sys.argv[1], encoding="utf-8") as handle:
    for line in handle:
        words += len(word.findall(line))
print(words)
"""
BUILTIN_TERMS = """
import sys, migterm
forms = {f for c in migterm.load() for t in c.terms_in("nl") for f in (t.text, *t.inflected_forms)}
open(sys.argv[1], "w", encoding="utf-8").write("\\n".join(sorted(forms)) + "\\n")
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
        texts = [(f"a generated term in every eleven words, {size / 1e6:.0f} MB, 10,000 generated concepts", text,
                  ["--glossary", str(work / "glossary")], work / "terms.txt")]
        corpus = sorted((REPO.parent / "shared" / "corpus").glob("*.md"))
        if corpus:  # Dutch migration legislation, where it is beside this checkout
            legislation = work / "legislation.txt"
            body = "\n".join(path.read_text(encoding="utf-8") for path in corpus)
            with legislation.open("w", encoding="utf-8") as out:
                for _ in range(int(megabytes * 1e6 / len(body.encode("utf-8"))) + 1):
                    out.write(body)
            builtin = work / "builtin-terms.txt"  # the built-in termbase's Dutch terms and forms, for the raw matcher
            subprocess.run([python, "-c", BUILTIN_TERMS, str(builtin)], env=env, check=True)
            measure([migterm, "lookup", "terugkeer"], env)  # compile the built-in termbase once
            texts.append((f"Dutch legislation (Vw 2000, Vb 2000, Vc 2000 B, Wi, Bi, Wet COA, Wav) repeated, "
                           f"{legislation.stat().st_size / 1e6:.0f} MB, the built-in termbase", legislation, [], builtin))
        print(f"medians of {ROUNDS} interleaved rounds")
        for label, path, options, terms_file in texts:
            megabytes_read = path.stat().st_size / 1e6
            print(f"\ntext: {label}\n{'matcher':<50}{'wall s':>9}{'MB/s':>8}{'peak RSS MB':>13}")
            results = interleaved(ROUNDS, {
                "migterm scan": [migterm, "scan", *options, str(path)],
                "pyahocorasick, raw surface strings": [python, "-c", AHO, str(terms_file), str(path)],
                "pyahocorasick, longest whole words, a line each": [python, "-c", AHO_LINES, str(terms_file), str(path)],
                "bare word split": [python, "-c", SPLIT, str(path)],
            }, env)
            for name, runs in results.items():
                wall = statistics.median(r[0] for r in runs)
                print(f"{name:<50}{wall:>9.2f}{megabytes_read / wall:>8.1f}{max(r[1] for r in runs):>13.0f}")
        print("\ngoals: 20 MB/s or more on the legislation; within 2.5x raw pyahocorasick on the hit-dense text")


if __name__ == "__main__":
    main()
