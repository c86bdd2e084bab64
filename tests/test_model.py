from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from migterm import Concept, Context, Gender, ModelError, Reference, Source, Status, Term, TermType
from migterm.model import canonical_lang, check_concepts

from .strategies import concepts


def nl(text: str = "terugkeer", **kw) -> Term:
    return Term(text=text, lang="nl", status=kw.pop("status", Status.PREFERRED), **kw)


def en(text: str = "return", **kw) -> Term:
    return Term(text=text, lang="en", status=kw.pop("status", Status.PREFERRED), **kw)


def test_a_valid_concept_builds_and_orders_its_terms():
    concept = Concept("return", (nl(), en(), en("repatriation", status=Status.ADMITTED), en("deportation", status=Status.DEPRECATED)))
    assert [t.text for t in concept.terms_in("en")] == ["return", "repatriation", "deportation"]
    assert concept.preferred("en").text == "return"


@pytest.mark.parametrize(
    "build, message",
    [
        (lambda: Concept("re turn", (nl(),)), "has white space or control characters"),
        (lambda: Concept("", (nl(),)), "is empty"),
        (lambda: Concept("return", ()), "has no terms"),
        (lambda: Concept("return", (nl(), nl("retour"))), "more than one preferred term in nl"),
        (lambda: Concept("return", (nl(), nl("terugkeer", status=Status.ADMITTED))), "listed twice"),
        (lambda: Concept("return", (nl(),), related=("return",)), "related to itself"),
        (lambda: nl(""), "term text is empty"),
        (lambda: nl(" terugkeer"), "leading or trailing white space"),
        (lambda: nl("terug\x0bkeer"), "contains"),
        (lambda: nl("terug\nkeer"), "one-line field"),
        (lambda: nl("gei\u0308ntegreerd"), "not NFC-normalised"),
        (lambda: nl("--"), "no letter or digit"),
        (lambda: Term("x", lang="dutch!", status=Status.PREFERRED), "not a BCP 47 language tag"),
        (lambda: Term("x", lang="nl", status="approved"), "status 'approved' is not one of"),
        (lambda: Term("x", lang="nl", status=Status.PREFERRED, gender="male"), "gender 'male' is not one of"),
        (lambda: Context("quote", source=""), "context source is empty"),
        (lambda: Context("quote", source="doc", page=0), "whole number from 1 to 99999"),
        (lambda: Context("quote", source="doc", page=10**26), "whole number from 1 to 99999"),
        (lambda: Context("quote", source="doc", article="art. 29"), "not an article or paragraph number"),
        (lambda: Concept("x", (nl(),), broader=("x",)), "broader than itself"),
        (lambda: Concept("x", (nl(),), superseded_by=("x",)), "superseded by itself"),
        (lambda: Concept("x", (nl(),), broader=("y",), related=("y",)), "both as broader and as related"),
        (lambda: Concept("x", (nl(),), related=("y", "y")), "'y' twice"),
        (lambda: Concept.from_dict({"id": "x", "narrower": ["y"], "term": [nl().to_dict()]}), "derived from 'broader'"),
        (lambda: Source("vw", "Vreemdelingenwet 2000", 2000, bwb="0011823"), "not a BWB id"),
        (lambda: Source("vw", "Vreemdelingenwet 2000", 2000, version="July 2015"), "not a date"),
        (lambda: Reference("Act", url="ftp://example.org"), r"not an http\(s\) address"),
    ],
)
def test_invariants_are_checked_when_objects_are_built(build, message):
    with pytest.raises(ModelError, match=message):
        build()


def test_preferred_terms_are_counted_per_language_tag_so_regional_variants_may_have_their_own():
    concept = Concept("x", (en("instrumentalisation"), Term("instrumentalization", "en-US", Status.PREFERRED)))
    assert concept.preferred("en-US").text == "instrumentalization"
    assert {t.text for t in concept.terms_in("en")} == {"instrumentalisation", "instrumentalization"}


def test_language_tags_compare_case_insensitively_and_keep_regions():
    assert canonical_lang("NL-be") == "nl-BE"
    with pytest.raises(ModelError, match="more than one preferred"):
        Concept("x", (Term("a", "NL", Status.PREFERRED), Term("b", "nl", Status.PREFERRED)))


def test_dutch_articles_are_accepted_as_genders():
    assert nl(gender="het").gender is Gender.NEUTER and nl(gender="de").gender is Gender.COMMON
    assert Gender.NEUTER.dutch_article == "het" and Gender.COMMON.dutch_article == "de"


