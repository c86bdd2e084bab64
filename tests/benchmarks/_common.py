"""What the benchmarks share: a fresh install of this checkout, and timing a
command with its own peak memory."""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def install(venv: Path, *extra: str) -> tuple[str, str]:
    """A fresh virtual environment with this checkout (and `extra` packages) installed
    as a user's `pip install .` would; its python and migterm."""
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    subprocess.run([python, "-m", "pip", "install", "-q", str(REPO), *extra], check=True)
    return python, str(venv / "bin" / "migterm")


@contextlib.contextmanager
def workspace(*extra: str) -> Iterator[tuple[Path, str, str, dict[str, str]]]:
    """A temporary folder with a fresh install of this checkout (and `extra` packages):
    (folder, python, migterm, environment with a private termbase cache). Removed afterwards."""
    work = Path(tempfile.mkdtemp(prefix="migterm-bench-"))
    try:
        python, migterm = install(work / "venv", *extra)
        yield work, python, migterm, clean_env(MIGTERM_CACHE_DIR=str(work / "cache"))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one run of `command`."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()[-500:]}")
    process.stderr.close()
    return elapsed, usage.ru_maxrss / 1024


# A command's own high-water mark, reported by the command itself: `ru_maxrss` of a child
# also counts what the forking benchmark process held, which a large generated input inflates.
_OWN_PEAK = """
import atexit, runpy, sys
def report(path=sys.argv.pop(1)):
    with open("/proc/self/status") as status, open(path, "w") as out:
        out.write(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
atexit.register(report)
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def measure_own_peak(python: str, command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and the peak resident memory (MB) of `command` (a Python script, such as
    the installed `migterm`, and its arguments) as the process itself records it (VmHWM)."""
    with tempfile.NamedTemporaryFile("r", suffix=".hwm") as report:
        wall, _ = measure([python, "-c", _OWN_PEAK, report.name, *command], env)
        return wall, int(report.read() or 0) / 1024


def median_of(runs: int, command: list[str], env: dict[str, str]) -> tuple[float, float]:
    results = [measure(command, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def interleaved(rounds: int, commands: dict[str, list[str]], env: dict[str, str]) -> dict[str, list[tuple[float, float]]]:
    """Each command once per round, in turn, for `rounds` rounds, so that a change in the
    machine's load falls on all of them alike: label → (wall seconds, peak MB) per round."""
    results: dict[str, list[tuple[float, float]]] = {label: [] for label in commands}
    for _ in range(rounds):
        for label, command in commands.items():
            results[label].append(measure(command, env))
    return results
