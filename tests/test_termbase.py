from __future__ import annotations

import pytest
import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

import migterm
from migterm import MatchKind, Status, Term, Termbase

from .conftest import GLOSSARY
from .strategies import concept_lists


def ids(matches):
    return [m.concept.id for m in matches]


@pytest.mark.parametrize(
    "query, concept, english",
    [
        ("terugkeer", "return", "return"),
        ("asielaanvragen", "asylum-application", "asylum application"),
        ("lidstaten", "member-state", "Member State"),
        ("buitengrenzen", "external-border", "external border"),
        ("herkomstlanden", "country-of-origin", "country of origin"),
        ("overlastgevers", "nuisance-causing-asylum-seeker", "nuisance-causing asylum seeker"),
        ("transitlanden", "transit-country", "transit country"),
        ("geintegreerd grensbeheer", "european-integrated-border-management", "European integrated border management"),
        ("eu terugkeercoordinator", "eu-return-coordinator", "EU Return Coordinator"),
        ("MTV", "mobile-security-monitor", "Mobile Security Monitoring"),
        ("mtv", "mobile-security-monitor", "Mobile Security Monitoring"),
        ("KMar", "kmar", "Royal Netherlands Marechaussee"),
        ("DT&V", "dtv", "Repatriation and Departure Service"),
        ("Schengen gebied", "schengen-area", "Schengen area"),
        ("Schengen-gebied", "schengen-area", "Schengen area"),
        ("EU-lidstaten", "member-state", "Member State"),
        ("migratiestromen", "migration-flow", "migration flow"),
        ("noodremmechanismen", "visa-suspension-mechanism", "visa suspension mechanism"),
    ],
)
def test_the_lookups_translators_make(termbase, query, concept, english):
    matches = termbase.lookup(query)
    assert matches, query
    assert matches[0].concept.id == concept
    assert matches[0].concept.preferred("en").text == english


def test_english_to_dutch(termbase):
    match = termbase.lookup("emergency brake mechanism")[0]
    assert match.concept.preferred("nl").text == "noodremmechanisme"
    assert match.how is MatchKind.EXACT and match.term.status is Status.ADMITTED
    assert termbase.lookup("Mobile Security Monitor", lang="en")[0].concept.id == "mobile-security-monitor"
    assert ids(termbase.lookup("asylum applications")) == ["asylum-application"]


def test_abbreviations_both_ways(termbase):
    assert termbase.lookup("Mobiel Toezicht Veiligheid")[0].concept is termbase.lookup("MTV")[0].concept
    assert termbase.lookup("Koninklijke Marechaussee")[0].concept.id == "kmar"
    kmar = termbase.lookup("Royal Netherlands Marechaussee", lang="en")[0].concept
    assert "KMar" in [t.text for t in kmar.terms_in("nl")]


def test_how_a_match_was_made_is_reported(termbase):
    assert termbase.lookup("terugkeer")[0].how is MatchKind.EXACT
    assert termbase.lookup("Terugkeer")[0].how is MatchKind.NORMALISED
    assert termbase.lookup("asielaanvragen")[0].how is MatchKind.INFLECTED
    # the plural of 'EU-terugkeercoördinator' is not recorded: only the inflection rules find it
    assert termbase.lookup("EU-terugkeercoördinatoren")[0].how is MatchKind.LEMMATISED


def test_lang_restricts_the_search(termbase):
    assert termbase.lookup("terugkeer", lang="en") == []
    assert ids(termbase.lookup("return", lang="en")) == ["return"]
    assert termbase.lookup("return", lang="nl") == []


def test_near_misses_get_suggestions_and_no_match(termbase):
    assert termbase.lookup("noodremmechanism") == []
    assert "noodremmechanisme" in termbase.suggest("noodremmechanism")
    assert "asielaanvraag" in termbase.suggest("asielaanvrag")
    assert termbase.suggest("xyzzy") == []


def test_recorded_plurals_of_dutch_nouns_are_also_reached_by_the_inflection_rules(termbase):
    """The rules are the safety net for plurals the glossary does not record."""
    missed = []
    for concept in termbase:
        for term in concept.terms_in("nl"):
            if term.plural and " " not in term.text and "’" not in term.plural:
                bare = Term(term.text, term.lang, term.status)
                alone = Termbase([migterm.Concept(concept.id, (bare,))])
                if [m.how for m in alone.lookup(term.plural)] != [MatchKind.LEMMATISED]:
                    missed.append((term.text, term.plural))
    assert missed == []


@settings(max_examples=60, deadline=None)
@given(concept_lists())
def test_every_term_and_every_recorded_form_finds_its_own_concept(concepts):
    termbase = Termbase(concepts)
    for concept in concepts:
        for term in concept.terms:
            for text in (term.text, *term.inflected_forms):
                if any(c.isalnum() for c in text):
                    assert concept.id in ids(termbase.lookup(text)), text
                    assert concept.id in ids(termbase.lookup(text, lang=term.lang)), text


