"""Files other tools wrote (tests/data/real, origins and licences in its ORIGINS.md):
every one is read, converted into each format that can hold what it holds, and
read back; the malformed ones give one clear error; mutated copies give a
result or migterm's own error, never another exception."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migterm import formats
from migterm.errors import MigtermError
from migterm.units import Code, Segment, Unit

from ..conftest import REPO

REAL = REPO / "tests" / "data" / "real"
FILES = sorted(p for p in REAL.rglob("*") if p.is_file() and p.name != "ORIGINS.md")
# the files their own projects mean to be malformed (and msgfmt or xmllint refuses)
MALFORMED = {
    "po/okapi--Test02.po": "not a PO file",  # msgfmt: keyword "TheDomain1" unknown
    "po/okapi--Test03.po": "not a PO file",
    "po/okapi--msgctxt_notes.po": "not a PO file",  # a header without its msgid
    "po/polib--test_syntax_error1.po": "not a PO file",
    "xliff/okapi--corrupt.html_test.xlf": "not well-formed XML",
    "xliff/okapi--invalid_xml_entity.xlf": "not well-formed XML",
    "xliff/omegat--file-XLIFFFilter-invalid-content.xlf": "not well-formed XML",
}
GOOD = [p for p in FILES if str(p.relative_to(REAL)) not in MALFORMED]
# two different codes with one id in a segment: PO's placeholders name a code by its id, so they merge
SHARED_IDS = {("po", "tmx/omegat--invalid.tmx")}
MEMORY_FORMATS = ["tmx", "xliff", "xliff2", "po", "tsv"]
TERMBASE_FORMATS = ["tbx", "tbx-v2", "json"]


def name(path):
    return str(path.relative_to(REAL))


def test_the_corpus_holds_sixty_files_or_more_and_each_is_listed_with_its_origin():
    origins = (REAL / "ORIGINS.md").read_text(encoding="utf-8")
    assert len(FILES) >= 60
    for path in FILES:
        assert f"| `{name(path)}` |" in origins, name(path)
    kinds = {p.parent.name for p in FILES}
    assert kinds == {"tmx", "tbx", "po", "xliff", "delimited"}


def canonical(unit: Unit) -> dict[str, tuple]:
    """A unit's variants with code ids numbered by first appearance (formats number codes their own way)."""
    numbers: dict[tuple[bool, str], int] = {}
    out = {}
    for lang, segment in unit.variants.items():
        parts = []
        for part in segment.pieces():
            if isinstance(part, Code):
                key = (part.kind == "placeholder", part.id)
                numbers.setdefault(key, len(numbers) + 1)
                parts.append((part.kind, numbers[key], part.data, part.isolated))
            else:
                parts.append(part)
        out[lang] = tuple(parts)
    return out


def _written(units, fmt):
    out = io.BytesIO()
    losses = formats.Losses()
    formats.FORMATS[fmt].unit_writer(iter(units), out, losses=losses)
    return out.getvalue(), losses


def _reread(data, fmt, tmp_path):
    path = tmp_path / f"again.{ {'xliff2': 'xlf', 'xliff': 'xlf'}.get(fmt, fmt) }"
    path.write_bytes(data)
    return list(formats.read_units(path, fmt))


def _pair(unit: Unit) -> tuple:
    """The source and the first target of a unit, as text and codes."""
    variants = canonical(unit)
    source = unit.source_key()
    targets = [v for k, v in variants.items() if k != source]
    return variants.get(source), targets[0] if targets else ()


@pytest.mark.parametrize("path", [p for p in GOOD if formats.find_format(p).primary == formats.MEMORY], ids=name)
@pytest.mark.parametrize("fmt", MEMORY_FORMATS)
def test_a_memory_converts_into_every_memory_format_and_back(path, fmt, tmp_path):
    units = [u for u in formats.read_units(path) if u.variants]
    data, losses = _written(units, fmt)
    again = _reread(data, fmt, tmp_path)
    if "characters XML cannot carry, replaced by U+FFFD" in losses.counts or fmt == "tsv" or (fmt, name(path)) in SHARED_IDS:
        # text XML (or a tab-separated line) cannot hold: the units are there, their text changed
        assert len(again) <= len(units)
        return
    skipped = losses.counts.get("units PO cannot hold: an empty source, or the same context and source as an earlier unit", 0)
    assert len(again) == len(units) - skipped
    waiting: dict[str, list[Unit]] = {}  # by id, in order: a file may use an id twice
    entries = set()
    for unit in units:
        if fmt == "po":  # PO has no entry with an empty msgid, nor two with the same context and msgid
            source = unit.variants[unit.source_key()]
            entry = (dict(unit.props).get("msgctxt") or (unit.id if unit.id != source.text else None), _pair(unit)[0])
            if not source.pieces() or entry in entries:
                continue
            entries.add(entry)
        waiting.setdefault(unit.id, []).append(unit)
    for after in again:
        before = waiting[after.id].pop(0)
        if fmt == "tmx":  # every language, every variant but empty targets
            assert {k: v for k, v in canonical(after).items()} == {
                k: v for k, v in canonical(before).items() if v or k == before.source_key()}, before.id
        else:  # the source, and the target in the file's one target language
            target = next((k for k in after.variants if k != after.source_key()), None)
            assert _pair(after)[0] == _pair(before)[0], before.id
            wanted = next((v for k, v in canonical(before).items() if target and k != before.source_key() and k.split("-x-")[0] == target.split("-x-")[0]), ())
            assert (canonical(after).get(target) or ()) == wanted, before.id


