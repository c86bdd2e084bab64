"""scan and mine on a text the termbase was not built from (tests/data/texts), against
the terms marked there by hand; docs/quality.md reports the same figures."""

from __future__ import annotations

import itertools

from migterm import dutch
from migterm.mine import mine
from migterm.recognise import Recogniser
from migterm.text import normalise

from .conftest import REPO

TEXTS = REPO / "tests" / "data" / "texts"
PASSAGE = (TEXTS / "vw2000-art61-64.md").read_text(encoding="utf-8")
MARKED = [line.strip() for line in (TEXTS / "vw2000-art61-64.terms.txt").read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
KNOWN = [line.removesuffix("[known]").strip() for line in MARKED if line.endswith("[known]")]
NEW = [line for line in MARKED if not line.endswith("[known]")]
MARKED_TERMS = KNOWN + NEW


def test_scan_finds_every_known_term_of_the_passage_and_nothing_else(termbase):
    hits = Recogniser(termbase).scan(PASSAGE)
    terms = [h for h in hits if h.kind == "term"]
    assert {h.concept.id for h in terms} == {termbase.lookup(k, lang="nl")[0].concept.id for k in KNOWN}
    # counted by hand: vreemdeling 26, Onze Minister 7, rechtmatig verblijf 5, verblijfsvergunning 5,
    # vertrek 4, overdracht 4, verantwoordelijke lidstaat 3, lidstaat 3 more, Dublinverordening 2,
    # verblijf 1 more, Europese Unie 1, kennelijk ongegrond 1, gemeenschapsonderdaan 2, gezinsleden 1
    assert len(terms) == 65
    compounds = {(h.surface.lower(), h.suggestion) for h in hits if h.kind == "compound"}
    assert compounds == {("terugkeerbesluit", "return decision"), ("terugkeerverplichting", "return obligation"), ("overdrachtsbesluit", "Dublin transfer decision")}


def mined_keys(candidates):
    keys = set()
    for candidate in candidates:
        for text in (candidate.text, *candidate.forms):
            words = normalise(text).split()
            keys.update(" ".join(c) for c in itertools.islice(itertools.product(*[[w, *dutch.lemma_candidates(w)] for w in words]), 64))
    return keys


def test_mine_with_an_empty_termbase_recovers_the_terms_of_the_passage():
    candidates = mine([("vw2000", PASSAGE)])
    recovered = [term for term in MARKED_TERMS if normalise(term) in mined_keys(candidates)]
    assert len(recovered) / len(MARKED_TERMS) >= 0.9, sorted(set(MARKED_TERMS) - set(recovered))
    marked = {normalise(term) for term in MARKED_TERMS}
    assert sum(1 for c in candidates[:10] if mined_keys([c]) & marked) >= 8


def test_mine_with_the_shipped_termbase_recovers_most_new_terms_of_the_passage(termbase):
    keys = mined_keys(mine([("vw2000", PASSAGE)], termbase))
    recovered = [term for term in NEW if normalise(term) in keys]
    assert len(recovered) / len(NEW) >= 0.85, sorted(set(NEW) - set(recovered))
