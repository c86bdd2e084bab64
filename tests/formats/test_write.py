"""Writing: atomic (an interrupted export leaves the old file or none), and the commands."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import migterm
from migterm import formats
from migterm.formats import FORMATS
from migterm.formats._inline import Written


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, small_termbase, monkeypatch):
    target = tmp_path / "glossary.tsv"
    target.write_text("old content\n", encoding="utf-8")

    def broken(termbase, out, **_):
        out.write(b"half a file")
        raise KeyboardInterrupt

    monkeypatch.setitem(FORMATS, "tsv", dataclasses.replace(FORMATS["tsv"], writer=broken))
    with pytest.raises(KeyboardInterrupt):
        formats.write(small_termbase, target)
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["glossary.tsv"]


def test_a_failed_first_write_leaves_no_file(tmp_path, small_termbase):
    bad = migterm.Termbase([migterm.Concept("x", (migterm.Term("a;b", "nl", migterm.Status.PREFERRED),))])
    with pytest.raises(migterm.FormatError, match="holds ';'"):
        formats.write(bad, tmp_path / "out.csv")
    assert list(tmp_path.iterdir()) == []


def test_an_export_keeps_the_usual_file_mode(tmp_path, small_termbase):
    formats.write(small_termbase, tmp_path / "out.tbx")
    assert (tmp_path / "out.tbx").stat().st_mode & 0o077 != 0  # not the temporary file's 0600


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "migterm", *args], capture_output=True, cwd=cwd, timeout=120)


def test_export_convert_and_stats_commands(tmp_path):
    assert run("export", "-o", "g.tbx", cwd=tmp_path).returncode == 0
    assert run("convert", "g.tbx", "g.po", cwd=tmp_path).returncode == 0
    assert run("convert", "--as", "termbase", "--to", "tbx-v2", "g.po", "g.martif", cwd=tmp_path).returncode == 0
    assert (tmp_path / "g.martif").read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<martif')
    figures = json.loads(run("stats", "--json", "g.tbx", cwd=tmp_path).stdout)
    assert figures["concepts"] == len(migterm.load()) and figures["terms by status"]["preferred"] > 100
    po = json.loads(run("stats", "--json", "g.po", cwd=tmp_path).stdout)
    assert po["units"] == sum(1 for c in migterm.load() for t in c.terms_in("nl"))
    tsv = run("export", "--format", "tsv", cwd=tmp_path)
    assert tsv.returncode == 0 and b"terugkeer\treturn\t" in tsv.stdout
    first, second = run("export", "--format", "tmx", cwd=tmp_path).stdout, run("export", "--format", "tmx", cwd=tmp_path).stdout
    assert first == second


def test_command_errors_are_one_line(tmp_path):
    result = run("export", "-o", "g.xyz", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.startswith(b"migterm: g.xyz: cannot tell the format from the content or the suffix '.xyz'")
    result = run("convert", "missing.tbx", "out.po", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.startswith(b"migterm: missing.tbx: cannot read")
    assert run("export", cwd=tmp_path).returncode == 2


@given(st.lists(st.text(max_size=6), max_size=3000))
@settings(max_examples=50, deadline=None)
def test_what_a_stream_has_written_is_known_as_a_set_knows_it(keys):
    """The compact record the PO and XLIFF 2 writers keep (growing through several doublings)."""
    written, seen = Written(), set()
    for key in keys:
        assert written.add(key) == (key not in seen), key
        seen.add(key)
