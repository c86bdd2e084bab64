"""The examples in README.md and docs/ are run: a `console` block's `$ ` lines
are run in a shell with the installed `migterm` on PATH, and what they print
(standard output, then standard error) must be the lines that follow.
Python examples (`>>>`) run as doctests through pytest's --doctest-glob."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```console\n(.*?)^```", re.DOTALL | re.MULTILINE)


def examples() -> list[tuple[str, str, str]]:
    found = []
    for page in PAGES:
        for block in BLOCK.findall(page.read_text(encoding="utf-8")):
            command, expected = None, []
            for line in block.splitlines():
                if line.startswith("$ "):
                    if command is not None:
                        found.append((page.name, command, "\n".join(expected)))
                    command, expected = line[2:], []
                else:
                    expected.append(line)
            if command is not None:
                found.append((page.name, command, "\n".join(expected)))
    return found


@pytest.mark.parametrize("page, command, expected", examples(), ids=lambda v: v if len(v) < 60 else None)
def test_console_example(page, command, expected):
    env = {**os.environ, "COLUMNS": "100", "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=env, cwd=REPO, timeout=60)
    assert (result.stdout + result.stderr).rstrip("\n") == expected


def test_every_page_has_examples():
    pages = {page for page, _, _ in examples()}
    assert pages == {"README.md", "cli.md", "formats.md", "translation-memory.md"}
