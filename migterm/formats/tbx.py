"""TBX: write TBX-Basic (ISO 30042:2019, DCA style) and the 2008 `<martif>` TBX
that OmegaT 3.6, translate-toolkit and older CAT tools read; read both (2019
and 3.0 namespaces, `tig` and `ntig`) as a stream of concepts.

TBX-Basic has no data category for some of what migterm records; those travel
as `<note>`s of the form `name: value` that the reader turns back into fields:
a term's plural, other forms and usage note, a proper noun (`partOfSpeech:
properNoun`, written as the picklist's `noun`) and Dutch common gender
(`grammaticalGender: common`, written as `other`), and a reference's kind,
locator, URL and the term it backs. A context's source id is its `admin
source`, its page or article a note. The typed relations are cross-references
(`<ref type="crossReference" target="ID">`) whose text names the relation
(`broader: ID`, `superseded-by: ID`; a plain `ID` is related).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from lxml import etree

from .. import __version__
from ..errors import MigtermError
from ..model import RELATIONS, Concept, Context, Gender, PartOfSpeech, Reference, Status, Term, TermType
from ..termbase import Termbase
from ..text import visible
from ._xml import FormatError, iter_elements, local_name, serialise, text_of

__all__ = ["write_tbx", "write_tbx_v2", "read_tbx", "iter_tbx_concepts", "check_tbx_basic", "TBX_NS"]

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_STATUS_TO_TBX = {s: f"{s.value}Term-admn-sts" for s in Status}
_TBX_TO_STATUS = {v: k for k, v in _STATUS_TO_TBX.items()}
_TBX_TO_STATUS.update({f"{s.value}Term": s for s in Status})  # normativeAuthorization, older files
_RELATION_BY_NAME = {name: relation for relation, name in RELATIONS.items()}
_GENDERS = {"masculine", "feminine", "neuter", "other"}
_POS = {"noun", "verb", "adjective", "adverb", "other"}


class _Dialect:
    def __init__(self, ns: str | None, names: dict[str, str]) -> None:
        self.ns = ns
        self.names = names

    def tag(self, name: str) -> str:
        name = self.names.get(name, name)
        return f"{{{self.ns}}}{name}" if self.ns else name


_V3 = _Dialect(TBX_NS, {})
_V2 = _Dialect(None, {"tbx": "martif", "tbxHeader": "martifHeader", "conceptEntry": "termEntry", "langSec": "langSet", "termSec": "tig"})


def _sub(parent: Any, dialect: _Dialect, name: str, text: str | None = None, **attrs: str) -> Any:
    element = etree.SubElement(parent, dialect.tag(name), **attrs)
    if text is not None:
        element.text = text
    return element


def _note(parent: Any, dialect: _Dialect, name: str, value: str) -> None:
    _sub(parent, dialect, "note", f"{name}: {value}")


def _write_term(parent: Any, dialect: _Dialect, term: Term) -> None:
    section = _sub(parent, dialect, "termSec")
    _sub(section, dialect, "term", term.text)
    if term.pos is not None:
        _sub(section, dialect, "termNote", "noun" if term.pos is PartOfSpeech.PROPER_NOUN else term.pos.value, type="partOfSpeech")
    if term.gender is not None:
        _sub(section, dialect, "termNote", term.gender.value if term.gender.value in _GENDERS else "other", type="grammaticalGender")
    if term.term_type is not TermType.FULL_FORM:
        _sub(section, dialect, "termNote", term.term_type.value, type="termType")
    _sub(section, dialect, "termNote", _STATUS_TO_TBX[term.status], type="administrativeStatus")
    _write_extra(section, dialect, [e for e in term.extra if e[0] == "termNote"])
    for context in term.contexts:
        group = _sub(section, dialect, "descripGrp")
        _sub(group, dialect, "descrip", context.text, type="context")
        _sub(group, dialect, "admin", context.source, type="source")
        if context.page is not None:
            _note(group, dialect, "page", str(context.page))
        if context.article is not None:
            _note(group, dialect, "article", context.article)
    if term.pos is PartOfSpeech.PROPER_NOUN:
        _note(section, dialect, "partOfSpeech", "properNoun")
    if term.gender is Gender.COMMON:
        _note(section, dialect, "grammaticalGender", "common")
    if term.plural is not None:
        _note(section, dialect, "plural", term.plural)
    for form in term.forms:
        _note(section, dialect, "form", form)
    if term.usage is not None:
        _note(section, dialect, "usage", term.usage)
    _write_extra(section, dialect, [e for e in term.extra if e[0] != "termNote"])


def _write_extra(parent: Any, dialect: _Dialect, items: list[tuple[str, str, str]]) -> None:
    """Write back what a termbase from elsewhere recorded: elements, and groups of them."""
    import json

    for element, kind, value in items:
        attrs = {"type": kind} if kind else {}
        if element.endswith("Grp"):
            group = _sub(parent, dialect, element, **attrs)
            try:
                parts = json.loads(value)
            except ValueError:
                parts = []
            for part in parts if isinstance(parts, list) else []:
                if isinstance(part, list) and len(part) == 3 and all(isinstance(x, str) for x in part):
                    _sub(group, dialect, part[0], part[2] or None, **({"type": part[1]} if part[1] else {}))
        else:
            _sub(parent, dialect, element, value or None, **attrs)


def _write_concept(body: Any, dialect: _Dialect, concept: Concept) -> None:
    entry = _sub(body, dialect, "conceptEntry", id=concept.id)
    if concept.subject:
        _sub(entry, dialect, "descrip", concept.subject, type="subjectField")
    # languages in the order their terms come, but each general language before the regional
    # variants (nl, en, nl-BE): tools that read the first two language sections as source and
    # target then get the pair they expect
    seen = list(dict.fromkeys(t.lang for t in concept.terms))
    languages = sorted(seen, key=lambda lang: ("-" in lang, seen.index(lang)))
    for lang, definition in concept.definitions.items():
        if lang not in languages:
            _sub(entry, dialect, "descrip", definition, type="definition").set(XML_LANG, lang)
    for note in concept.notes:
        _sub(entry, dialect, "note", note)
    for relation, name in RELATIONS.items():
        for rid in getattr(concept, relation):
            # TBX-Basic has one cross-reference category; the text says which relation it is
            text = rid if relation == "related" else f"{name}: {rid}"
            _sub(entry, dialect, "ref", text, type="crossReference", target=rid)
    _write_extra(entry, dialect, list(concept.extra))
    for reference in concept.references:
        group = _sub(entry, dialect, "adminGrp")
        _sub(group, dialect, "admin", reference.title, type="source")
        _note(group, dialect, "kind", reference.kind.value)
        for name in ("locator", "url", "term"):
            if getattr(reference, name) is not None:
                _note(group, dialect, name, getattr(reference, name))
    for lang in languages:
        section = _sub(entry, dialect, "langSec")
        section.set(XML_LANG, lang)
        if lang in concept.definitions:
            _sub(section, dialect, "descrip", concept.definitions[lang], type="definition")
        for term in concept.terms:
            if term.lang == lang:
                _write_term(section, dialect, term)


def _write(termbase: Termbase, out: IO[bytes], dialect: _Dialect) -> None:
    attrs = {"type": "TBX-Basic", "style": "dca"} if dialect is _V3 else {"type": "TBX"}
    root = etree.Element(dialect.tag("tbx"), nsmap={None: dialect.ns} if dialect.ns else None, **attrs)
    root.set(XML_LANG, "en")
    file_desc = _sub(_sub(root, dialect, "tbxHeader"), dialect, "fileDesc")
    source_desc = _sub(file_desc, dialect, "sourceDesc")
    _sub(source_desc, dialect, "p", f"Exported by migterm {__version__}.")
    for source in termbase.sources.values():
        _sub(source_desc, dialect, "p", f"{source.id}: {source.citation()}")
    body = _sub(_sub(root, dialect, "text"), dialect, "body")
    for concept in termbase:
        _write_concept(body, dialect, concept)
    out.write(serialise(root))


def write_tbx(termbase: Termbase, out: IO[bytes], **_: Any) -> None:
    """TBX-Basic, ISO 30042:2019, DCA style."""
    _write(termbase, out, _V3)


def write_tbx_v2(termbase: Termbase, out: IO[bytes], **_: Any) -> None:
    """The 2008 `<martif>` TBX (termEntry, langSet, tig)."""
    _write(termbase, out, _V2)


# -- reading ---------------------------------------------------------------------------
#
# A termbase from elsewhere is taken as it is: its ids kept, values outside the TBX-Basic
# picklists mapped to the nearest one with the original kept as a note, and data
# categories migterm does not model kept in `extra`, which the writer writes back.

# The data categories that hold a term's status, in TBX and in the tools' own dialects
# (MultiTerm's descrip "Status", IATE's evaluation), compared in lower case.
_STATUS_TYPES = {"administrativestatus", "normativeauthorization", "status", "termstatus", "usagestatus", "usage status",
                 "term status", "evaluation", "termevaluation", "acceptability", "processstatus"}
_STATUS_WORDS = {
    Status.PREFERRED: {"preferred", "preferredterm", "preferred term", "standardized", "standardizedterm", "recommended",
                       "approved", "mandatory", "legal"},
    Status.ADMITTED: {"admitted", "admittedterm", "admitted term", "permitted", "allowed", "accepted", "acceptable", "synonym",
                      "proposed", "new", "candidate", "tolerated", "reliable", "validated"},
    Status.DEPRECATED: {"deprecated", "deprecatedterm", "deprecated term", "forbidden", "forbiddenterm", "forbidden term",
                        "not recommended", "notrecommended", "do not use", "rejected", "prohibited", "avoid", "incorrect",
                        "bad", "nonstandardized", "non-standardized"},
    Status.SUPERSEDED: {"superseded", "supersededterm", "superseded term", "obsolete", "obsoleteterm", "obsolete term",
                        "outdated", "archaic", "legacy", "historical"},
}
_STATUS_BY_WORD = {word: status for status, words in _STATUS_WORDS.items() for word in words}
_TERM_TYPES = {t.value.lower(): t.value for t in TermType} | {
    "full form": "fullForm", "fullform": "fullForm", "synonym": "fullForm", "main entry term": "fullForm", "entry term": "fullForm",
    "short form": "shortForm", "initialism": "acronym", "abbreviated form": "abbreviation", "clipped term": "shortForm",
    "formula": "variant", "equation": "variant", "transcribed form": "variant", "transliterated form": "variant",
    "orthographic variant": "variant", "common name": "fullForm", "international scientific term": "fullForm",
    "sku": "variant", "part number": "variant", "phraseological unit": "phrase", "standard text": "phrase", "collocation": "phrase",
}
_POS_WORDS = {"noun": "noun", "verb": "verb", "adjective": "adjective", "adverb": "adverb", "propernoun": "properNoun",
              "proper noun": "properNoun", "other": "other", "n": "noun", "v": "verb", "adj": "adjective", "adv": "adverb"}
_GENDER_WORDS = {"masculine": "masculine", "feminine": "feminine", "neuter": "neuter", "common": "common", "other": "other",
                 "m": "masculine", "f": "feminine", "n": "neuter"}
_OUR_NOTES = {"partOfSpeech", "grammaticalGender", "plural", "form", "usage", "page", "article", "kind", "locator", "url", "term"}


def status_of(value: str) -> Status | None:
    """The status a picklist value means, in any tool's words (None: none of them).

    >>> status_of("deprecatedTerm-admn-sts"), status_of("Forbidden"), status_of("obsolete"), status_of("3")
    (<Status.DEPRECATED: 'deprecated'>, <Status.DEPRECATED: 'deprecated'>, <Status.SUPERSEDED: 'superseded'>, None)
    """
    word = value.strip().lower().removesuffix("-admn-sts")
    return _STATUS_BY_WORD.get(word)


def _one_line(text: str) -> str:
    """Text of a one-line field; a file that breaks it over lines (indentation) gets single spaces."""
    text = text.strip()
    return " ".join(text.split()) if any(c in text for c in "\n\r\t") else text


def _split_note(text: str) -> tuple[str, str]:
    name, sep, value = text.partition(": ")
    return (name, value) if sep else ("", text)


def _kept(element: Any, path: str) -> tuple[str, str, str]:
    """An element migterm does not model, as (element, type, value); a group's parts as JSON."""
    import json

    name = local_name(element)
    if name.endswith("Grp") or any(isinstance(c.tag, str) for c in element):
        parts = [[local_name(c), c.get("type", ""), "".join(c.itertext()).strip()] for c in element if isinstance(c.tag, str)]
        return name, element.get("type", ""), json.dumps(parts, ensure_ascii=False)
    return name, element.get("type", ""), text_of(element, path).strip()


