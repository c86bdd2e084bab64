"""Exports are byte-identical from run to run, and match the files kept under
tests/data/golden (set MIGTERM_UPDATE_GOLDEN=1 to rewrite them after an
intended change, and review the diff)."""

from __future__ import annotations

import io
import os

import pytest

from migterm.formats import FORMATS

TERMBASE_FORMATS = sorted(name for name, f in FORMATS.items() if f.writer is not None)

from ..conftest import REPO

GOLDEN = REPO / "tests" / "data" / "golden"
SUFFIX = {"tbx": "tbx", "tbx-v2": "martif.tbx", "tmx": "tmx", "po": "po", "tsv": "tsv", "csv": "csv", "json": "json"}


@pytest.mark.parametrize("fmt", TERMBASE_FORMATS)
def test_export_matches_the_golden_file(fmt, small_termbase):
    outputs = []
    for _ in range(2):
        out = io.BytesIO()
        FORMATS[fmt].writer(small_termbase, out)
        outputs.append(out.getvalue())
    assert outputs[0] == outputs[1]
    golden = GOLDEN / f"small.{SUFFIX[fmt]}"
    if os.environ.get("MIGTERM_UPDATE_GOLDEN"):
        golden.write_bytes(outputs[0])
    assert outputs[0] == golden.read_bytes()
