from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migterm.recognise import Recogniser
from migterm.text import normalise

from .conftest import GLOSSARY, REPO


@pytest.fixture(scope="module")
def recogniser(termbase):
    return Recogniser(termbase)


def found(recogniser, text, **kw):
    return [(h.surface, h.concept.id, h.kind) for h in recogniser.scan(text, **kw)]


def test_every_context_quote_contains_its_term(recogniser, termbase):
    """Found as the concept itself or, where concepts share the form (inzet), as the same words."""
    missing = []
    for concept in termbase:
        for term in concept.terms_in("nl"):
            for context in term.contexts:
                hits = recogniser.scan(context.text, nested=True)
                if concept.id not in {h.concept.id for h in hits} and normalise(term.text) not in {normalise(h.term.text) for h in hits}:
                    missing.append((concept.id, term.text))
    assert missing == []


def test_longest_match_first(recogniser):
    assert found(recogniser, "de Europese Grens- en Kustwacht bewaakt de grens") == [
        ("Europese Grens- en Kustwacht", "european-border-and-coast-guard", "term"), ("grens", "border", "term")
    ]
    assert found(recogniser, "een kansarme asielaanvraag", nested=True) == [
        ("kansarme asielaanvraag", "application-with-little-chance-of-success", "term"), ("asielaanvraag", "asylum-application", "nested")
    ]


@pytest.mark.parametrize("text, surface, concept", [
    ("binnen het Schengen-\ngebied.", "Schengen-gebied", "schengen-area"),
    ("voor asiel\nzoekers met", "asiel zoekers", "asylum-seeker"),
    ("met keten\npartners (IND", "keten partners", "chain-partner"),
    ("ongewenste migratie-\nstromen", "migratie-stromen", "migration-flow"),
    ("de EU-\nlidstaten", "EU-lidstaten", "member-state"),
    ("de Europese \n22\nGrens- en Kustwacht", "Europese Grens- en Kustwacht", "european-border-and-coast-guard"),
    ("alle lidstaten", "lidstaten", "member-state"),
    ("irreguliere migratiestromen", "migratiestromen", "migration-flow"),
    ("het Schengen-gebied", "Schengen-gebied", "schengen-area"),
])
def test_pdf_line_breaks_inflections_and_spellings(recogniser, text, surface, concept):
    assert (surface, concept, "term") in found(recogniser, text)


def test_abbreviations_match_only_as_written(recogniser):
    assert found(recogniser, "het OM en de KMar") == [("OM", "om", "term"), ("KMar", "kmar", "term")]
    assert found(recogniser, "om te voorkomen") == []


def test_compounds_are_reported_with_their_known_part_and_a_marked_suggestion(recogniser):
    (hit,) = recogniser.scan("Het terugkeerbeleid")
    assert (hit.kind, hit.part, hit.english, hit.suggestion) == ("compound", "terugkeer", "return", "return policy")
    (hit,) = recogniser.scan("een grensbewakingsmissie")
    assert (hit.kind, hit.part, hit.english) == ("compound", "grens", "border")
    (hit,) = recogniser.scan("het asielzoekersbeleid")
    assert hit.kind == "compound" and hit.concept.id == "asylum-seeker" and hit.suggestion == "asylum seeker policy"
    (hit,) = recogniser.scan("het asielzoekerscentrum")  # a term of its own, not a compound
    assert (hit.kind, hit.concept.id, hit.english) == ("term", "asylum-seekers-centre", "asylum seekers' centre")


def test_lines_and_columns(recogniser):
    hits = recogniser.scan("Eerste regel.\nDe terugkeer van overlastgevers.")
    assert [(h.line, h.column, h.surface) for h in hits] == [(2, 4, "terugkeer"), (2, 18, "overlastgevers")]


def run(*args):
    return subprocess.run([sys.executable, "-m", "migterm", *args], capture_output=True, text=True, cwd=REPO, timeout=120)


