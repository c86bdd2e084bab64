"""The contract every format keeps: what it carries comes back identical.

`carried(format, termbase)` is the part of a termbase a format can hold
(docs/formats.md says the same in prose); writing a termbase and reading the
file back must give a termbase with the same carried part."""

from __future__ import annotations

import io
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from migterm import Termbase
from migterm.formats import FORMATS

TERMBASE_FORMATS = sorted(name for name, f in FORMATS.items() if f.writer is not None)
from migterm.model import RELATIONS, lang_matches

from ..strategies import concept_lists

SOURCE, TARGET = "nl", "en"


def _term(term: Any, *, contexts: bool = True) -> dict[str, Any]:
    data = term.to_dict()
    if not contexts:
        data.pop("contexts", None)
    return data


def _bilingual_pairs(termbase: Termbase) -> list[tuple[Any, Any, Any]]:
    out = []
    for concept in termbase:
        target = concept.preferred(TARGET)
        for term in concept.terms:
            if lang_matches(term.lang, SOURCE):
                out.append((concept, term, target))
    return out


def carried(fmt: str, termbase: Termbase) -> Any:
    if fmt == "json":
        return [c.to_dict() for c in termbase], [s.to_dict() for s in termbase.sources.values()]
    if fmt in ("tbx", "tbx-v2"):
        out = []
        for concept in termbase:
            data = concept.to_dict()
            seen = list(dict.fromkeys(t.lang for t in concept.terms))
            langs = sorted(seen, key=lambda lang: ("-" in lang, seen.index(lang)))  # general languages before regional variants
            data["terms"] = [t.to_dict() for lang in langs for t in concept.terms if t.lang == lang]  # grouped by language
            out.append(data)
        return out
    if fmt in ("tmx", "po"):
        concepts: dict[str, dict[str, Any]] = {}
        for concept, term, target in _bilingual_pairs(termbase):
            data = concepts.setdefault(concept.id, {
                "subject": concept.subject, "definitions": dict(sorted(concept.definitions.items())),
                "notes": list(concept.notes), "terms": [],
                **{relation: list(getattr(concept, relation)) for relation in RELATIONS},
            })
            for variant in (term, target):
                if variant is not None and _term(variant, contexts=False) not in data["terms"]:
                    data["terms"].append(_term(variant, contexts=False))
        return {cid: {**d, "terms": sorted(d["terms"], key=lambda t: (t["lang"], t["text"]))} for cid, d in concepts.items()}
    if fmt == "tsv":
        return [
            (term.text, target.text, " ".join((concept.definitions.get(target.lang) or concept.definitions.get("en") or "").split()))
            for concept, term, target in _bilingual_pairs(termbase) if target is not None
        ]
    if fmt == "csv":
        return [
            (c.id, c.subject, sorted((t.lang, t.text, t.status.value) for t in c.terms), dict(sorted(c.definitions.items())), "\n".join(c.notes))
            for c in termbase
        ]
    raise AssertionError(fmt)


def round_trip(fmt: str, termbase: Termbase) -> Termbase:
    out = io.BytesIO()
    FORMATS[fmt].writer(termbase, out, source_lang=SOURCE, target_lang=TARGET)
    return FORMATS[fmt].reader(io.BytesIO(out.getvalue()), path=f"test.{fmt}", source_lang=SOURCE, target_lang=TARGET)


def test_every_format_is_under_contract():
    assert set(TERMBASE_FORMATS) == {"json", "tbx", "tbx-v2", "tmx", "po", "tsv", "csv"}


@pytest.mark.parametrize("fmt", TERMBASE_FORMATS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(concepts=concept_lists())
def test_what_a_format_carries_comes_back_identical(fmt, concepts):
    termbase = Termbase(concepts)
    assert carried(fmt, round_trip(fmt, termbase)) == carried(fmt, termbase)


@pytest.mark.parametrize("fmt", TERMBASE_FORMATS)
def test_the_glossary_survives_every_format(fmt, termbase):
    assert carried(fmt, round_trip(fmt, termbase)) == carried(fmt, termbase)


@pytest.mark.parametrize("fmt", TERMBASE_FORMATS)
def test_writing_what_was_read_gives_the_same_bytes(fmt, termbase):
    without_sources = Termbase(list(termbase))  # only JSON carries the source index
    first = io.BytesIO()
    FORMATS[fmt].writer(without_sources, first)
    again = io.BytesIO()
    FORMATS[fmt].writer(round_trip(fmt, without_sources), again)
    assert again.getvalue() == first.getvalue()