class _NoTerm(Exception):
    """A term section whose term is empty."""


def _status_in(element: Any, path: str) -> str | None:
    """The status value an element gives, if it is one of the status categories."""
    if _category(element)[1].lower() in _STATUS_TYPES:
        return text_of(element, path).strip()
    return None


def _read_term(section: Any, lang: str, path: str) -> Term:
    # an ntig keeps the term and its termNotes in a termGrp
    parts = [c for c in section if isinstance(c.tag, str)]
    for child in list(parts):
        if local_name(child) == "termGrp":
            parts.extend(c for c in child if isinstance(c.tag, str))
    text = None
    values: dict[str, Any] = {}
    forms: list[str] = []
    contexts: list[Context] = []
    extra: list[tuple[str, str, str]] = []

    def original(kind: str, value: str) -> None:
        extra.append(("note", "", f"{kind}: {value}"))

    def take_status(kind: str, value: str) -> None:
        status = status_of(value)
        if status is None:
            original(kind, value)  # a reliability code or an unknown value: kept, the status left as it is
            return
        # the strongest "do not use" wins over any other status the term is given
        if "status" not in values or list(Status).index(status) > list(Status).index(values["status"]):
            values["status"] = status
        if value != _STATUS_TO_TBX[status]:
            original(kind, value)

    for child in parts:
        name, kind = _category(child)
        if name == "termGrp":
            continue
        if name == "term":
            text = _one_line(visible(text_of(child, path)))  # invisible characters in a term from elsewhere: left out
        elif name in ("termNote", "descrip", "admin") and _status_in(child, path) is not None:
            take_status(kind, _status_in(child, path))  # type: ignore[arg-type]
        elif name == "termNote" and kind in ("partOfSpeech", "grammaticalGender", "termType"):
            value = text_of(child, path).strip()
            table = {"partOfSpeech": _POS_WORDS, "grammaticalGender": _GENDER_WORDS, "termType": _TERM_TYPES}[kind]
            mapped = table.get(value.lower()) or table.get(value)
            values[{"partOfSpeech": "pos", "grammaticalGender": "gender", "termType": "type"}[kind]] = mapped or "other" if kind != "termType" else mapped or "fullForm"
            if mapped != value:
                original(kind, value)
        elif name == "termNote" and kind == "usageNote":
            values["usage"] = text_of(child, path).strip() or None
        elif name == "descripGrp":
            descrip = next((c for c in child if local_name(c) == "descrip"), None)
            if descrip is not None and descrip.get("type") == "context":
                source = next((text_of(c, path).strip() for c in child if local_name(c) == "admin" and c.get("type") == "source"), "unknown")
                notes = dict(_split_note(text_of(c, path)) for c in child if local_name(c) == "note")
                page, article = notes.get("page"), notes.get("article")
                context = _one_line(text_of(descrip, path))
                if context:
                    contexts.append(Context(context, _one_line(source) if source else "unknown",
                                            int(page) if page and page.isdigit() and len(page) < 7 else None, article))
            elif descrip is not None and _status_in(descrip, path) is not None:
                take_status(descrip.get("type", ""), _status_in(descrip, path))  # type: ignore[arg-type]
            else:
                extra.append(_kept(child, path))
        elif name == "descrip" and kind == "context":
            context = _one_line(text_of(child, path))
            if context:
                contexts.append(Context(context, "unknown"))
        elif name == "note":
            key, value = _split_note(text_of(child, path).strip())
            if key == "partOfSpeech" and value == "properNoun" and values.get("pos") == "noun":
                values["pos"] = "properNoun"
            elif key == "grammaticalGender" and value == "common" and values.get("gender") == "other":
                values["gender"] = "common"
            elif key == "plural":
                values["plural"] = value
            elif key == "form":
                forms.append(value)
            elif key == "usage":
                values["usage"] = value
            elif value or key:
                extra.append(("note", "", text_of(child, path).strip()))
        else:
            extra.append(_kept(child, path))
    if not text:
        raise _NoTerm()
    return Term(
        text=text, lang=lang, status=values.get("status", Status.ADMITTED), pos=values.get("pos"), gender=values.get("gender"),
        plural=values.get("plural"), forms=tuple(forms), term_type=values.get("type", "fullForm"), usage=values.get("usage"),
        contexts=tuple(contexts), extra=tuple(sorted(extra, key=lambda e: e[0] != "termNote")),  # termNotes first, as TBX orders them
    )


