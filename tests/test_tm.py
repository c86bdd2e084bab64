"""The translation memory of the source documents, tmx/source-documents.tmx: in
step with the segmenter, complete, recorded by document and page, canonical."""

from __future__ import annotations

import io
import tomllib

import pytest

from migterm import formats
from migterm.formats.tmx import write_tmx_units
from migterm.segment import segment

from .conftest import GLOSSARY, REPO

TM = REPO / "tmx" / "source-documents.tmx"
# the two publications; the acts and the circular beside them are not part of the memory
SOURCES = [s for s in tomllib.loads((GLOSSARY / "sources" / "index.toml").read_text(encoding="utf-8"))["source"] if "bwb" not in s]


@pytest.fixture(scope="module")
def units():
    return list(formats.read_units(TM))


@pytest.fixture(scope="module")
def segments(termbase):
    lexicon = {f for c in termbase for t in c.terms_in("nl") for f in (t.text, *t.inflected_forms)}
    documents = [(s["id"], (GLOSSARY / "sources" / s["file"]).read_text(encoding="utf-8")) for s in SOURCES]
    return [(source, sentence) for source, sentences in segment(documents, lexicon) for sentence in sentences]


def test_every_segment_of_both_documents_has_a_unit_in_order(units, segments):
    assert [(dict(u.props)["x-source"], u.text("nl")) for u in units] == [(source, s.text) for source, s in segments]


def test_units_record_document_page_line_and_kind(units, segments):
    pages = {"staat-van-migratie-2023": "26"}  # the annual report's extract carries no page number
    for unit, (source, sentence) in zip(units, segments, strict=True):
        props = dict(unit.props)
        assert props.get("x-page") == pages.get(source)
        assert props["x-line"] == str(sentence.line)
        assert props.get("x-kind", "text") == sentence.kind and props.get("x-footnote") == sentence.footnote
        assert unit.id.startswith(source + ".")


def test_every_unit_is_translated(units):
    for unit in units:
        english = unit.text("en")
        assert english and english.strip() == english and english != unit.text("nl"), unit.id
        assert english[-1:] == unit.text("nl")[-1:] or not unit.text("nl")[-1:] in ".?!", unit.id  # sentences end alike


def test_an_accepted_concept_says_why(units):
    for unit in units:
        if any(name == "x-migterm-accept" for name, _ in unit.props):
            assert unit.notes, unit.id


def test_the_file_is_as_migterm_writes_it(units):
    out = io.BytesIO()
    write_tmx_units(units, out, source_lang="nl")
    assert out.getvalue() == TM.read_bytes()
