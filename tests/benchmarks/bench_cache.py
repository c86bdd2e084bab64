"""Benchmark: what verifying the compiled termbase costs a lookup, in one run.

    python tests/benchmarks/bench_cache.py [ROUNDS]

Installs this checkout into a fresh virtual environment and, in new processes,
times the two checks `migterm.load()` makes before it uses the cache — the key
made from the glossary files' contents, and the CRC-32 of the cache — beside
the whole first answer of `migterm lookup`. Cold: the first lookup after the
glossary changed (the cache is rebuilt, then verified on the next run); warm: a
lookup with the cache in place. Medians of ROUNDS rounds (default 7).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import measure, workspace  # noqa: E402

TIMED = """
import json, time
from migterm import glossary
start = time.perf_counter()
key = glossary._fingerprint(glossary.default_glossary_dir())
keyed = time.perf_counter()
(cache,) = glossary.cache_dir().glob("termbase-*.bin")
from migterm.termbase import FileBlob
data = FileBlob.open(cache)
read = time.perf_counter()
glossary._crc_of(cache, len(glossary._MAGIC) + 32 + 4)
summed = time.perf_counter()
print(json.dumps({"key": keyed - start, "read": read - keyed, "checksum": summed - read}))
"""


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with workspace() as (work, python, migterm, env):
        cache = Path(env["MIGTERM_CACHE_DIR"])
        cold: list[dict[str, float]] = []
        warm: list[dict[str, float]] = []
        lookups: dict[str, list[float]] = {"cold": [], "warm": []}
        for _ in range(rounds):
            for stale in cache.glob("*.bin"):
                stale.unlink()
            subprocess.run([migterm, "lookup", "terugkeer"], env=env, capture_output=True, check=True)  # rebuilds the cache
            cold.append(json.loads(subprocess.run([python, "-c", TIMED], env=env, capture_output=True, text=True, check=True).stdout))
            warm.append(json.loads(subprocess.run([python, "-c", TIMED], env=env, capture_output=True, text=True, check=True).stdout))
            for stale in cache.glob("*.bin"):
                stale.unlink()
            lookups["cold"].append(measure([migterm, "lookup", "terugkeer"], env)[0])
            lookups["warm"].append(measure([migterm, "lookup", "terugkeer"], env)[0])
        print(f"{'':<24}{'key ms':>9}{'map ms':>9}{'checksum ms':>13}{'verify ms':>11}{'lookup ms':>11}")
        for label, runs in (("first run after a build", cold), ("cache in place", warm)):
            parts = {name: statistics.median(r[name] for r in runs) * 1000 for name in ("key", "read", "checksum")}
            total = statistics.median((r["key"] + r["checksum"]) * 1000 for r in runs)
            whole = statistics.median(lookups["cold" if runs is cold else "warm"]) * 1000
            print(f"{label:<24}{parts['key']:>9.2f}{parts['read']:>9.2f}{parts['checksum']:>13.2f}{total:>11.2f}{whole:>11.0f}")
        print("\ngoal: verifying (the key and the checksum) adds under 5 ms to a lookup;"
              " the lookup column is the whole command (a rebuild when cold)")


if __name__ == "__main__":
    main()