def _read_concept(entry: Any, path: str, number: int) -> Concept | None:
    concept_id = entry.get("id") or f"concept-{number}"
    subject = None
    definitions: dict[str, str] = {}
    notes: list[str] = []
    relations: dict[str, list[str]] = {r: [] for r in RELATIONS}
    references: list[Reference] = []
    terms: list[Term] = []
    extra: list[tuple[str, str, str]] = []

    def definition(lang: str, element: Any) -> None:
        text = text_of(element, path).strip()
        if not text:
            return
        if lang in definitions:  # a second definition in the same language: kept beside the first
            extra.append(("descrip", "definition", text))
        else:
            definitions[lang] = text

    try:
        for child in entry:
            if not isinstance(child.tag, str):
                continue
            name, kind = _category(child)
            if name == "descrip" and kind == "subjectField" and subject is None:
                subject = _one_line(text_of(child, path)) or None
            elif name == "descrip" and kind == "definition":
                definition(child.get(XML_LANG) or "en", child)
            elif name == "descripGrp" and _child_descrip(child, "subjectField") is not None and subject is None:
                subject = _one_line(text_of(_child_descrip(child, "subjectField"), path)) or None
            elif name == "note":
                text = text_of(child, path).strip()
                if text:
                    notes.append(text)
            elif name == "ref" and kind == "crossReference":
                text = text_of(child, path).strip()
                label, _, rid = text.partition(": ")
                relation = _RELATION_BY_NAME.get(label)
                if relation is None:
                    relation, rid = "related", text
                target = child.get("target") or rid
                if target and target != concept_id and all(target not in ids for ids in relations.values()):
                    relations[relation].append(target)
            elif name == "adminGrp" and _is_reference(child):
                fields = {"kind": "other"}
                for part in child:
                    if local_name(part) == "admin" and part.get("type") == "source":
                        fields["title"] = _one_line(text_of(part, path))
                    elif local_name(part) == "note":
                        key, value = _split_note(text_of(part, path))
                        if key in ("kind", "locator", "url", "term"):
                            fields[key] = value
                references.append(Reference(**fields))  # type: ignore[arg-type]  # the kind is checked by Reference
            elif name in ("langSec", "langSet"):
                lang = child.get(XML_LANG) or child.get("lang")
                if not lang:
                    raise FormatError(f"a <{name}> has no xml:lang", path=path, line=child.sourceline)
                for part in child:
                    part_name, part_kind = _category(part) if isinstance(part.tag, str) else ("", "")
                    if part_name == "descrip" and part_kind == "definition":
                        definition(lang, part)
                    elif part_name == "descripGrp" and _child_descrip(part, "definition") is not None:
                        definition(lang, _child_descrip(part, "definition"))
                    elif part_name in ("termSec", "tig", "ntig"):
                        try:
                            terms.append(_read_term(part, lang, path))
                        except _NoTerm:  # an empty term: nothing to keep
                            continue
        terms = _unique(terms)
        if not terms:
            return None  # an entry with no term (all empty): nothing to keep
        return Concept(id=concept_id, terms=tuple(terms), subject=subject, definitions=definitions, notes=tuple(notes),
                       references=tuple(references), extra=tuple(extra), **{r: tuple(ids) for r, ids in relations.items()})
    except FormatError:
        raise
    except MigtermError as error:
        raise FormatError(error.message, path=path, line=entry.sourceline, concept=concept_id) from None