@pytest.mark.parametrize("path", [p for p in GOOD if formats.find_format(p).primary == formats.TERMBASE], ids=name)
@pytest.mark.parametrize("fmt", TERMBASE_FORMATS)
def test_a_termbase_read_then_written_loses_nothing(path, fmt):
    termbase = formats.read(path)
    out = io.BytesIO()
    formats.FORMATS[fmt].writer(termbase, out)
    again = formats.FORMATS[fmt].reader(io.BytesIO(out.getvalue()), path=f"again.{fmt}")
    assert [_sorted(c.to_dict()) for c in again] == [_sorted(c.to_dict()) for c in termbase]


def _sorted(concept: dict) -> dict:
    """A concept with its terms in language order, as TBX writes them (one language section each)."""
    return {**concept, "terms": sorted(concept["terms"], key=lambda t: (t["lang"], t["text"]))}


@pytest.mark.parametrize("path", [p for p in FILES if name(p) in MALFORMED], ids=name)
def test_a_malformed_file_gives_one_line_naming_it_and_exit_2(path):
    result = subprocess.run([sys.executable, "-m", "migterm", "stats", name(path)], capture_output=True, text=True, cwd=REAL)
    assert result.returncode == 2
    assert result.stderr.startswith(f"migterm: {name(path)}") and MALFORMED[name(path)] in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize("path", [REAL / "tmx" / "omegat--ImportTest2A.tmx", REAL / "xliff" / "okapi--test.txt_en-US_fr-FR.sdlxliff",
                                  REAL / "po" / "polib--test_previous_msgid.po"], ids=name)
def test_convert_on_the_command_line_says_what_the_target_could_not_hold(path, tmp_path):
    result = subprocess.run([sys.executable, "-m", "migterm", "convert", str(path), str(tmp_path / "out.tsv")], capture_output=True, text=True)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert all(line.startswith(f"migterm: {tmp_path / 'out.tsv'}: ") for line in result.stderr.splitlines())
    if path.suffix == ".tmx":
        assert "inline codes, which a tab-separated file cannot hold" in result.stderr


def _mutations():
    return st.tuples(st.sampled_from(FILES), st.sampled_from(["truncate", "delete", "double", "latin-1", "utf-16"]),
                     st.floats(0, 1))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_mutations())
def test_every_reader_reads_a_damaged_file_or_raises_its_own_error(tmp_path, mutation):
    path, how, where = mutation
    data = path.read_bytes()
    cut = int(len(data) * where)
    if how == "truncate":
        data = data[:cut]
    elif how == "delete":
        data = data[:cut] + data[cut + 1 :]
    elif how == "double":
        data = data[: cut + 1] + data[cut:]
    else:
        data = data.decode("utf-8", "replace").encode(how, "replace")
    damaged = tmp_path / f"damaged{path.suffix}"
    damaged.write_bytes(data)
    try:
        fmt = formats.find_format(damaged)
        if fmt.units is not None:
            for _ in formats.read_units(damaged, fmt.name):
                pass
        if fmt.reader is not None:
            formats.read(damaged, fmt.name)
    except MigtermError:
        pass


def _polib_entries(path):
    import polib

    try:
        return list(polib.pofile(str(path)))
    except (OSError, ValueError, UnicodeError):
        return None


@pytest.mark.parametrize("path", sorted((REAL / "po").iterdir()), ids=name)
def test_the_po_stream_reads_what_polib_reads_as_polib_does(path):
    from migterm.formats import _postream

    expected = _polib_entries(path)
    if expected is None:
        pytest.skip("polib itself cannot read this file")  # said of each such file by the test above or below
    entries = list(_postream.entries(path))
    header = next((i for i, e in enumerate(entries) if e.msgid == "" and not e.obsolete), None)
    if header is not None:
        entries.pop(header)  # polib keeps the header apart, as its metadata

    def fields(e):
        return (e.msgctxt, e.msgid, e.msgid_plural or "", e.msgstr, dict(e.msgstr_plural), e.comment, e.tcomment,
                list(map(tuple, e.occurrences)), list(e.flags), e.previous_msgid, bool(e.obsolete))

    assert [fields(e) for e in entries] == [fields(e) for e in expected]
