"""Benchmark: migterm with a large termbase, as the installed command.

    python tests/benchmarks/bench_scale.py [CONCEPTS]

Generates a glossary of CONCEPTS concepts (default 50,000), shaped like the real one,
installs this checkout into a fresh virtual environment, and prints wall time and
peak resident memory of
- building the compiled termbase (the first `lookup` after the glossary changed),
  beside a bare `tomllib` parse of the same files (the floor a TOML glossary stands on)
  and that parse with every concept built and checked (`read_glossary`: the floor of
  any build that checks what it reads),
- `lookup` answering from the compiled termbase, beside
  `python -c "import click"`,
- `check` of a 20,000-unit TMX and `scan` of 5 MB of text with that termbase,
  beside a bare lxml pass over the TMX,
medians of three interleaved rounds (BENCH_ROUNDS). Peak memory is each process's own high-water mark (VmHWM), not `ru_maxrss`, which
would also count what this process holds of the generated glossary.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, measure_own_peak, workspace  # noqa: E402
from bench_stats import BARE  # noqa: E402
from generate import generate  # noqa: E402
from generate_tmx import generate as generate_tmx  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
TOML = """
import sys, tomllib
from pathlib import Path
print(sum(len(tomllib.loads(p.read_text(encoding="utf-8")).get("concept", [])) for p in Path(sys.argv[1]).glob("*.toml")))
"""
CHECKED = """
import sys
from migterm.glossary import read_glossary
print(len(read_glossary(sys.argv[1])[0]))
"""


def main() -> None:
    concepts = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    with workspace() as (work, python, migterm, env):
        glossary = work / "glossary"
        terms = generate(glossary, concepts)
        tmx = work / "delivery.tmx"
        generate_tmx(tmx, 20_000, wrong=0.05)
        words = " ".join((REPO / "glossary" / "sources" / name).read_text(encoding="utf-8") for name in ("000_01aad2d1b28122a7.txt", "002_d574fbd45873f2a3.txt")).split()
        rng = random.Random(5)
        text = work / "text.txt"
        with text.open("w", encoding="utf-8") as out:
            size = 0
            while size < 5e6:
                line = " ".join(rng.choice(words) for _ in range(10)) + " " + rng.choice(terms) + "\n"
                out.write(line)
                size += len(line.encode("utf-8"))
        print(f"termbase: {concepts:,} generated concepts\n")
        scripts = {name: work / f"{name}.py" for name in ("toml", "checked", "bare", "click")}
        for name, code in (("toml", TOML), ("checked", CHECKED), ("bare", BARE), ("click", "import click")):
            scripts[name].write_text(code, encoding="utf-8")

        def run(*command: str) -> tuple[float, float]:
            return measure_own_peak(python, list(command), env)

        lookup = [migterm, "lookup", "--glossary", str(glossary), terms[0]]
        commands = {
            "bare tomllib parse of the glossary files": [str(scripts["toml"]), str(glossary)],
            "the same, and every concept built and checked": [str(scripts["checked"]), str(glossary)],
            "build the compiled termbase (first lookup)": lookup,
            "lookup from the compiled termbase": lookup,
            'python -c "import click"': [str(scripts["click"])],
            "bare lxml pass over the 20,000-unit TMX": [str(scripts["bare"]), str(tmx)],
            "check --jobs 1 of the 20,000-unit TMX": [migterm, "check", "--jobs", "1", "--glossary", str(glossary), str(tmx)],
            f"scan of {size / 1e6:.0f} MB of text": [migterm, "scan", "--glossary", str(glossary), str(text)],
        }
        results: dict[str, list[tuple[float, float]]] = {label: [] for label in commands}
        for _ in range(ROUNDS):  # interleaved, so that a change in the machine's load falls on all alike
            for label, command in commands.items():
                if label.startswith("build"):
                    shutil.rmtree(env["MIGTERM_CACHE_DIR"], ignore_errors=True)
                results[label].append(run(*command))
        print(f"medians of {ROUNDS} interleaved rounds\n")
        print(f"{'command':<52}{'wall s':>9}{'peak RSS MB':>13}")
        for label, runs in results.items():
            print(f"{label:<52}{statistics.median(r[0] for r in runs):>9.2f}{max(r[1] for r in runs):>13.0f}")
        print("\ngoals at 50,000 concepts: building under 4 s and 200 MB; lookup's first answer under 150 ms; check and scan under 100 MB")


if __name__ == "__main__":
    main()
