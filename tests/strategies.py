"""Hypothesis strategies that build valid model objects: Dutch diacritics, 's,
hyphens, multiword terms, synonyms, deprecated terms and regional variants."""

from __future__ import annotations

import unicodedata

from hypothesis import strategies as st

from migterm import Concept, Context, Gender, PartOfSpeech, Reference, ReferenceKind, Status, Term, TermType

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZëïéèöüçĳßáàâ"
WORD = st.text(alphabet=LETTERS, min_size=1, max_size=12)
SEPARATOR = st.sampled_from([" ", "-", " ", "'s ", "’s "])


@st.composite
def term_texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(WORD, min_size=1, max_size=4))
    text = words[0]
    for word in words[1:]:
        text += draw(SEPARATOR) + word
    return unicodedata.normalize("NFC", text)


prose = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    min_size=1,
    max_size=80,
).map(lambda s: unicodedata.normalize("NFC", s).strip()).filter(bool)

langs = st.sampled_from(["nl", "en", "nl-BE", "en-US", "de", "fr"])


@st.composite
def terms(draw: st.DrawFn, lang: str | None = None, status: Status | None = None) -> Term:
    return Term(
        text=draw(term_texts()),
        lang=lang or draw(langs),
        status=status or draw(st.sampled_from([Status.ADMITTED, Status.DEPRECATED, Status.SUPERSEDED])),
        pos=draw(st.none() | st.sampled_from(list(PartOfSpeech))),
        gender=draw(st.none() | st.sampled_from(list(Gender))),
        plural=draw(st.none() | term_texts()),
        forms=tuple(draw(st.lists(term_texts(), max_size=2, unique=True))),
        term_type=draw(st.sampled_from(list(TermType))),
        usage=draw(st.none() | prose),
        contexts=tuple(
            draw(st.lists(st.builds(Context, text=prose, source=st.just("doc"), page=st.none() | st.integers(1, 999)), max_size=2))
        ),
    )


@st.composite
def concepts(draw: st.DrawFn, concept_id: str = "c") -> Concept:
    preferred = [draw(terms(lang=lang, status=Status.PREFERRED)) for lang in ("nl", "en")]
    others = draw(st.lists(terms(), max_size=4))
    seen: set[tuple[str, str]] = set()
    unique = []
    for term in preferred + others:
        if (term.lang.lower(), term.text) not in seen:
            seen.add((term.lang.lower(), term.text))
            unique.append(term)
    return Concept(
        id=concept_id,
        terms=tuple(unique),
        subject=draw(st.none() | st.sampled_from(["borders", "asylum-and-reception"])),
        definitions=draw(st.dictionaries(st.sampled_from(["en", "nl"]), prose, max_size=2)),
        notes=tuple(draw(st.lists(prose, max_size=2))),
        references=tuple(
            draw(
                st.lists(
                    st.builds(
                        Reference,
                        title=prose,
                        kind=st.sampled_from(list(ReferenceKind)),
                        locator=st.none() | prose,
                        url=st.none() | st.just("https://eur-lex.europa.eu/eli/reg/2016/399/oj"),
                        term=st.none() | prose,
                    ),
                    max_size=2,
                )
            )
        ),
    )


@st.composite
def concept_lists(draw: st.DrawFn, max_size: int = 6) -> list[Concept]:
    """Concepts c0, c1… with typed relations among them: broader and superseded-by
    point only to earlier concepts (so never in a cycle), related anywhere."""
    import dataclasses

    size = draw(st.integers(1, max_size))
    out = []
    for i in range(size):
        concept = draw(concepts(concept_id=f"c{i}"))
        others = [f"c{j}" for j in range(size) if j != i]
        earlier = [f"c{j}" for j in range(i)]
        chosen = draw(st.lists(st.sampled_from(others), unique=True, max_size=3)) if others else []
        relations: dict[str, list[str]] = {"broader": [], "related": [], "superseded_by": []}
        for rid in chosen:
            kind = draw(st.sampled_from(["broader", "superseded_by", "related"] if rid in earlier else ["related"]))
            relations[kind].append(rid)
        out.append(dataclasses.replace(concept, **{k: tuple(v) for k, v in relations.items()}))
    return out
