"""Benchmark: `migterm check` on large TMX files, beside a bare parse of the same file.

    python tests/benchmarks/bench_check.py [UNITS]

Generates two NL–EN TMX files of UNITS units (default 200,000): a sparse one (about
88 MB, two glossary terms in running text in every unit, a wrong or deprecated
English term in one unit in twenty) and a dense one (twelve domain words in every
segment, three of them mistranslated: about 2.2 findings a unit). Installs this
checkout and pyahocorasick into a fresh virtual environment and prints, for each
file, the wall time and peak resident memory of
- a bare lxml iterparse pass over the file (parse, clear, count: the floor),
- `migterm check FILE` in one process and in two, as text and as `--json` (the
  installed command, its findings written to /dev/null),
- a naive checker: iterparse, one pyahocorasick automaton over the Dutch forms,
  substring tests of the approved English on the target (what the matching
  costs without Dutch morphology, line-break joins or deprecated terms),
medians of five interleaved rounds (BENCH_ROUNDS), and each one's ratio to the
bare pass of its round.
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


NAIVE = """
import sys, ahocorasick, migterm
from lxml import etree
termbase = migterm.load()
automaton = ahocorasick.Automaton()
approved = {}
for concept in termbase:
    approved[concept.id] = [t.text.lower() for t in concept.terms_in("en") if t.status.value in ("preferred", "admitted")]
    for term in concept.terms_in("nl"):
        for form in (term.text, *term.inflected_forms):
            automaton.add_word(form.lower(), (len(form), concept.id))
automaton.make_automaton()
findings = 0
for _, tu in etree.iterparse(sys.argv[1], events=("end",), tag="tu"):
    segs = [tuv[-1].text or "" for tuv in tu.iterchildren("tuv")]
    if len(segs) == 2:
        source, target = segs[0].lower(), segs[1].lower()
        seen = set()
        for end, (length, concept_id) in automaton.iter(source):
            start = end - length + 1
            if (start == 0 or not source[start - 1].isalnum()) and (end + 1 == len(source) or not source[end + 1].isalnum()) and concept_id not in seen:
                seen.add(concept_id)
                if not any(form in target for form in approved[concept_id]):
                    findings += 1
    tu.clear(keep_tail=True)
    while tu.getprevious() is not None:
        del tu.getparent()[0]
print(findings)
"""


def main() -> None:
    units = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    with workspace("pyahocorasick") as (work, python, migterm, env):
        files = {"sparse": work / "delivery.tmx", "dense": work / "dense.tmx"}
        generate(files["sparse"], units, wrong=0.05)
        generate(files["dense"], units, dense=True)
        median_of(1, [migterm, "lookup", "terugkeer"], env)  # the termbase compiled once, as on a user's machine
        for kind, path in files.items():
            print(f"\n{kind} file: {units:,} units, {path.stat().st_size / 1e6:.0f} MB; medians of {ROUNDS} interleaved rounds")
            commands = {
                "bare lxml iterparse pass": [python, "-c", BARE, str(path)],
                "migterm check --jobs 1": [migterm, "check", "--jobs", "1", str(path)],
                "migterm check --jobs 1 --json": [migterm, "check", "--jobs", "1", "--json", str(path)],
                "migterm check --jobs 2": [migterm, "check", "--jobs", "2", str(path)],
                "migterm check --jobs 2 --json": [migterm, "check", "--jobs", "2", "--json", str(path)],
                "naive: iterparse, pyahocorasick, substrings": [python, "-c", NAIVE, str(path)],
            }
            results = interleaved(ROUNDS, commands, env)
            bare = results["bare lxml iterparse pass"]
            print(f"{'command':<46}{'wall s':>9}{'x bare':>8}{'peak RSS MB':>13}")
            for label, runs in results.items():
                ratio = statistics.median(run[0] / floor[0] for run, floor in zip(runs, bare))
                print(f"{label:<46}{statistics.median(r[0] for r in runs):>9.2f}{ratio:>7.2f}x{max(r[1] for r in runs):>13.0f}")
        print("\ngoals: check in one process within 3x the bare pass on both files, text and --json; two processes never slower than one")


if __name__ == "__main__":
    main()
