"""Benchmark: `migterm stats` and `migterm convert` on a large TMX, beside the peers, in one run.

    python tests/benchmarks/bench_stats.py [UNITS]

Generates an NL–EN TMX of UNITS units (default 200,000, about 86 MB), installs this
checkout and translate-toolkit into a fresh virtual environment, and prints the
medians of three interleaved rounds of wall time, and the peak resident memory, of
- a bare lxml iterparse pass over the file (the floor: parse, clear, count),
- the least a reading of each variant does (its language, and whether its segment
  holds text or markup), with no checks: the floor of any `stats` that reads
  variants through lxml,
- `migterm stats FILE`, the installed command,
- `migterm convert FILE` to PO, to XLIFF 1.2, to XLIFF 2.0 and to TMX (unit by unit, streamed),
and, once each, translate-toolkit's TMX reader (tmxfile.parsefile) and `migterm
stats` on the same data as TBX (concepts streamed). Ratios are to the bare pass of
the same round.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import interleaved, median_of, workspace  # noqa: E402
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
# The least any reading of each variant through lxml does: its language, and whether its
# segment has text or markup (no checks, no errors to report): the floor of `stats`.
LEAST = """
import sys
from lxml import etree
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
languages, markup = {}, 0
for _, element in etree.iterparse(sys.argv[1], events=("end",), tag="tu"):
    for tuv in element.iterchildren("tuv"):
        seg = tuv[-1]
        if len(seg) or seg.text:
            lang = tuv.get(LANG)
            languages[lang] = languages.get(lang, 0) + 1
            markup += len(seg) > 0
    element.clear(keep_tail=True)
    while element.getprevious() is not None:
        del element.getparent()[0]
print(languages, markup)
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
        print(f"{'command':<46}{'wall s':>9}{'x bare':>8}{'peak RSS MB':>13}")
        commands = {
            "bare lxml iterparse pass": [python, "-c", BARE, str(path)],
            "least per-variant reading (language, text)": [python, "-c", LEAST, str(path)],
            "migterm stats": [migterm, "stats", str(path)],
            "migterm convert to PO": [migterm, "convert", str(path), str(work / "out.po")],
            "migterm convert to XLIFF 1.2": [migterm, "convert", str(path), str(work / "out.xlf")],
            "migterm convert to XLIFF 2.0": [migterm, "convert", "--to", "xliff2", str(path), str(work / "out2.xlf")],
            "migterm convert to TMX": [migterm, "convert", str(path), str(work / "out.tmx")],
        }
        rounds = interleaved(3, commands, env)
        bare = [wall for wall, _ in rounds["bare lxml iterparse pass"]]
        for label, results in rounds.items():
            wall = statistics.median(w for w, _ in results)
            ratio = statistics.median(w / b for (w, _), b in zip(results, bare, strict=True))
            print(f"{label:<46}{wall:>9.2f}{ratio:>7.2f}x{max(r for _, r in results):>13.0f}")
        wall, rss = median_of(1, [python, "-c", TRANSLATE_TOOLKIT, str(path)], env)
        print(f"{'translate-toolkit tmxfile.parsefile':<46}{wall:>9.2f}{wall / statistics.median(bare):>7.2f}x{rss:>13.0f}")
        print("\ngoals: stats within 1.3x the bare pass; every command's peak RSS under 60 MB")
        tbx = work / "memory.tbx"
        subprocess.run([migterm, "convert", "--as", "termbase", str(path), str(tbx)], env=env, check=True)
        wall, rss = median_of(1, [migterm, "stats", str(tbx)], env)
        print(f"{'migterm stats, the same data as TBX':<46}{wall:>9.2f}{'':>8}{rss:>13.0f}   ({tbx.stat().st_size / 1e6:.0f} MB)")


if __name__ == "__main__":
    main()
