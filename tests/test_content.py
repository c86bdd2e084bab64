"""The glossary's content: what every concept must carry, and the key equivalents."""

from __future__ import annotations

from collections import Counter

import pytest

from migterm import PartOfSpeech, ReferenceKind, Status
from migterm.sources import check_quotes

from .conftest import GLOSSARY


def test_every_context_quote_is_verbatim_from_its_source_document(termbase):
    assert [str(p) for p in check_quotes(termbase, GLOSSARY)] == []


def test_the_termbase_covers_the_two_documents(termbase):
    assert {"staat-van-migratie-2023", "jaarverslag-jenv-2022"} <= set(termbase.sources)
    cited = Counter(ctx.source for c in termbase for t in c.terms for ctx in t.contexts)
    assert cited["staat-van-migratie-2023"] >= 30 and cited["jaarverslag-jenv-2022"] >= 30


def test_every_concept_is_complete(termbase):
    for concept in termbase:
        where = concept.id
        assert concept.subject, where
        assert concept.preferred("nl") is not None and concept.preferred("nl").status is Status.PREFERRED, where
        assert concept.preferred("en") is not None and concept.preferred("en").status is Status.PREFERRED, where
        assert concept.definitions.get("en", "").endswith("."), where
        assert any(t.contexts for t in concept.terms_in("nl")), where


def test_every_concept_has_evidence_for_its_english_or_says_why_not(termbase):
    without = [c.id for c in termbase if not c.references]
    assert sorted(without) == ["migration-cooperation", "migration-system", "parliamentary-year"]
    for concept_id in without:
        assert any("no authoritative source" in n or "no official English" in n for n in termbase[concept_id].notes), concept_id
    for concept in termbase:
        for reference in concept.references:
            assert reference.url is not None or reference.kind is ReferenceKind.EMN_GLOSSARY or "Treaty" in reference.title or "Protocol" in reference.title, (concept.id, reference.title)


def test_dutch_nouns_carry_their_grammar(termbase):
    for concept in termbase:
        for term in concept.terms_in("nl"):
            if term.pos in (PartOfSpeech.NOUN, PartOfSpeech.PROPER_NOUN) and not term.term_type.is_abbreviated and term.text not in {"Frontex", "Eurodac"}:  # names used without an article
                assert term.gender is not None, (concept.id, term.text)


def test_deprecated_terms_say_why(termbase):
    for concept in termbase:
        for term in concept.terms:
            if term.status in (Status.DEPRECATED, Status.SUPERSEDED):
                assert term.usage, (concept.id, term.text)


@pytest.mark.parametrize(
    "dutch, english",
    [
        ("grenstoezicht", "border control"),
        ("buitengrens", "external border"),
        ("Schengengebied", "Schengen area"),
        ("noodremmechanisme", "visa suspension mechanism"),
        ("visumvrijstelling", "visa exemption"),
        ("visumharmonisatie", "visa policy alignment"),
        ("irreguliere migratie", "irregular migration"),
        ("mensenhandel", "trafficking in human beings"),
        ("mensensmokkel", "migrant smuggling"),
        ("arbeidsuitbuiting", "labour exploitation"),
        ("terugkeer", "return"),
        ("IND", "Immigration and Naturalisation Service"),
        ("COA", "Central Agency for the Reception of Asylum Seekers"),
        ("DT&V", "Repatriation and Departure Service"),
        ("KMar", "Royal Netherlands Marechaussee"),
        ("OM", "Public Prosecution Service"),
        ("Tweede Kamer", "House of Representatives"),
        ("Europese Grens- en Kustwacht", "European Border and Coast Guard"),
        ("ETIAS", "European Travel Information and Authorisation System"),
        ("EES", "Entry/Exit System"),
        ("Samen tegen Mensenhandel", "Together against Human Trafficking"),
        ("EU-terugkeercoördinator", "EU Return Coordinator"),
    ],
)
def test_key_equivalents(termbase, dutch, english):
    assert termbase.lookup(dutch, lang="nl")[0].concept.preferred("en").text == english


@pytest.mark.parametrize(
    "dutch, wrong",
    [("grenstoezicht", "border surveillance"), ("sobere opvang", "sober reception"), ("Tweede Kamer", "Second Chamber"), ("asielzoeker", "refugee")],
)
def test_false_friends_are_recorded_as_deprecated(termbase, dutch, wrong):
    concept = termbase.lookup(dutch, lang="nl")[0].concept
    assert {t.text: t.status for t in concept.terms_in("en")}[wrong] is Status.DEPRECATED


def test_references_come_from_authoritative_kinds_first(termbase):
    kinds = Counter(r.kind for c in termbase for r in c.references)
    authoritative = sum(kinds[k] for k in (ReferenceKind.EU_LEGISLATION, ReferenceKind.EU_INSTITUTION, ReferenceKind.EMN_GLOSSARY, ReferenceKind.OFFICIAL_NAME, ReferenceKind.GOVERNMENT))
    assert authoritative >= 0.85 * sum(kinds.values())
