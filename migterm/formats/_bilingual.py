"""What the bilingual formats (TMX, PO, tab-separated) share: one unit for each
source-language term of a concept, paired with the concept's preferred
target-language term, and the way back from such units to concepts."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..errors import MigtermError
from ..model import Concept, Status, Term, lang_matches
from ..termbase import Termbase
from ..errors import FormatError

__all__ = ["pairs", "term_fields", "term_from_fields", "slug", "ConceptBuilder"]


def pairs(termbase: Termbase, source_lang: str, target_lang: str) -> Iterator[tuple[Concept, Term, Term | None]]:
    """(concept, source term, preferred target term) for every source-language term."""
    for concept in termbase:
        target = concept.preferred(target_lang)
        for term in concept.terms:
            if lang_matches(term.lang, source_lang):
                yield concept, term, target


def term_fields(term: Term) -> list[tuple[str, str]]:
    """A term's properties as (name, value) pairs, in a fixed order."""
    fields = [("status", term.status.value)]
    if term.pos is not None:
        fields.append(("pos", term.pos.value))
    if term.gender is not None:
        fields.append(("gender", term.gender.value))
    if term.term_type.value != "fullForm":
        fields.append(("type", term.term_type.value))
    if term.plural is not None:
        fields.append(("plural", term.plural))
    fields.extend(("form", form) for form in term.forms)
    if term.usage is not None:
        fields.append(("usage", term.usage))
    return fields


def term_from_fields(text: str, lang: str, fields: Iterable[tuple[str, str]], default_status: Status) -> Term:
    values: dict[str, Any] = {"status": default_status}
    forms: list[str] = []
    for name, value in fields:
        if name == "form":
            forms.append(value)
        elif name in {"status", "pos", "gender", "type", "plural", "usage"}:
            values[name] = value
    return Term(
        text=text,
        lang=lang,
        status=values["status"],
        pos=values.get("pos"),
        gender=values.get("gender"),
        plural=values.get("plural"),
        forms=tuple(forms),
        term_type=values.get("type", "fullForm"),
        usage=values.get("usage"),
    )


def slug(text: str, prefix: str = "u") -> str:
    """A concept id made from a unit's id or text.

    >>> slug("Tu 12/b"), slug("12"), slug("***")
    ('tu-12-b', 'u-12', 'u')
    """
    core = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if not core:
        return prefix
    return core if core[0].isalpha() else f"{prefix}-{core}"


class ConceptBuilder:
    """Collects the units of a file into concepts, merging units that name the same concept."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._order: list[str] = []
        self._data: dict[str, dict[str, Any]] = {}

    def unique_id(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while candidate in self._data:
            n += 1
            candidate = f"{wanted}-{n}"
        return candidate

    def add(self, concept_id: str, *, terms: Iterable[Term], line: int | None, subject: str | None = None,
            definitions: dict[str, str] | None = None, notes: Iterable[str] = (), relations: Mapping[str, Iterable[str]] | None = None) -> None:
        data = self._data.get(concept_id)
        if data is not None:  # a further unit of a concept: only its terms are new
            for term in terms:
                data["terms"].setdefault((term.lang.lower(), term.text), term)
            return
        data = self._data[concept_id] = {
            "terms": {}, "subject": subject, "definitions": dict(definitions or {}), "notes": list(notes), "line": line,
            "relations": {name: tuple(ids) for name, ids in (relations or {}).items()},
        }
        self._order.append(concept_id)
        for term in terms:
            data["terms"].setdefault((term.lang.lower(), term.text), term)

    def termbase(self) -> Termbase:
        concepts = []
        for concept_id in self._order:
            data = self._data[concept_id]
            try:
                concepts.append(
                    Concept(
                        id=concept_id,
                        terms=tuple(data["terms"].values()),
                        subject=data["subject"],
                        definitions=data["definitions"],
                        notes=tuple(data["notes"]),
                        **data["relations"],
                    )
                )
            except MigtermError as error:
                raise FormatError(error.message, path=self.path, line=data["line"], concept=concept_id) from None
        try:
            return Termbase(concepts)
        except MigtermError as error:
            raise FormatError(error.message, path=self.path, concept=error.concept) from None
