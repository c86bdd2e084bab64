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


def test_scan_finds_every_known_term_of_the_passage_and_nothing_else(termbase):
    hits = Recogniser(termbase).scan(PASSAGE)
    terms = [h for h in hits if h.kind == "term"]
    assert {h.concept.id for h in terms} == {termbase.lookup(k, lang="nl")[0].concept.id for k in KNOWN}
    assert len(terms) == 17  # vertrek 4, verblijf 6, lidstaat 6, Europese Unie 1, counted by hand
    compounds = {(h.surface.lower(), h.suggestion) for h in hits if h.kind == "compound"}
    assert ("verblijfsvergunning", "residence permit") in compounds and ("terugkeerbesluit", "return decision") in compounds


def test_mine_recovers_most_new_terms_of_the_passage(termbase):
    keys = set()
    for candidate in mine([("vw2000", PASSAGE)], termbase):
        for text in (candidate.text, *candidate.forms):
            words = normalise(text).split()
            keys.update(" ".join(c) for c in itertools.islice(itertools.product(*[[w, *dutch.lemma_candidates(w)] for w in words]), 64))
    recovered = [term for term in NEW if normalise(term) in keys]
    assert len(recovered) / len(NEW) >= 0.85, sorted(set(NEW) - set(recovered))