# DCT style (TBX 2019) and the first TBX-Min name a data category by its element
# (`<min:partOfSpeech>`, `<basic:definition>`, `<termStatus>`) instead of a type attribute.
_STRUCTURE = {"termNote", "descrip", "admin", "note", "ref", "xref", "transac", "transacNote", "date", "term", "termGrp", "descripGrp",
              "adminGrp", "transacGrp", "termSec", "tig", "ntig", "langSec", "langSet", "hi", "foreign", "sc", "ec", "ph"}
_DCT = {name: "termNote" for name in ("partOfSpeech", "grammaticalGender", "termType", "administrativeStatus", "termStatus",
                                      "usageStatus", "normativeAuthorization", "geographicalUsage", "termLocation", "usageNote")}
_DCT |= {name: "descrip" for name in ("definition", "context", "subjectField", "explanation", "example")}
_DCT |= {name: "admin" for name in ("source", "customerSubset", "projectSubset", "customer", "responsibility")}
_DCT |= {"crossReference": "ref", "externalCrossReference": "xref", "xGraphic": "xref", "transactionType": "transac"}


def _category(element: Any) -> tuple[str, str]:
    """(element, data category) in DCA terms, whichever style the file uses."""
    name = local_name(element)
    if name in _STRUCTURE or name not in _DCT:
        return name, element.get("type", "")
    return _DCT[name], name


