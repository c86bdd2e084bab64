"""The concept-oriented data model, as in TBX and IATE.

A `Concept` is one meaning; its `Term`s name it in any language, each with a
status from the TBX-Basic picklist. Objects are immutable and check their
invariants when built, so a `Concept` that exists is a valid one. The model
knows no file format: `to_dict`/`from_dict` give the plain structure that the
glossary sources, the cache and JSON output share.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from .errors import ModelError
from .text import INVISIBLE as _INVISIBLE

__all__ = [
    "Status",
    "PartOfSpeech",
    "Gender",
    "TermType",
    "ReferenceKind",
    "Context",
    "Reference",
    "Term",
    "Concept",
    "Source",
    "canonical_lang",
    "lang_matches",
    "check_concepts",
    "is_glossary_id",
    "is_language_tag",
    "RELATIONS",
]


class Status(StrEnum):
    """TBX-Basic administrative status (normativeAuthorization)."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"

    @property
    def approved(self) -> bool:
        return self in (Status.PREFERRED, Status.ADMITTED)


class PartOfSpeech(StrEnum):
    """TBX-Basic partOfSpeech picklist."""

    NOUN = "noun"
    VERB = "verb"
    ADJECTIVE = "adjective"
    ADVERB = "adverb"
    PROPER_NOUN = "properNoun"
    OTHER = "other"


class Gender(StrEnum):
    """Grammatical gender. Dutch nouns are `common` (article *de*) or `neuter` (*het*)."""

    MASCULINE = "masculine"
    FEMININE = "feminine"
    NEUTER = "neuter"
    COMMON = "common"
    OTHER = "other"

    @classmethod
    def parse(cls, value: str) -> Gender:
        """Accept the Dutch articles as the glossary's shorthand.

        >>> Gender.parse("het"), Gender.parse("de"), Gender.parse("feminine")
        (<Gender.NEUTER: 'neuter'>, <Gender.COMMON: 'common'>, <Gender.FEMININE: 'feminine'>)
        """
        return {"de": cls.COMMON, "het": cls.NEUTER}.get(value) or cls(value)

    @property
    def dutch_article(self) -> str | None:
        return {Gender.NEUTER: "het", Gender.OTHER: None}.get(self, "de")


class TermType(StrEnum):
    """TBX-Basic termType picklist."""

    FULL_FORM = "fullForm"
    ACRONYM = "acronym"
    ABBREVIATION = "abbreviation"
    SHORT_FORM = "shortForm"
    VARIANT = "variant"
    PHRASE = "phrase"

    @property
    def is_abbreviated(self) -> bool:
        return self in (TermType.ACRONYM, TermType.ABBREVIATION, TermType.SHORT_FORM)


class ReferenceKind(StrEnum):
    """Where the evidence for an equivalent comes from, most authoritative first."""

    EU_LEGISLATION = "eu-legislation"
    EU_INSTITUTION = "eu-institution"
    EMN_GLOSSARY = "emn-glossary"
    IATE = "iate"
    OFFICIAL_NAME = "official-name"
    GOVERNMENT = "government"
    INTERNATIONAL = "international"
    OTHER = "other"


