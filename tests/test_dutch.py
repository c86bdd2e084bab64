from __future__ import annotations

import pytest

from migterm import dutch, english


@pytest.mark.parametrize(
    "inflected, lemma",
    [
        ("asielaanvragen", "asielaanvraag"),
        ("lidstaten", "lidstaat"),
        ("buitengrenzen", "buitengrens"),
        ("herkomstlanden", "herkomstland"),
        ("transitlanden", "transitland"),
        ("overlastgevers", "overlastgever"),
        ("grensregios", "grensregio"),
        ("actieplannen", "actieplan"),
        ("migratiestromen", "migratiestroom"),
        ("irreguliere", "irregulier"),
        ("europese", "europees"),
        ("centrale", "centraal"),
        ("visumvrije", "visumvrij"),
    ],
)
def test_dutch_inflections_lead_back_to_their_lemma(inflected, lemma):
    assert lemma in dutch.lemma_candidates(inflected)


@pytest.mark.parametrize("word", ["en", "de", "grens", "opvang"])
def test_a_lemma_is_never_its_own_candidate(word):
    assert word not in dutch.lemma_candidates(word)


@pytest.mark.parametrize(
    "inflected, lemma",
    [("applications", "application"), ("countries", "country"), ("borders", "border"), ("partnerships", "partnership")],
)
def test_english_plurals_lead_back_to_their_lemma(inflected, lemma):
    assert lemma in english.lemma_candidates(inflected)
