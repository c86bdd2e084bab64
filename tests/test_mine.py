from __future__ import annotations

import itertools
import subprocess
import sys
import tomllib

import pytest

from migterm import Concept, dutch
from migterm.mine import STOPWORDS, mine, toml_drafts
from migterm.text import normalise

from .conftest import GLOSSARY, REPO

DOCUMENTS = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((GLOSSARY / "sources").glob("*.txt"))]
DOCUMENT_SOURCES = {s["id"] for s in tomllib.loads((GLOSSARY / "sources" / "index.toml").read_text(encoding="utf-8"))["source"] if s["file"].endswith(".txt")}


@pytest.fixture(scope="module")
def candidates():
    return mine(DOCUMENTS)  # with no termbase: everything is a candidate


def keys(candidates):
    out = set()
    for candidate in candidates:
        for text in (candidate.text, *candidate.forms, *([candidate.expansion] if candidate.expansion else [])):
            words = normalise(text).split()
            for combo in itertools.islice(itertools.product(*[[w, *dutch.lemma_candidates(w)] for w in words]), 64):
                out.add(" ".join(combo))
    return out


def test_mining_the_source_documents_recovers_nine_in_ten_of_the_glossary_concepts(candidates, termbase):
    """A concept counts as recovered when a candidate is one of its Dutch terms that the documents use."""
    found = keys(candidates)
    def quoted(term):
        return any(context.source in DOCUMENT_SOURCES for context in term.contexts)

    concepts = [c for c in termbase if any(quoted(t) for t in c.terms_in("nl"))]
    missed = [c.id for c in concepts if not {normalise(f) for t in c.terms_in("nl") if quoted(t) for f in (t.text, *t.inflected_forms)} & found]
    recall = 1 - len(missed) / len(concepts)
    assert recall >= 0.9, (recall, missed)


def test_no_function_words_fragments_or_footers(candidates):
    texts = {c.text.lower() for c in candidates}
    assert not {c.text.lower() for c in candidates if c.kind != "acronym"} & STOPWORDS
    for fragment in ("overlastge", "noodza", "keten", "asiel zoekers", "vende", "kelijk", "arbeidsuitbui", "ting"):
        assert fragment not in texts
    assert not any("De Staat van Migratie 2023" in c.context or "vergaderjaar" in c.text for c in candidates)
    assert not any(c.text.isdigit() for c in candidates)


def test_acronyms_with_their_expansions_and_lists(candidates):
    acronyms = {c.text: c for c in candidates if c.kind == "acronym"}
    assert acronyms["MTV"].expansion == "Mobiel Toezicht Veiligheid"
    assert {"IND", "COA", "DT&V", "KMar", "SIS", "EES", "ETIAS", "ECRIS-TCN", "VIS", "EURODAC"} <= acronyms.keys()


def test_known_terms_are_left_out_and_compounds_marked(termbase):
    known = mine(DOCUMENTS, termbase)
    texts = {c.text for c in known}
    assert "terugkeer" not in texts and "MTV" not in texts and "migratieketen" not in texts
    assert any(c.known_part for c in known)


def test_toml_drafts_are_glossary_concepts_once_completed(candidates):
    drafts = tomllib.loads(toml_drafts(candidates[:20]))
    for entry in drafts["concept"]:
        concept = Concept.from_dict(entry)
        assert concept.preferred("nl") is not None and concept.preferred("en") is None
        assert concept.terms[0].contexts[0].text


def test_mine_command():
    result = subprocess.run([sys.executable, "-m", "migterm", "mine", "--all", "--limit", "5", *(str(GLOSSARY / "sources" / n) for n, _ in DOCUMENTS)],
                            capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 5