def test_the_invariants_between_concepts():
    a = Concept("a", (nl("a"),), related=("b",))
    with pytest.raises(ModelError, match="related concept 'b' does not exist"):
        check_concepts([a])
    with pytest.raises(ModelError, match="used by two concepts"):
        check_concepts([Concept("a", (nl("a"),)), Concept("a", (nl("b"),))])
    quoted = Concept("q", (nl("q", contexts=(Context("q staat hier", source="elsewhere"),)),))
    with pytest.raises(ModelError, match="unknown source 'elsewhere'"):
        check_concepts([quoted], source_ids=["doc"])


def test_unknown_keys_in_the_glossary_structure_are_refused():
    with pytest.raises(ModelError, match="unknown key 'defintion'") as caught:
        Concept.from_dict({"id": "x", "defintion": "typo", "term": [{"lang": "nl", "text": "x", "status": "preferred"}]})
    assert caught.value.concept == "x"
    with pytest.raises(ModelError, match="has no status"):
        Concept.from_dict({"id": "x", "term": [{"lang": "nl", "text": "x"}]})


@given(concepts())
def test_to_dict_and_from_dict_round_trip(concept):
    assert Concept.from_dict(concept.to_dict()) == concept


@given(concepts())
def test_term_types_and_statuses_survive_as_their_picklist_values(concept):
    data = concept.to_dict()
    for term, raw in zip(concept.terms, data["terms"]):
        assert raw["status"] == term.status.value
        assert raw.get("type", "fullForm") == term.term_type.value
        assert TermType(raw.get("type", "fullForm")) is term.term_type


def test_relations_resolve_and_broader_never_cycles():
    with pytest.raises(ModelError, match="broader concept 'b' does not exist"):
        check_concepts([Concept("a", (nl("a"),), broader=("b",))])
    with pytest.raises(ModelError, match="superseded-by concept 'b' does not exist"):
        check_concepts([Concept("a", (nl("a"),), superseded_by=("b",))])
    ring = [Concept("a", (nl("a"),), broader=("b",)), Concept("b", (nl("b"),), broader=("c",)), Concept("c", (nl("c"),), broader=("a",))]
    with pytest.raises(ModelError, match=r"broader than itself through (a → b → c → a|b → c → a → b|c → a → b → c)"):
        check_concepts(ring)
    swap = [Concept("a", (nl("a"),), superseded_by=("b",)), Concept("b", (nl("b"),), superseded_by=("a",))]
    with pytest.raises(ModelError, match="superseded by itself through"):
        check_concepts(swap)
    # a diamond is no cycle
    check_concepts([Concept("a", (nl("a"),), broader=("b", "c")), Concept("b", (nl("b"),), broader=("d",)),
                    Concept("c", (nl("c"),), broader=("d",)), Concept("d", (nl("d"),))])


@st.composite
def _graphs(draw: st.DrawFn) -> list[tuple[int, int]]:
    size = draw(st.integers(1, 7))
    return draw(st.lists(st.tuples(st.integers(0, size - 1), st.integers(0, size - 1)).filter(lambda e: e[0] != e[1]), max_size=12, unique=True))


@given(_graphs())
def test_broader_is_refused_exactly_when_it_has_a_cycle(edges):
    size = 1 + max((max(e) for e in edges), default=0)
    concepts = [Concept(f"c{i}", (nl(f"c{i}"),), broader=tuple(f"c{j}" for a, j in edges if a == i)) for i in range(size)]
    # reachability by repeated closure: a cycle exists when a node reaches itself
    reach = {i: {j for a, j in edges if a == i} for i in range(size)}
    for _ in range(size):
        for i in reach:
            reach[i] |= {k for j in reach[i] for k in reach[j]}
    cyclic = any(i in reach[i] for i in reach)
    if cyclic:
        with pytest.raises(ModelError, match="broader than itself"):
            check_concepts(concepts)
    else:
        check_concepts(concepts)


def _same_types(a: object, b: object) -> bool:
    """Whether two equal objects hold values of the same types all the way down (a status
    equals its picklist value as a string, so equality alone would not tell)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, tuple):
        return all(_same_types(x, y) for x, y in zip(a, b))  # type: ignore[arg-type]
    if hasattr(a, "__dataclass_fields__"):
        return all(_same_types(getattr(a, name), getattr(b, name)) for name in a.__dataclass_fields__)
    return True


@given(concepts())
def test_a_concept_is_rebuilt_from_its_compiled_record_as_it_was(concept):
    import dataclasses
    import marshal

    from migterm.model import from_record, to_record

    concept = dataclasses.replace(concept, extra=(("termNote", "reliabilityCode", "3"),), related=("other",))
    again = from_record(Concept, marshal.loads(marshal.dumps(to_record(concept))))
    assert again == concept
    assert _same_types(again, concept)
    assert again.to_dict() == concept.to_dict()
