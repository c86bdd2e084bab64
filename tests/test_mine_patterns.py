"""The patterns of legal Dutch that `mine` takes as candidates, and the look-alikes it leaves,
one sentence each (the sentences are from, or shaped after, the Vreemdelingenwet 2000)."""

from __future__ import annotations

import pytest

from migterm.mine import mine

FOUND = [
    ("vreemdeling: ieder die niet de Nederlandse nationaliteit bezit;", "vreemdeling"),
    ("Deze wet wordt aangehaald als: Vreemdelingenwet 2000.", "Vreemdelingenwet 2000"),
    ("Dit is bepaald in richtlijn nr. 2001/55/EG van de Raad.", "Richtlijn 2001/55/EG"),
    ("Onze Minister kan de termijn verkorten.", "Onze Minister"),
    ("Het bepaalde in de Wet COA is van toepassing.", "Wet COA"),
    ("De vreemdeling verkrijgt een verblijfsvergunning asiel voor bepaalde tijd.", "verblijfsvergunning asiel voor bepaalde tijd"),
    ("De rust- en voorbereidingstermijn duurt zes dagen.", "rust- en voorbereidingstermijn"),
    ("Het beroep heeft geen opschortende werking.", "opschortende werking"),
    ("Hij heeft een gegronde vrees voor vervolging.", "gegronde vrees"),
    ("De vreemdeling wordt aan een nader gehoor onderworpen.", "nader gehoor"),
    ("Daartegen staat hoger beroep open.", "hoger beroep"),
    ("Hij loopt een reëel risico op ernstige schade.", "reëel risico"),
    ("Het land is een veilig land van herkomst voor de vreemdeling.", "veilig land van herkomst"),
    ("Een afschrift van het verslag van het nader gehoor wordt verstrekt.", "verslag van het nader gehoor"),
    ("Hij verblijft hier als houder van een verblijfsvergunning asiel.", "houder van een verblijfsvergunning asiel"),
    ("De vreemdeling wordt aan een eerste gehoor onderworpen.", "eerste gehoor"),
    ("Het hoger beroep wordt ingesteld bij de Afdeling bestuursrechtspraak van de Raad van State.", "Afdeling bestuursrechtspraak van de Raad van State"),
    ("Onze Minister verstrekt een lening aan de inburgeringsplichtige die daarom verzoekt.", "inburgeringsplichtige"),  # an adjective as a noun
    ("Arbeid als zelfstandige is toegestaan aan een zelfstandige.", "zelfstandige"),
]

LEFT = [
    ("Hij moet de uit het terugkeerbesluit voortvloeiende terugkeerverplichting nakomen.", "voortvloeiende terugkeerverplichting"),
    ("De voor een vreemdeling geldende termijn kan worden verkort.", "geldende termijn"),
    ("Het bepaalde in het eerste lid is van toepassing.", "eerste lid"),
    ("Dit geschiedt op grond van artikel 29.", "grond van artikel"),
    ("Bij algemene maatregel van bestuur worden regels gesteld.", "algemene maatregel"),
    ("De verantwoordelijke lidstaat neemt de vreemdeling terug.", "verantwoordelijke"),  # an adjective before its noun
]


def texts(sentence: str) -> set[str]:
    return {candidate.text for candidate in mine([("test.md", sentence)])}


@pytest.mark.parametrize("sentence, term", FOUND)
def test_the_term_of_the_sentence_is_a_candidate(sentence, term):
    assert term in texts(sentence)


@pytest.mark.parametrize("sentence, phrase", LEFT)
def test_the_look_alike_is_no_candidate(sentence, phrase):
    assert phrase not in texts(sentence)