def test_every_term_and_form_of_the_glossary_finds_its_own_concept(termbase):
    for concept in termbase:
        for term in concept.terms:
            for text in (term.text, *term.inflected_forms):
                assert concept.id in ids(termbase.lookup(text, lang=term.lang)), (concept.id, text)


@settings(max_examples=60, deadline=None)
@given(concept_lists())
def test_english_equivalents_look_back_to_their_dutch_term(concepts):
    termbase = Termbase(concepts)
    for concept in concepts:
        for dutch in concept.terms_in("nl"):
            for english in concept.terms_in("en"):
                if english.status.approved:
                    back = [m.concept for m in termbase.lookup(english.text, lang="en")]
                    assert any(dutch in c.terms for c in back)


def test_english_equivalents_of_the_glossary_look_back_to_their_dutch_terms(termbase):
    for concept in termbase:
        for english in concept.terms_in("en"):
            if english.status.approved:
                back = [m.concept.id for m in termbase.lookup(english.text, lang="en")]
                assert concept.id in back, english.text


def test_loading_is_deterministic_and_the_cache_gives_the_same_termbase(tmp_path, monkeypatch):
    monkeypatch.setenv("MIGTERM_CACHE_DIR", str(tmp_path))
    fresh = [c.to_dict() for c in migterm.load(GLOSSARY, cache=False)]
    assert fresh == [c.to_dict() for c in migterm.load(GLOSSARY, cache=False)]
    first = migterm.load(GLOSSARY)  # builds and writes the cache
    cached = list(tmp_path.glob("termbase-*.bin"))
    assert len(cached) == 1
    second = migterm.load(GLOSSARY)  # reads it
    assert [c.to_dict() for c in first] == [c.to_dict() for c in second] == fresh
    assert second.sources == first.sources
    assert ids(second.lookup("asielaanvragen")) == ids(first.lookup("asielaanvragen"))


def test_the_cache_written_is_the_one_read_next_time(tmp_path, monkeypatch):
    """Its checksum, written after the parts it covers, is right: the next command
    does not parse the glossary again."""
    from migterm import glossary

    monkeypatch.setenv("MIGTERM_CACHE_DIR", str(tmp_path))
    first = [c.to_dict() for c in migterm.load(GLOSSARY)]

    def refuse(directory):
        raise AssertionError(f"{directory} was parsed again")

    monkeypatch.setattr(glossary, "_build", refuse)
    assert [c.to_dict() for c in migterm.load(GLOSSARY)] == first


def test_a_damaged_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("MIGTERM_CACHE_DIR", str(tmp_path))
    migterm.load(GLOSSARY)
    (cache,) = tmp_path.glob("termbase-*.bin")
    cache.write_bytes(b"\x00garbage")
    assert ids(migterm.load(GLOSSARY).lookup("terugkeer")) == ["return"]


@settings(max_examples=60, deadline=None)
@given(concept_lists(), st.sampled_from([1, 2, 64]))
def test_the_compiled_form_is_the_same_termbase(concepts, keys_per_bucket):
    """Also with the index in many small buckets, as a large termbase has it."""
    from migterm.recognise import Recogniser
    from migterm.termbase import _Packed

    built = Termbase(concepts)
    usual, _Packed._KEYS_PER_BUCKET = _Packed._KEYS_PER_BUCKET, keys_per_bucket
    try:
        again = Termbase.from_compiled(built.compiled())
    finally:
        _Packed._KEYS_PER_BUCKET = usual
    assert [c.to_dict() for c in again] == [c.to_dict() for c in concepts]
    assert [c.to_dict() for c in Termbase(concepts)] == [c.to_dict() for c in built]  # building is deterministic
    assert again.languages == built.languages
    text = " ".join(t.text for c in concepts for t in c.terms)
    for lang in built.languages:
        assert sorted(again.forms(lang)) == sorted(built.forms(lang))
        assert [h.to_dict() for h in Recogniser(again, lang).scan(text)] == [h.to_dict() for h in Recogniser(built, lang).scan(text)]
    for concept in concepts:
        for term in concept.terms:
            assert ids(again.lookup(term.text)) == ids(built.lookup(term.text))
            assert again.lookup(term.text.replace(" ", "")) == built.lookup(term.text.replace(" ", ""))
            assert again.suggest(term.text + "x") == built.suggest(term.text + "x")