class _Pattern:
    """A regular expression compiled the first time it is used. A look-up from the compiled
    termbase checks no field, and compiling the checks' patterns up front cost its start
    about 2 ms. Each method, once asked for, is kept as the compiled pattern's own."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        method = getattr(re.compile(self.pattern, self.flags), name)
        setattr(self, name, method)
        return method


_SLUG = _Pattern(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
# A concept id of the curated glossary: a lower-case slug that starts with a letter (an XML ID in TBX).
_CONCEPT_ID = _Pattern(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")
# A concept id of a termbase read from elsewhere is kept as it is: any text without white
# space or control characters (IATE-1449914, eid-Oracle-67, 12).
_FOREIGN_ID = _Pattern(r"[^\s\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]{1,256}\Z")


def is_glossary_id(text: str) -> bool:
    """True for an id the curated glossary allows: a lower-case slug such as 'external-border'."""
    return bool(_CONCEPT_ID.match(text))
# An article of an act (29, 3.109a, 2a) or a paragraph of a circular with its chapter (B1/2.1).
_ARTICLE = _Pattern(r"(?:[A-Z]\d{1,2}/)?\d{1,3}[a-z]{0,2}(?:\.\d{1,3}[a-z]{0,2}){0,5}\Z")
_VERSION = _Pattern(r"\d{4}-\d{2}(?:-\d{2})?\Z")
_LANG = _Pattern(r"(?:[A-Za-z]{2,3}|[xXiI](?=-))(?:-[A-Za-z0-9]{1,8})*\Z")  # a language, or a private-use (x-) or grandfathered (i-) tag
# Characters XML 1.0 cannot carry: C0 controls but tab, newline and carriage
# return; surrogates; U+FFFE and U+FFFF.
_NOT_XML = _Pattern("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def canonical_lang(tag: str) -> str:
    """Canonical casing of a BCP 47 tag; tags compare case-insensitively.

    >>> canonical_lang("NL-be"), canonical_lang("zh-hant-tw"), canonical_lang("EN")
    ('nl-BE', 'zh-Hant-TW', 'en')
    """
    if not isinstance(tag, str):  # (not hashable, perhaps: before the cache)
        raise ModelError(f"not a BCP 47 language tag: {tag!r}")
    return _canonical_lang(tag)


@functools.lru_cache(maxsize=1024)  # a termbase has few languages, and each of its terms asks
def _canonical_lang(tag: str) -> str:
    if not _LANG.match(tag):
        raise ModelError(f"not a BCP 47 language tag: {tag!r}")
    first, *rest = tag.split("-")
    parts = [first.lower()]
    for sub in rest:
        if len(sub) == 2 and sub.isalpha():
            parts.append(sub.upper())
        elif len(sub) == 4 and sub.isalpha():
            parts.append(sub.title())
        else:
            parts.append(sub.lower())
    return "-".join(parts)


# RFC 5646's syntax of a language tag: language (with extended subtags), script, region,
# variants, extensions and a private use part; or a private use tag alone.
_BCP47 = _Pattern(
    r"(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*(?:-x(?:-[a-z0-9]{1,8})+)?"
    r"|x(?:-[a-z0-9]{1,8})+)\Z", re.IGNORECASE)


def is_language_tag(text: str) -> bool:
    """True for a tag of BCP 47's syntax.

    >>> is_language_tag("nl-BE"), is_language_tag("zh-Hant-TW"), is_language_tag(""), is_language_tag("xx-INVALIDTAG"), is_language_tag("en_GB")
    (True, True, False, False, False)
    """
    return isinstance(text, str) and bool(_BCP47.match(text))


def lang_matches(tag: str, wanted: str) -> bool:
    """True when `tag` is `wanted` or one of its regional variants.

    >>> lang_matches("nl-BE", "nl"), lang_matches("nl", "nl-BE"), lang_matches("en", "EN")
    (True, False, True)
    """
    tag, wanted = tag.lower(), wanted.lower()
    return tag == wanted or tag.startswith(wanted + "-")


_ONE_LINE_BAD = _Pattern(_NOT_XML.pattern[:-1] + "\t\n\r]")
_LETTER_OR_DIGIT = _Pattern(r"[^\W_]")


def _clean(value: Any, what: str, *, multiline: bool = False) -> str:
    if (type(value) is str and value and not value[0].isspace() and not value[-1].isspace()
            and not (_NOT_XML if multiline else _ONE_LINE_BAD).search(value) and unicodedata.is_normalized("NFC", value)):
        return value  # the usual case, checked in one go
    if not isinstance(value, str):
        raise ModelError(f"{what} must be a string, not {type(value).__name__}")
    if not value.strip():
        raise ModelError(f"{what} is empty")
    if value != value.strip():
        raise ModelError(f"{what} has leading or trailing white space: {value!r}")
    bad = _NOT_XML.search(value) or (None if multiline else re.search("[\t\n\r]", value))
    if bad:
        raise ModelError(f"{what} contains {bad.group()!r}, which {'XML 1.0 cannot carry' if multiline else 'a one-line field cannot hold'}")
    if unicodedata.normalize("NFC", value) != value:
        raise ModelError(f"{what} is not NFC-normalised: {value!r}")
    return value


def _optional(value: Any, what: str, *, multiline: bool = False) -> str | None:
    return None if value is None else _clean(value, what, multiline=multiline)


def _enum(kind: type[StrEnum], value: Any, what: str) -> Any:
    member = kind._value2member_map_.get(value) if isinstance(value, str) else None
    if member is not None:
        return member
    try:
        return kind.parse(value) if hasattr(kind, "parse") else kind(value)  # type: ignore[attr-defined]
    except ValueError:
        allowed = ", ".join(m.value for m in kind)  # type: ignore[attr-defined]
        raise ModelError(f"{what} {value!r} is not one of: {allowed}") from None


def _take(data: Mapping[str, Any], what: str, allowed: Iterable[str]) -> dict[str, Any]:
    if not isinstance(data, Mapping):
        raise ModelError(f"{what} must be a table, not {type(data).__name__}")
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise ModelError(f"{what} has unknown key {unknown[0]!r} (allowed: {', '.join(allowed)})")
    return dict(data)


def _list(value: Any, what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise ModelError(f"{what} must be a list")
    return list(value)


_XML_NAME = _Pattern(r"[A-Za-z_][\w.\-]*\Z")


def _extra(items: Iterable[Any], what: str) -> tuple[tuple[str, str, str], ...]:
    out = []
    for item in items:
        if not (isinstance(item, tuple | list) and len(item) == 3 and all(isinstance(x, str) for x in item)):
            raise ModelError(f"{what} must be (element, type, value), not {item!r}")
        element, kind, value = item
        if not _XML_NAME.match(element) or _NOT_XML.search(kind + value) or any(c.isspace() for c in kind):
            raise ModelError(f"{what} {element!r} is not an element name with a type and a value XML can carry")
        out.append((element, kind, value))
    return tuple(out)


# The typed relations a concept records, as in a thesaurus (attribute → the name files
# write: the glossary, TBX, TMX, PO); `narrower` is derived from `broader` (see
# `Termbase.narrower`), never entered.
RELATIONS = {"broader": "broader", "related": "related", "superseded_by": "superseded-by"}


@dataclass(frozen=True, slots=True)
class Context:
    """A verbatim quote from a source document showing a term in use.

    `source` is the id of a `Source` of the termbase (for a termbase read from
    another tool's file, whatever that file names as the source)."""

    text: str
    source: str
    page: int | None = None
    article: str | None = None

    def __post_init__(self) -> None:
        _clean(self.text, "context text")
        _clean(self.source, "context source")
        if self.page is not None and (not isinstance(self.page, int) or isinstance(self.page, bool) or not 1 <= self.page <= 99_999):
            raise ModelError(f"context page must be a whole number from 1 to 99999, not {self.page!r}")
        if self.article is not None and not (isinstance(self.article, str) and _ARTICLE.match(self.article)):
            raise ModelError(f"context article {self.article!r} is not an article or paragraph number such as '29', '3.109a' or 'B1/2.1'")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source}
        if self.page is not None:
            out["page"] = self.page
        if self.article is not None:
            out["article"] = self.article
        out["text"] = self.text
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Context:
        d = _take(data, "context", ("source", "page", "article", "text"))
        return cls(text=d.get("text"), source=d.get("source"), page=d.get("page"), article=d.get("article"))  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Reference:
    """Evidence for the concept or for one of its terms (`term` names which)."""

    title: str
    kind: ReferenceKind = ReferenceKind.OTHER
    locator: str | None = None
    url: str | None = None
    term: str | None = None

    def __post_init__(self) -> None:
        _clean(self.title, "reference title")
        object.__setattr__(self, "kind", _enum(ReferenceKind, self.kind, "reference kind"))
        _optional(self.locator, "reference locator")
        _optional(self.term, "reference term")
        if self.url is not None and not re.match(r"https?://\S+\Z", _clean(self.url, "reference url")):
            raise ModelError(f"reference url is not an http(s) address: {self.url!r}")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind.value, "title": self.title}
        for key in ("locator", "url", "term"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Reference:
        d = _take(data, "reference", ("kind", "title", "locator", "url", "term"))
        return cls(
            title=d.get("title"),  # type: ignore[arg-type]
            kind=d.get("kind", ReferenceKind.OTHER),
            locator=d.get("locator"),
            url=d.get("url"),
            term=d.get("term"),
        )


@dataclass(frozen=True, slots=True)
class Term:
    """One designation of a concept in one language."""

    text: str
    lang: str
    status: Status = Status.ADMITTED
    pos: PartOfSpeech | None = None
    gender: Gender | None = None
    plural: str | None = None
    forms: tuple[str, ...] = ()
    term_type: TermType = TermType.FULL_FORM
    usage: str | None = None
    contexts: tuple[Context, ...] = ()
    extra: tuple[tuple[str, str, str], ...] = ()  # data categories of a termbase from elsewhere: see `Concept.extra`

    def __post_init__(self) -> None:
        _clean(self.text, "term text")
        hidden = _INVISIBLE.search(self.text)
        if hidden:
            raise ModelError(f"term text {self.text.encode('unicode_escape').decode('ascii')!r} holds the invisible character "
                             f"U+{ord(hidden.group()):04X}, which no one can see or type")
        if not _LETTER_OR_DIGIT.search(self.text):
            raise ModelError(f"term text {self.text!r} has no letter or digit")
        object.__setattr__(self, "lang", canonical_lang(self.lang))
        object.__setattr__(self, "status", _enum(Status, self.status, "status"))
        object.__setattr__(self, "term_type", _enum(TermType, self.term_type, "term type"))
        if self.pos is not None:
            object.__setattr__(self, "pos", _enum(PartOfSpeech, self.pos, "part of speech"))
        if self.gender is not None:
            object.__setattr__(self, "gender", _enum(Gender, self.gender, "gender"))
        _optional(self.plural, f"plural of {self.text!r}")
        _optional(self.usage, f"usage note of {self.text!r}", multiline=True)
        object.__setattr__(self, "forms", tuple(_clean(f, f"form of {self.text!r}") for f in self.forms))
        object.__setattr__(self, "contexts", tuple(self.contexts))
        for context in self.contexts:
            if not isinstance(context, Context):
                raise ModelError(f"context of {self.text!r} is not a Context")
        object.__setattr__(self, "extra", _extra(self.extra, f"data category of {self.text!r}"))

    @property
    def inflected_forms(self) -> tuple[str, ...]:
        """The plural and the other recorded forms, without the term itself."""
        return tuple(f for f in dict.fromkeys([self.plural or "", *self.forms]) if f and f != self.text)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"lang": self.lang, "text": self.text, "status": self.status.value}
        if self.term_type is not TermType.FULL_FORM:
            out["type"] = self.term_type.value
        if self.pos is not None:
            out["pos"] = self.pos.value
        if self.gender is not None:
            out["gender"] = self.gender.value
        if self.plural is not None:
            out["plural"] = self.plural
        if self.forms:
            out["forms"] = list(self.forms)
        if self.usage is not None:
            out["usage"] = self.usage
        if self.contexts:
            out["contexts"] = [c.to_dict() for c in self.contexts]
        if self.extra:
            out["extra"] = [list(item) for item in self.extra]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Term:
        d = _take(data, "term", ("lang", "text", "status", "type", "pos", "gender", "plural", "forms", "usage", "contexts", "extra"))
        text = d.get("text")
        if "status" not in d:
            raise ModelError(f"term {text!r} has no status")
        if "lang" not in d:
            raise ModelError(f"term {text!r} has no lang")
        return cls(
            text=text,  # type: ignore[arg-type]
            lang=d["lang"],
            status=d["status"],
            pos=d.get("pos"),
            gender=d.get("gender"),
            plural=d.get("plural"),
            forms=tuple(_list(d.get("forms"), f"forms of {text!r}")),
            term_type=d.get("type", TermType.FULL_FORM),
            usage=d.get("usage"),
            contexts=tuple(Context.from_dict(c) for c in _list(d.get("contexts"), f"contexts of {text!r}")),
            extra=tuple(tuple(item) for item in _list(d.get("extra"), f"data categories of {text!r}")),
        )