def _child_descrip(group: Any, kind: str) -> Any | None:
    return next((c for c in group if isinstance(c.tag, str) and _category(c) == ("descrip", kind)), None)


def _is_reference(group: Any) -> bool:
    return any(isinstance(c.tag, str) and local_name(c) == "admin" and c.get("type") == "source" and (c.text or "").strip() for c in group)


def _unique(terms: list[Term]) -> list[Term]:
    """The terms, a term listed twice in a language once, and one preferred term per
    language (a second one is admitted): a file from elsewhere may not keep to these."""
    seen: set[tuple[str, str]] = set()
    preferred: set[str] = set()
    out = []
    for term in terms:
        key = (term.lang.lower(), term.text)
        if key in seen:
            continue
        seen.add(key)
        if term.status is Status.PREFERRED:
            if term.lang.lower() in preferred:
                term = dataclasses.replace(term, status=Status.ADMITTED, extra=(*term.extra, ("note", "", "administrativeStatus: preferredTerm-admn-sts")))
            preferred.add(term.lang.lower())
        out.append(term)
    return out


def iter_tbx_concepts(source: str | Path | IO[bytes], *, path: str | None = None) -> Iterator[Concept]:
    """The concepts of a TBX file (2019, 3.0 or 2008 martif), one at a time, in bounded memory."""
    return (concept for concept, _ in _concepts_and_lines(source, path or str(source)))