def test_a_compiled_termbase_keeps_only_so_many_concepts_and_buckets_unpacked(monkeypatch):
    """So that a scan of a large termbase, which meets many of its concepts, does not come
    to hold all of them: what it meets again is rebuilt, the same."""
    from migterm import Concept
    from migterm import termbase as module

    monkeypatch.setattr(module, "_BUILT", 3)
    monkeypatch.setattr(module, "_UNPACKED", 2)
    monkeypatch.setattr(module._Packed, "_KEYS_PER_BUCKET", 1)
    concepts = [Concept(f"c{i}", (Term(f"woord{i}", "nl", Status.PREFERRED), Term(f"word {i}", "en", Status.PREFERRED))) for i in range(12)]
    built = Termbase(concepts)
    compiled = Termbase.from_compiled(built.compiled())
    for _ in range(2):
        assert [c.to_dict() for c in compiled] == [c.to_dict() for c in concepts]
        for concept in concepts:
            assert ids(compiled.lookup(concept.terms[1].text)) == [concept.id]
    assert len(compiled._built) == 3
    assert len(compiled._index._buckets) == 2


def test_a_file_blob_reads_what_the_file_held_when_it_was_opened(tmp_path):
    import os

    from migterm.termbase import FileBlob

    path = tmp_path / "blob"
    path.write_bytes(b"0123456789")
    blob = FileBlob.open(path)
    part = blob[2:8]
    assert (len(blob), bytes(blob), len(part), bytes(part), bytes(part[1:3]), bytes(part[4:])) == (10, b"0123456789", 6, b"234567", b"34", b"67")
    assert bytes(blob[7:3]) == b""
    (tmp_path / "new").write_bytes(b"abcdefghij")
    os.replace(tmp_path / "new", path)  # the way the cache is written: replaced, never changed in place
    assert bytes(part) == b"234567"
    whole = FileBlob.open(path)
    with open(path, "r+b") as handle:  # a file cut short under it is not read as if it were whole
        handle.truncate(4)
    assert bytes(whole[:4]) == b"abcd"
    with pytest.raises(migterm.MigtermError, match="cut short while it was read [(]it ends at byte 4, not after 10[)]") as error:
        bytes(whole[2:])
    assert error.value.path == str(path)


def test_narrower_and_supersedes_are_derived_and_survive_the_cache(tmp_path):
    from migterm import Concept, Status, Term

    def concept(cid: str, **relations) -> Concept:
        return Concept(cid, (Term(cid, "nl", Status.PREFERRED), Term(cid, "en", Status.PREFERRED)), **relations)

    built = Termbase([
        concept("protection"),
        concept("refugee-status", broader=("protection",)),
        concept("subsidiary-protection", broader=("protection",), related=("refugee-status",)),
        concept("old-act", superseded_by=("new-act",)),
        concept("new-act"),
    ])
    for termbase in (built, Termbase.from_compiled(built.compiled())):
        assert termbase.narrower("protection") == ("refugee-status", "subsidiary-protection")
        assert termbase.narrower("refugee-status") == ()
        assert termbase.supersedes("new-act") == ("old-act",)
        assert termbase["subsidiary-protection"].related == ("refugee-status",)


@st.composite
def _sharing(draw: st.DrawFn) -> tuple[list[migterm.Concept], str]:
    """Two to four concepts that share one Dutch form, each with its own status for it."""
    from .strategies import concepts, term_texts

    shared = draw(term_texts())
    out = []
    for i in range(draw(st.integers(2, 4))):
        concept = draw(concepts(concept_id=f"c{i}"))
        status = draw(st.sampled_from(list(Status)))
        terms = [t for t in concept.terms if not (t.lang == "nl" and (t.text == shared or (status is Status.PREFERRED and t.status is Status.PREFERRED)))]
        out.append(dataclasses.replace(concept, terms=(*terms, Term(shared, "nl", status))))
    return out, shared


@settings(max_examples=80, deadline=None)
@given(_sharing())
def test_concepts_that_share_a_dutch_form_are_all_found_the_closest_first(case):
    concepts, shared = case
    termbase = Termbase(concepts)
    matches = termbase.lookup(shared, lang="nl")
    assert {c.id for c in concepts} <= set(ids(matches))
    keys = [(list(MatchKind).index(m.how), list(Status).index(m.term.status), m.concept.id) for m in matches]
    assert keys == sorted(keys)


def test_the_command_line_says_when_a_form_names_several_concepts(tmp_path):
    from click.testing import CliRunner

    from migterm.cli import cli

    glossary = tmp_path / "glossary"
    glossary.mkdir()
    (glossary / "policy.toml").write_text('''
[[concept]]
id = "deployment"
  [[concept.term]]
  lang = "nl"
  text = "inzet"
  status = "admitted"
  [[concept.term]]
  lang = "en"
  text = "deployment"
  status = "preferred"

[[concept]]
id = "effort"
  [[concept.term]]
  lang = "nl"
  text = "inzet"
  status = "preferred"
  [[concept.term]]
  lang = "en"
  text = "effort"
  status = "preferred"
''', encoding="utf-8")
    result = CliRunner().invoke(cli, ["lookup", "--glossary", str(glossary), "inzet"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "2 concepts match 'inzet', the closest first: effort [effort]; deployment [deployment]"
