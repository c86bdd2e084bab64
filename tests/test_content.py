"""The glossary's content: what every concept must carry, and the key equivalents."""

from __future__ import annotations

from collections import Counter

import pytest

from migterm import PartOfSpeech, ReferenceKind, Status
from migterm.sources import check_quotes

from .conftest import GLOSSARY


def test_every_context_quote_is_verbatim_from_its_source_document(termbase):
    assert [str(p) for p in check_quotes(termbase, GLOSSARY)] == []


def test_the_termbase_covers_the_two_documents_and_the_legislation(termbase):
    assert len(termbase) >= 84 + 130 + 120  # the two documents, part 1 (asylum, protection, reception), part 2 (regular migration)
    cited = Counter(ctx.source for c in termbase for t in c.terms for ctx in t.contexts)
    assert cited["staat-van-migratie-2023"] >= 30 and cited["jaarverslag-jenv-2022"] >= 30
    assert cited["vw-2000"] >= 60 and cited["vb-2000"] >= 30 and cited["wet-coa"] >= 3 and cited["vc-2000-b"] >= 10
    assert cited["wi"] >= 10 and cited["bi"] >= 10 and cited["wav"] >= 10
    assert set(cited) == set(termbase.sources), "every source is quoted, and only sources are quoted"


def test_quotes_from_legislation_name_their_article_and_publications_their_page(termbase):
    for concept in termbase:
        for term in concept.terms:
            for context in term.contexts:
                source = termbase.sources[context.source]
                if source.bwb:
                    assert context.article and context.page is None, (concept.id, context.text)
                else:
                    assert context.article is None, (concept.id, context.text)


def test_every_concept_is_complete(termbase):
    for concept in termbase:
        where = concept.id
        assert concept.subject, where
        assert concept.preferred("nl") is not None and concept.preferred("nl").status is Status.PREFERRED, where
        assert concept.preferred("en") is not None and concept.preferred("en").status is Status.PREFERRED, where
        assert concept.definitions.get("en", "").endswith("."), where
        quoted = any(t.contexts for t in concept.terms_in("nl"))
        assert quoted or any("none of the source documents" in n for n in concept.notes), where


def test_every_concept_has_evidence_for_its_english_or_says_why_not(termbase):
    without = [c.id for c in termbase if not c.references]
    assert sorted(without) == ["deployment", "effort", "migration-cooperation", "migration-system", "parliamentary-year", "recurrent"]
    for concept_id in without:
        assert any("no authoritative source" in n.lower() or "no official english" in n.lower() for n in termbase[concept_id].notes), concept_id
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
        ("machtiging tot voorlopig verblijf", "provisional residence permit"),
        ("mvv", "provisional residence permit"),
        ("referent", "sponsor"),
        ("erkend referent", "recognised sponsor"),
        ("verblijfsvergunning regulier voor onbepaalde tijd", "permanent residence permit"),
        ("langdurig ingezetene", "long-term resident"),
        ("gezinshereniging", "family reunification"),
        ("gezinsvorming", "family formation"),
        ("kennismigrant", "highly skilled migrant"),
        ("Europese blauwe kaart", "EU Blue Card"),
        ("tewerkstellingsvergunning", "work permit"),
        ("gecombineerde vergunning", "single permit"),
        ("inburgeringsexamen", "civic integration examination"),
        ("inburgeringsplicht", "civic integration obligation"),
        ("ontheffing van de inburgeringsplicht", "dispensation"),
        ("naturalisatie", "naturalisation"),
        ("verklaring van verbondenheid", "Declaration of Solidarity"),
        ("au pair", "au pair"),
        ("Nederlandse Arbeidsinspectie", "Netherlands Labour Authority"),
    ],
)
def test_key_equivalents(termbase, dutch, english):
    assert termbase.lookup(dutch, lang="nl")[0].concept.preferred("en").text == english


@pytest.mark.parametrize(
    "dutch, wrong",
    [("grenstoezicht", "border surveillance"), ("sobere opvang", "sober reception"), ("Tweede Kamer", "Second Chamber"), ("asielzoeker", "refugee"),
     ("kennismigrant", "knowledge migrant"), ("referent", "referent"), ("inburgeringsexamen", "citizenship test"),
     ("ontheffing van de inburgeringsplicht", "exemption"), ("naturalisatie", "naturalization")],
)
def test_false_friends_are_recorded_as_deprecated(termbase, dutch, wrong):
    concept = termbase.lookup(dutch, lang="nl")[0].concept
    assert {t.text: t.status for t in concept.terms_in("en")}[wrong] is Status.DEPRECATED


AUTHORITATIVE = {ReferenceKind.EU_LEGISLATION, ReferenceKind.EU_INSTITUTION, ReferenceKind.EMN_GLOSSARY, ReferenceKind.IATE,
                 ReferenceKind.OFFICIAL_NAME, ReferenceKind.GOVERNMENT, ReferenceKind.INTERNATIONAL}


def test_references_come_from_authoritative_kinds_first(termbase):
    kinds = Counter(r.kind for c in termbase for r in c.references)
    assert sum(kinds[k] for k in AUTHORITATIVE) >= 0.75 * sum(kinds.values())
    referenced = [c for c in termbase if c.references]
    backed = [c for c in referenced if any(r.kind in AUTHORITATIVE for r in c.references)]
    assert len(backed) >= 0.95 * len(referenced), sorted({c.id for c in referenced} - {c.id for c in backed})


def test_superseded_terms_say_when_and_by_what(termbase):
    import re

    for concept in termbase:
        for term in concept.terms:
            if term.status is Status.SUPERSEDED:
                assert re.search(r"\b(?:19|20)\d\d\b", term.usage or ""), (concept.id, term.text)
        for target in concept.superseded_by:
            assert re.search(r"\b(?:19|20)\d\d\b", " ".join(concept.notes) + " ".join(concept.definitions.values())), (concept.id, target)