@dataclass(frozen=True, slots=True)
class Concept:
    """One meaning, with its terms in every language and the evidence for them."""

    id: str
    terms: tuple[Term, ...]
    subject: str | None = None
    definitions: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    broader: tuple[str, ...] = ()
    superseded_by: tuple[str, ...] = ()
    # What a termbase read from elsewhere records that migterm does not model, kept so
    # that it is written back: (element, type, value), as TBX has it (`termNote`,
    # `reliabilityCode`, `3`); a group is its element with its parts as JSON.
    extra: tuple[tuple[str, str, str], ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not _FOREIGN_ID.match(self.id):
            raise ModelError(f"concept id {self.id!r} is empty, too long, or has white space or control characters")
        _optional(self.subject, "subject field")
        object.__setattr__(self, "terms", tuple(self.terms))
        if not self.terms:
            raise ModelError("has no terms")
        preferred: set[str] = set()
        seen: set[tuple[str, str]] = set()
        for term in self.terms:
            if not isinstance(term, Term):
                raise ModelError("terms must be Term objects")
            key = (term.lang.lower(), term.text)
            if key in seen:
                raise ModelError(f"term {term.text!r} ({term.lang}) is listed twice")
            seen.add(key)
            if term.status is Status.PREFERRED:
                if term.lang.lower() in preferred:
                    raise ModelError(f"has more than one preferred term in {term.lang}")
                preferred.add(term.lang.lower())
        definitions = {canonical_lang(lang): _clean(text, f"definition ({lang})", multiline=True) for lang, text in dict(self.definitions).items()}
        object.__setattr__(self, "definitions", definitions)
        object.__setattr__(self, "notes", tuple(_clean(n, "note", multiline=True) for n in self.notes))
        seen_ids: dict[str, str] = {}
        for relation in RELATIONS:
            ids = tuple(getattr(self, relation))
            object.__setattr__(self, relation, ids)
            name = RELATIONS[relation]
            for rid in ids:
                if not isinstance(rid, str) or not _FOREIGN_ID.match(rid):
                    raise ModelError(f"{name} id {rid!r} is not a concept id")
                if rid == self.id:
                    raise ModelError({"broader": "is broader than itself", "related": "is related to itself"}.get(relation, "is superseded by itself"))
                if rid in seen_ids:
                    again = "twice" if seen_ids[rid] == name else f"both as {seen_ids[rid]} and as {name}"
                    raise ModelError(f"names {rid!r} {again}")
                seen_ids[rid] = name
        object.__setattr__(self, "references", tuple(self.references))
        object.__setattr__(self, "extra", _extra(self.extra, "data category"))

    def terms_in(self, lang: str) -> tuple[Term, ...]:
        """Terms in `lang` (regional variants included), preferred first, then admitted, deprecated, superseded."""
        order = list(Status)
        return tuple(sorted((t for t in self.terms if lang_matches(t.lang, lang)), key=lambda t: order.index(t.status)))

    def preferred(self, lang: str) -> Term | None:
        """The preferred term in `lang`, or the first approved one if none is marked preferred."""
        approved = [t for t in self.terms_in(lang) if t.status.approved]
        return approved[0] if approved else None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id}
        if self.subject is not None:
            out["subject"] = self.subject
        if self.definitions:
            out["definition"] = dict(sorted(self.definitions.items()))
        if self.notes:
            out["notes"] = list(self.notes)
        for relation in RELATIONS:
            if getattr(self, relation):
                out[RELATIONS[relation]] = list(getattr(self, relation))
        if self.references:
            out["references"] = [r.to_dict() for r in self.references]
        if self.extra:
            out["extra"] = [list(item) for item in self.extra]
        out["terms"] = [t.to_dict() for t in self.terms]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, subject: str | None = None) -> Concept:
        """Build from the glossary's structure; `term` and `terms` are both accepted for the term list."""
        cid = data.get("id") if isinstance(data, Mapping) else None
        try:
            if isinstance(data, Mapping) and "narrower" in data:
                raise ModelError("'narrower' is derived from 'broader': name this concept as broader on each narrower one instead")
            d = _take(data, "concept", ("id", "subject", "definition", "notes", "broader", "related", "superseded-by", "references", "extra", "term", "terms"))
            definition = d.get("definition", {})
            if isinstance(definition, str):
                definition = {"en": definition}
            if not isinstance(definition, Mapping):
                raise ModelError("definition must be a table of language: text")
            return cls(
                id=cid,  # type: ignore[arg-type]
                subject=d.get("subject", subject),
                definitions=definition,
                notes=tuple(_list(d.get("notes"), "notes")),
                related=tuple(_list(d.get("related"), "related")),
                broader=tuple(_list(d.get("broader"), "broader")),
                superseded_by=tuple(_list(d.get("superseded-by"), "superseded-by")),
                references=tuple(Reference.from_dict(r) for r in _list(d.get("references"), "references")),
                terms=tuple(Term.from_dict(t) for t in _list(d.get("term", d.get("terms")), "terms")),
                extra=tuple(tuple(item) for item in _list(d.get("extra"), "extra")),
            )
        except ModelError as error:
            raise error.located(concept=cid if isinstance(cid, str) and _FOREIGN_ID.match(cid) else None) from None