def test_scan_command(tmp_path):
    result = run("scan", str(GLOSSARY / "sources" / "000_01aad2d1b28122a7.txt"))
    assert result.returncode == 0
    assert result.stdout.splitlines()[0].endswith(":1:1\tinstrumentalisering van migranten\tinstrumentalisation of migrants\t[instrumentalisation-of-migrants]")
    lines = [json.loads(line) for line in run("scan", "--json", "tests/data/tmx/version-1.1-lang-attribute.tmx").stdout.splitlines()]
    assert [(h["unit"], h["surface"], h["english"]) for h in lines] == [("1", "terugkeer", "return"), ("2", "asielzoeker", "asylum seeker")]
    empty = tmp_path / "empty.txt"
    empty.write_text("niets hier\n", encoding="utf-8")
    assert run("scan", str(empty)).returncode == 1


def test_lookup_explains_a_compound():
    result = run("lookup", "terugkeerbeleid")
    assert result.returncode == 1
    assert "It is a compound containing the term 'terugkeer' (return) [return]." in result.stderr
    assert "Suggested English, not in the termbase: return policy" in result.stderr


_FILLER = ["de", "het", "en", "van", "een", "aan", "beleid", "wordt", "Nederland", "2023", "om", "zoekers", "partners", "en/of",
           "asiel\nzoekers", "migratie\nstromen", "keten\npartners", "vreemdelingen\nketen", "Schengen-\ngebied"]  # as in PDF text


@given(st.data())
@settings(max_examples=150, deadline=None)
def test_the_quick_path_finds_what_the_full_search_finds(recogniser, termbase, data):
    """A scan that also reports nested terms takes the full search at every word;
    less its nested hits, it must find exactly what the ordinary scan finds."""
    forms = sorted({t.text for c in termbase for t in c.terms_in("nl")} | {f for c in termbase for t in c.terms_in("nl") for f in t.inflected_forms})
    split = st.builds(lambda form, cut: form[: cut % len(form)] + "\n" + form[cut % len(form) :], st.sampled_from(forms), st.integers(1, 30))
    words = data.draw(st.lists(st.sampled_from(forms) | st.sampled_from(_FILLER) | split, min_size=1, max_size=12))
    gaps = data.draw(st.lists(st.sampled_from([" ", " ", "\n", "-\n", ", ", "\n22\n"]), min_size=len(words), max_size=len(words)))
    text = "".join(w + g for w, g in zip(words, gaps))
    plain = [(h.start, h.end, h.concept.id, h.kind) for h in recogniser.scan(text)]
    full = [(h.start, h.end, h.concept.id, h.kind) for h in recogniser.scan(text, nested=True) if h.kind != "nested"]
    assert plain == full


_ONE_LINE = ["de", "het", "EU", "eu", "om", "OM", "IND", "ind", "van", "Nederland", "EU-lidstaten", "NGO’s", "grensbeheer", "2023", "(MTV)", "DT&V",
             "is", "wordt", "in", "afgewezen", "ingetrokken"]  # the last: first and second words of longer terms


@given(st.data())
@settings(max_examples=200, deadline=None)
def test_terms_of_a_unit_are_what_scan_finds(recogniser, termbase, data):
    """`terms`, which finds the terms of a one-line text without the full search where
    it can, finds exactly the term hits of `scan`."""
    forms = sorted({f for c in termbase for t in c.terms_in("nl") for f in (t.text, *t.inflected_forms)})
    words = data.draw(st.lists(st.sampled_from(forms) | st.sampled_from(_ONE_LINE), min_size=1, max_size=10))
    text = data.draw(st.sampled_from([" ", ", ", " en "])).join(words) + "."
    assert recogniser.terms(text) == [(h.concept, h.term, h.surface) for h in recogniser.scan(text) if h.kind == "term"]


# -- the fast paths against the straightforward reading ---------------------------------------

