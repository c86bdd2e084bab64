"""Segmentation of PDF-extracted Dutch: one test for each artefact the source
documents' README lists, on the documents themselves, and properties."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from migterm import segment as segmentation
from migterm.segment import _FOOTER, Segmenter, file_lines, segment, segment_text, text_lines

from .conftest import GLOSSARY

STAAT = (GLOSSARY / "sources" / "000_01aad2d1b28122a7.txt").read_text(encoding="utf-8")
JAARVERSLAG = (GLOSSARY / "sources" / "002_d574fbd45873f2a3.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def documents(termbase):
    lexicon = {f for c in termbase for t in c.terms_in("nl") for f in (t.text, *t.inflected_forms)}
    return dict(segment([("staat", STAAT), ("jaarverslag", JAARVERSLAG)], lexicon))


def texts(documents, name):
    return [s.text for s in documents[name]]


def joined(documents):
    return "\n".join(s.text for sentences in documents.values() for s in sentences)


@pytest.mark.parametrize("word", ["Schengengebied.", "migratiestromen.", "arbeidsuitbuiting en"])
def test_a_line_break_hyphen_that_is_no_part_of_the_word_goes(documents, word):
    assert word in joined(documents)
    assert "Schengen- gebied" not in joined(documents) and "Schengen-gebied" not in joined(documents)


@pytest.mark.parametrize("word", ["ketenpartners (IND", "asielzoekers met", "vreemdelingenketen,", "(overlastgevende)",
                                  "noodzakelijk.", "transitlanden,"])
def test_a_word_split_without_a_hyphen_is_joined(documents, word):
    assert word in joined(documents)


@pytest.mark.parametrize("word", ["EU-lidstaten", "ECRIS-TCN", "EU-terugkeercoördinator", "EU-buitengrensbeheer", "migratieherkomst- en"])
def test_real_hyphens_stay(documents, word):
    assert word in joined(documents)


@pytest.mark.parametrize("words", ["voortdurend aandringt", "internationaal recht", "beslissingen genomen",
                                   "nationale processen", "belangrijke mate", "uit beeld verdwijnen", "hierdoor preventief"])
def test_a_line_break_between_two_words_is_a_space(documents, words):
    assert words in joined(documents)


def test_footnote_markers_and_running_footers_are_dropped(documents):
    text = joined(documents)
    assert "De Staat van Migratie 2023" not in text and "vergaderjaar" not in text
    assert "Europese Grens- en Kustwacht (EGKW) Verordening." in text  # the marker 22 stood between Europese and Grens-
    assert not any(re.fullmatch(r"\d+", s.text) for sentences in documents.values() for s in sentences)


def test_footnotes_are_segments_of_their_own(documents):
    notes = [(s.footnote, s.text) for s in documents["staat"] if s.kind == "footnote"]
    assert notes == [
        ("22", "Verordening (EU) 2019/1896 van het Europees Parlement en de Raad van 13 november 2019 betreffende de "
               "Europese grens- en kustwacht en tot intrekking van Verordening (EU) nr. 1052/2013 en Verordening (EU) 2016/1624."),
        ("23", "Samen tegen Mensenhandel: Een integrale programma-aanpak van seksuele uitbuiting, arbeidsuitbuiting en criminele uitbuiting"),
    ]
    assert documents["staat"][-3].text.endswith("mogen blijven.")  # the body ends before the footnotes


def test_headings_are_segments_of_their_own(documents):
    assert [s.text for s in documents["staat"] if s.kind == "heading"] == ["Mensenhandel en mensensmokkel", "Terugkeer"]
    assert [s.text for s in documents["jaarverslag"] if s.kind == "heading"] == [
        "Realisatie van versterking in de migratieketen", "Realisatie van minder overlast",
        "Realisatie van meer terugkeer", "Realisatie op grenzen",
    ]


def test_a_missing_space_of_the_original_is_kept(documents):
    assert "Dit is een belangrijk onderdeel vaneen geloofwaardig en een houdbaar migratiestelsel." in texts(documents, "staat")


def test_the_page_starts_inside_a_sentence(documents):
    assert texts(documents, "staat")[0] == "instrumentalisering van migranten."


def test_segments_start_on_their_line(documents):
    for name, text in (("staat", STAAT), ("jaarverslag", JAARVERSLAG)):
        lines = text.splitlines()
        for sentence in documents[name]:
            first_word = re.match(r"[\w(]+", sentence.text).group().lstrip("(")
            assert first_word in lines[sentence.line - 1], (sentence.line, sentence.text)


def test_body_text_shaped_like_a_footer_is_kept_unless_it_ends_a_page():
    text = "Het rapport telt\n2023 was het jaar van De Staat 2023\nen meer.\n26 De Staat van Migratie 2023\n"
    assert [s.text for s in segment_text(text)] == ["Het rapport telt 2023 was het jaar van De Staat 2023 en meer."]
    paged = "Eerste pagina.\n26 Titel van Het Rapport 2023\n\fTweede pagina.\n27 Titel van Het Rapport 2023\n\fDerde.\n"
    assert [s.text for s in segment_text(paged)] == ["Eerste pagina.", "Tweede pagina.", "Derde."]


@pytest.mark.parametrize("text, expected", [
    ("Dit geldt o.a. voor asielzoekers. Zie art. 3 en nr. 12.", ["Dit geldt o.a. voor asielzoekers.", "Zie art. 3 en nr. 12."]),
    ("Volgens Verordening (EU) nr. 1052/2013 geldt dat. Daarna niet.", ["Volgens Verordening (EU) nr. 1052/2013 geldt dat.", "Daarna niet."]),
    ("Minister J. de Vries schreef dat. Hij kwam.", ["Minister J. de Vries schreef dat.", "Hij kwam."]),
    ("Is dat zo? Ja! (Zie ook hieronder.) En verder.", ["Is dat zo?", "Ja!", "(Zie ook hieronder.)", "En verder."]),
])
def test_abbreviations_are_no_sentence_ends(text, expected):
    assert [s.text for s in segment_text(text)] == expected


_WORDS = ["asiel", "zoekers", "de", "grens", "Schengen", "EU", "lidstaten", "terugkeer", "o.a.", "nr.", "beleid", "(IND)", "2023", "vaneen"]


@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", " ", "\n", "-\n", ". ", ".\n", ", "])), min_size=1, max_size=30))
@settings(max_examples=200, deadline=None)
def test_segmentation_loses_and_invents_no_letter(pieces):
    """Nothing is lost but a running footer (a last line shaped like one)."""
    text = "".join(word + gap for word, gap in pieces)
    assume(not any(_FOOTER.match(line.strip()) for line in text.splitlines()))
    sentences = segment_text(text)
    assert re.sub(r"[\W_]", "", "".join(s.text for s in sentences)) == re.sub(r"[\W_]", "", text)
    assert all(s.text == s.text.strip() and "\n" not in s.text and "  " not in s.text for s in sentences)


def test_segment_command(tmp_path):
    out = subprocess.run([sys.executable, "-m", "migterm", "segment", "--json", str(GLOSSARY / "sources" / "000_01aad2d1b28122a7.txt")],
                         capture_output=True, text=True, check=True).stdout
    records = [json.loads(line) for line in out.splitlines()]
    assert records[0] == {"file": str(GLOSSARY / "sources" / "000_01aad2d1b28122a7.txt"), "line": 1, "kind": "text", "text": "instrumentalisering van migranten."}
    assert {"line": 19, "kind": "heading", "text": "Mensenhandel en mensensmokkel"}.items() <= records[9].items()
    plain = subprocess.run([sys.executable, "-m", "migterm", "segment", str(GLOSSARY / "sources" / "002_d574fbd45873f2a3.txt")],
                           capture_output=True, text=True, check=True).stdout
    assert plain.splitlines()[0] == "Realisatie van versterking in de migratieketen"
    missing = subprocess.run([sys.executable, "-m", "migterm", "segment", str(tmp_path / "none.txt")], capture_output=True, text=True)
    assert missing.returncode == 2 and "none.txt" in missing.stderr and "Traceback" not in missing.stderr


# -- read as a stream: the same segments, in memory bounded by a line and a sentence ----------

_GAPS = [" ", " ", "\n", "-\n", ". ", ".\n", ", ", "\n\n", "\r\n", "\f", "\u2028", "\n12\n", ".\n26 De Staat van Migratie 2023\n"]
_TEXTS = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS)), min_size=1, max_size=60).map(
    lambda pieces: "".join(word + gap for word, gap in pieces))


def _segments(documents):
    return [(name, [s.to_dict() for s in sentences]) for name, sentences in Segmenter(documents)]


@given(_TEXTS, st.lists(st.integers(1, 40), min_size=1, max_size=20))
@settings(max_examples=200, deadline=None)
def test_a_text_read_in_pieces_of_any_size_is_segmented_as_a_whole(text, sizes):
    """However a file's reads cut its lines (within a piece's size), the segments are those of the text."""
    def pieces():
        start, index = 0, 0
        while start < len(text):
            size = sizes[index % len(sizes)]
            yield text[start : start + size]
            start, index = start + size, index + 1

    assert _segments([("d", pieces)]) == _segments([("d", text_lines(text))])


@given(_TEXTS)
@settings(max_examples=200, deadline=None)
def test_a_paragraph_given_out_as_it_is_read_has_the_sentences_of_the_whole(text):
    whole = _segments([("d", text_lines(text))])
    scan = segmentation._SCAN
    try:
        segmentation._SCAN = 20  # give out the complete sentences after every few words
        assert _segments([("d", text_lines(text))]) == whole
    finally:
        segmentation._SCAN = scan


def test_a_file_is_read_as_its_text(tmp_path):
    path = tmp_path / "staat.txt"
    path.write_bytes(b"\xef\xbb\xbf" + STAAT.replace("\n", "\r\n").encode("utf-8"))
    assert _segments([("d", file_lines(path))]) == _segments([("d", text_lines(STAAT))])


def test_a_line_longer_than_a_piece_and_a_sentence_without_end_are_cut(monkeypatch):
    monkeypatch.setattr(segmentation, "_LINE", 50)
    monkeypatch.setattr(segmentation, "_SENTENCE", 30)
    monkeypatch.setattr(segmentation, "_SCAN", 60)
    text = "asiel " * 40 + "\nDe terugkeer. Zo is het.\n" + "x" * 70
    sentences = segment_text(text)
    assert all(len(s.text) <= 30 for s in sentences)
    assert [s.text for s in sentences if not s.text.startswith(("asiel", "x"))] == ["De terugkeer.", "Zo is het."]
    assert "".join(s.text for s in sentences).replace(" ", "") == text.replace(" ", "").replace("\n", "")
    assert {s.line for s in sentences if s.text.startswith("asiel")} == {1} and sentences[-1].line == 3


def test_text_that_is_not_utf8_is_refused_with_its_line(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Eerste regel.\n".encode() * 3000 + "De vreemdeling is ge\xefntegreerd.\n".encode("latin-1"))
    for command in ("segment", "mine"):
        process = subprocess.run([sys.executable, "-m", "migterm", command, str(path)], capture_output=True, text=True)
        assert process.returncode == 2 and process.stdout == "", process.stderr
        assert process.stderr == f"migterm: {path}:3001: not UTF-8 text\n"