@dataclass(frozen=True, slots=True)
class Source:
    """A document terms were mined from: a publication (cited by page) or an act or
    circular (cited by article or paragraph, under its short citation)."""

    id: str
    title: str
    year: int
    publisher: str | None = None
    file: str | None = None
    lang: str = "nl"
    locator: str | None = None
    short: str | None = None
    bwb: str | None = None
    version: str | None = None
    url: str | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        if not _SLUG.match(self.id or ""):
            raise ModelError(f"source id {self.id!r} is not a lower-case slug")
        _clean(self.title, "source title")
        if not isinstance(self.year, int) or isinstance(self.year, bool) or not 1800 <= self.year <= 2200:
            raise ModelError(f"source year {self.year!r} is not a year")
        object.__setattr__(self, "lang", canonical_lang(self.lang))
        for key in ("publisher", "file", "locator", "short", "url", "note"):
            _optional(getattr(self, key), f"source {key}", multiline=key == "note")
        if self.bwb is not None and not re.match(r"BWB[RV]\d{7}\Z", _clean(self.bwb, "source bwb")):
            raise ModelError(f"source bwb {self.bwb!r} is not a BWB id such as 'BWBR0011823'")
        if self.version is not None and not _VERSION.match(_clean(self.version, "source version")):
            raise ModelError(f"source version {self.version!r} is not a date such as '2015-07' or '2015-07-20'")

    def citation(self, page: int | None = None, article: str | None = None) -> str:
        """How a quote from this source is cited: a publication by title and page,
        an act by its short citation and article, a circular by paragraph.

        >>> Source("x", "De Staat van Migratie 2023", 2023, "Ministerie van Justitie en Veiligheid").citation(26)
        'De Staat van Migratie 2023 (Ministerie van Justitie en Veiligheid, 2023), p. 26'
        >>> act = Source("vw", "Vreemdelingenwet 2000", 2000, short="Vw 2000", bwb="BWBR0011823", version="2015-07")
        >>> act.citation(article="29"), act.citation()
        ('Vw 2000, art. 29', 'Vreemdelingenwet 2000 (Vw 2000, BWBR0011823, text as of 2015-07)')
        >>> Source("vc", "Vreemdelingencirculaire 2000 (B)", 2000, short="Vc 2000 (B)").citation(article="B1/2.1")
        'Vc 2000 (B), B1/2.1'
        """
        if article is not None:
            return f"{self.short or self.title}, {article if '/' in article else 'art. ' + article}"
        if self.short or self.bwb:
            about = ", ".join(x for x in (self.short, self.bwb, f"text as of {self.version}" if self.version else None) if x)
            return f"{self.title} ({about})"
        where = f", {self.locator}" if self.locator else ""
        by = f"{self.publisher}, " if self.publisher else ""
        return f"{self.title} ({by}{self.year}{where})" + (f", p. {page}" if page else "")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "title": self.title}
        for key in ("short", "publisher"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        out["year"] = self.year
        for key in ("bwb", "version", "locator", "lang", "file", "url", "note"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Source:
        d = _take(data, "source", ("id", "title", "short", "publisher", "year", "bwb", "version", "file", "lang", "locator", "url", "note"))
        missing = [key for key in ("id", "title", "year") if key not in d]
        if missing:
            raise ModelError(f"source {d.get('id')!r} is incomplete: it has no {', '.join(missing)}")
        return cls(**d)


def check_concepts(concepts: Iterable[Concept], source_ids: Iterable[str] | None = None) -> None:
    """The invariants between concepts: unique ids, relations whose ids resolve,
    no concept broader than itself (or superseded by itself) through a cycle, and,
    when the sources are known, contexts that cite one of them."""
    ids: set[str] = set()
    listed = list(concepts)
    for concept in listed:
        if concept.id in ids:
            raise ModelError("the id is used by two concepts", concept=concept.id)
        ids.add(concept.id)
    for concept in listed:
        for relation in RELATIONS:
            for rid in getattr(concept, relation):
                if rid not in ids:
                    raise ModelError(f"{RELATIONS[relation]} concept {rid!r} does not exist", concept=concept.id)
    for relation in ("broader", "superseded_by"):
        _check_acyclic(listed, relation)
    if source_ids is not None:
        known = set(source_ids)
        for concept in listed:
            for term in concept.terms:
                for context in term.contexts:
                    if context.source not in known:
                        raise ModelError(f"context of {term.text!r} cites unknown source {context.source!r}", concept=concept.id)


def _check_acyclic(concepts: list[Concept], relation: str) -> None:
    """No chain of `relation` leads from a concept back to itself."""
    edges = {c.id: getattr(c, relation) for c in concepts if getattr(c, relation)}
    done: set[str] = set()
    for start in edges:
        path: list[str] = []
        on_path: set[str] = set()
        stack: list[tuple[str, int]] = [(start, 0)]
        while stack:
            node, i = stack.pop()
            if i == 0:
                if node in done:
                    continue
                if node in on_path:
                    cycle = " → ".join([*path[path.index(node):], node])
                    name = "broader than itself" if relation == "broader" else "superseded by itself"
                    raise ModelError(f"is {name} through {cycle}", concept=node)
                path.append(node)
                on_path.add(node)
            targets = edges.get(node, ())
            if i < len(targets):
                stack.append((node, i + 1))
                stack.append((targets[i], 0))
            else:
                path.pop()
                on_path.discard(node)
                done.add(node)


# -- the compiled form ----------------------------------------------------------------------
# A compiled termbase keeps each concept as the values of its fields, in their order (an
# enum by its value, a nested object as a record of its own), which `marshal` stores.
# Read back, the values are set again without being checked a second time: only a
# concept that was built, and so checked, is ever written so, and the cache is checked
# whole before it is believed. Building a concept from its record is what a scan of a
# large termbase does at every hit it has not met before.

# for each class, the fields that are not plain values: an enum's class, or (class,) for a tuple of objects
_RECORDED: dict[type, dict[str, Any]] = {
    Concept: {"terms": (Term,), "references": (Reference,)},
    Term: {"status": Status, "pos": PartOfSpeech, "gender": Gender, "term_type": TermType, "contexts": (Context,)},
    Reference: {"kind": ReferenceKind},
    Context: {},
}


_FIELDS: dict[type, tuple[tuple[str, Any], ...]] = {
    kind: tuple((f.name, nested.get(f.name)) for f in fields(kind)) for kind, nested in _RECORDED.items()
}


def to_record(value: Concept | Term | Reference | Context) -> tuple[Any, ...]:
    """A concept (or one of its parts) as the values of its fields, for `from_record`."""
    out: list[Any] = []
    for name, nested in _FIELDS[type(value)]:
        item = getattr(value, name)
        if type(nested) is tuple:
            item = tuple(to_record(part) for part in item)
        elif nested is not None and item is not None:
            item = item.value
        out.append(item)
    return tuple(out)


def from_record(kind: type[Any], record: tuple[Any, ...]) -> Any:
    """The object of `kind` that `to_record` gave `record` for, built without checking it again."""
    built = object.__new__(kind)
    for (name, nested), item in zip(_FIELDS[kind], record, strict=True):
        if type(nested) is tuple:
            item = tuple(from_record(nested[0], part) for part in item)
        elif nested is not None and item is not None:
            item = nested._value2member_map_[item]
        object.__setattr__(built, name, item)
    return built