def _concepts_and_lines(source: str | Path | IO[bytes], shown: str) -> Iterator[tuple[Concept, int | None]]:
    number = 0
    for name, element in iter_elements(source, ["{*}conceptEntry", "{*}termEntry"], root_names={"tbx", "martif", "TBX"}, path=shown):
        if name == "root":
            continue
        number += 1
        concept = _read_concept(element, shown, number)
        if concept is not None:
            yield concept, element.sourceline


def read_tbx(source: str | Path | IO[bytes], *, path: str | None = None, **_: Any) -> Termbase:
    shown = path or str(source)
    concepts = []
    lines: dict[str, int | None] = {}
    for concept, line in _concepts_and_lines(source, shown):
        if concept.id in lines:
            raise FormatError(f"the concept id is used again (first at line {lines[concept.id]})", path=shown, line=line, concept=concept.id)
        lines[concept.id] = line
        concepts.append(concept)
    try:
        return Termbase(concepts)
    except MigtermError as error:
        raise FormatError(error.message, path=shown, concept=error.concept) from None


# -- the TBX-Basic rules that an XSLT-1 Schematron cannot check ---------------------------

_BASIC_TYPES = {
    "admin": {"customerSubset", "projectSubset", "source"},
    "descrip": {"subjectField", "context", "definition"},
    "ref": {"crossReference"},
    "termNote": {"administrativeStatus", "partOfSpeech", "geographicalUsage", "grammaticalGender", "termLocation", "termType"},
    "xref": {"externalCrossReference", "xGraphic"},
    "transac": {"transactionType"},
}
_BASIC_VALUES = {
    "administrativeStatus": set(_STATUS_TO_TBX.values()),
    "partOfSpeech": _POS,
    "grammaticalGender": _GENDERS,
    "termType": {t.value for t in TermType},
}
_LEVELS = {
    "definition": {"conceptEntry", "langSec"},
    "subjectField": {"conceptEntry"},
    "context": {"termSec"},
    "crossReference": {"conceptEntry", "termSec"},
    "customerSubset": {"conceptEntry", "termSec"},
    "projectSubset": {"conceptEntry", "termSec"},
    "externalCrossReference": {"conceptEntry", "langSec", "termSec"},
}