def _reference(recogniser):
    """The same recogniser with its fast paths off: every text is read word by word,
    every term starting with a word is tried, and every word is read in all its ways."""
    recogniser._quick_terms = lambda text: None
    recogniser._starting = lambda words, i, key: recogniser._starts(key)
    recogniser._match = recogniser._match_units
    return recogniser


_GAPS = [" ", " ", " ", "\n", "-\n", ", ", ". ", " en ", "-"]
_ENDINGS = ["", "", "", "s", "en", "e", "'s"]
_NOISE = ["de", "het", "van", "voor", "op", "beleid", "verlenging", "asiel", "keten", "partners", "grens", "EU", "en"]


@st.composite
def _texts(draw, lang):
    if lang not in _FORMS:
        import migterm

        _FORMS[lang] = sorted({f for c in migterm.load(GLOSSARY) for t in c.terms_in(lang) for f in (t.text, *t.inflected_forms)})
    forms = _FORMS[lang]
    one_line = draw(st.booleans())  # a translation unit's usual shape, which takes the quickest path
    gaps = [gap for gap in _GAPS if "\n" not in gap and gap != "-"] if one_line else _GAPS
    parts = []
    for _ in range(draw(st.integers(1, 14))):
        kind = draw(st.sampled_from(["term", "term", "noise", "compound"]))
        if kind == "noise":
            word = draw(st.sampled_from(_NOISE))
        else:
            word = draw(st.sampled_from(forms))
            if kind == "compound":
                word = draw(st.sampled_from(["terugkeer", "migratie", "grens"])) + word.split(" ")[0].lower()
            word += draw(st.sampled_from(_ENDINGS))
            if " " in word and not one_line and draw(st.booleans()):  # a term broken over a line
                word = word.replace(" ", draw(st.sampled_from(["\n", "-\n", " \n"])), 1)
        parts.append(word + draw(st.sampled_from(gaps)))
    return "".join(parts)


_FORMS: dict[str, list[str]] = {}


@pytest.fixture(scope="module")
def pairs_of_recognisers(termbase):
    return {lang: (Recogniser(termbase, lang), _reference(Recogniser(termbase, lang))) for lang in ("nl", "en")}


@pytest.fixture(scope="module")
def pair_of_checkers(termbase):
    from migterm.check import Checker

    fast, reference = Checker(termbase), Checker(termbase)
    _reference(reference._source)
    reference._target = _reference(Recogniser(termbase, "en"))
    return fast, reference


@settings(max_examples=1000, deadline=None)
@given(st.data())
def test_the_fast_paths_find_what_the_straightforward_reading_finds(pairs_of_recognisers, data):
    """Hits with inflections, line breaks, hyphens and compounds, in Dutch and in English."""
    lang = data.draw(st.sampled_from(["nl", "en"]))
    text = data.draw(_texts(lang))
    fast, reference = pairs_of_recognisers[lang]
    for nested in (False, True):
        assert [h.to_dict() for h in fast.scan(text, nested=nested)] == [h.to_dict() for h in reference.scan(text, nested=nested)], text
    found = [(c.id, t.text, s) for c, t, s in fast.terms(text)]
    assert found == [(c.id, t.text, s) for c, t, s in reference.terms(text)], text
    assert found == [(h.concept.id, h.term.text, h.surface) for h in reference.scan(text) if h.kind == "term"], text


@settings(max_examples=1000, deadline=None)
@given(st.data())
def test_the_fast_paths_give_the_findings_of_the_straightforward_check(pair_of_checkers, data):
    source, target = data.draw(_texts("nl")), data.draw(_texts("en"))
    fast, reference = pair_of_checkers
    found = [(kind, concept.id, surface, what) for kind, concept, surface, what in fast.check(source, target)]
    assert found == [(kind, concept.id, surface, what) for kind, concept, surface, what in reference.check(source, target)], (source, target)