def check_tbx_basic(source: str | Path) -> list[str]:
    """Breaches of the TBX-Basic (DCA) data-category rules: allowed types, picklist
    values, and the levels each category may appear at. Empty when the file keeps them."""
    problems: list[str] = []
    tree = etree.parse(str(source), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    root = tree.getroot()
    if root.get("type") != "TBX-Basic":
        problems.append(f"line {root.sourceline}: the root's type is {root.get('type')!r}, not 'TBX-Basic'")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name, kind = local_name(element), element.get("type")
        if name in _BASIC_TYPES and kind not in _BASIC_TYPES[name]:
            problems.append(f"line {element.sourceline}: <{name} type={kind!r}> is not a TBX-Basic data category")
            continue
        if name == "termNote" and kind in _BASIC_VALUES and (element.text or "").strip() not in _BASIC_VALUES[kind]:
            problems.append(f"line {element.sourceline}: {kind} {element.text!r} is not in the TBX-Basic picklist")
        if kind in _LEVELS:
            level = element.getparent()
            if level is not None and local_name(level).endswith("Grp") and local_name(level) != "transacGrp":
                level = level.getparent()
            if level is None or local_name(level) not in _LEVELS[kind]:
                problems.append(f"line {element.sourceline}: {kind} may not appear in <{local_name(level) if level is not None else ''}>")
    return problems
