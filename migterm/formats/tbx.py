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

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from lxml import etree

from .. import __version__
from ..errors import MigtermError
from ..model import RELATIONS, Concept, Context, Gender, PartOfSpeech, Reference, Status, Term, TermType
from ..termbase import Termbase
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


def _one_line(text: str) -> str:
    """Text of a one-line field; a file that breaks it over lines (indentation) gets single spaces."""
    text = text.strip()
    return " ".join(text.split()) if any(c in text for c in "\n\r\t") else text


def _split_note(text: str) -> tuple[str, str]:
    name, sep, value = text.partition(": ")
    return (name, value) if sep else ("", text)


def _read_term(section: Any, lang: str, path: str) -> Term:
    # an ntig keeps the term and its termNotes in a termGrp
    parts = [c for c in section if isinstance(c.tag, str)]
    for child in list(parts):
        if local_name(child) == "termGrp":
            parts.extend(c for c in child if isinstance(c.tag, str))
    text = None
    values: dict[str, Any] = {"status": Status.ADMITTED}
    forms: list[str] = []
    contexts: list[Context] = []
    for child in parts:
        name, kind = local_name(child), child.get("type", "")
        if name == "term":
            text = _one_line(text_of(child, path))
        elif name == "termNote":
            value = text_of(child, path).strip()
            if kind in ("administrativeStatus", "normativeAuthorization"):
                if value not in _TBX_TO_STATUS:
                    raise FormatError(f"unknown {kind} {value!r}", path=path, line=child.sourceline)
                values["status"] = _TBX_TO_STATUS[value]
            elif kind == "partOfSpeech":
                values["pos"] = value if value in _POS or value == "properNoun" else "other"
            elif kind == "grammaticalGender":
                values["gender"] = value if value in _GENDERS or value == "common" else "other"
            elif kind == "termType":
                values["type"] = value
            elif kind == "usageNote":
                values["usage"] = value
        elif name == "descripGrp":
            descrip = next((c for c in child if local_name(c) == "descrip" and c.get("type") == "context"), None)
            if descrip is not None:
                source = next((text_of(c, path).strip() for c in child if local_name(c) == "admin" and c.get("type") == "source"), "unknown")
                notes = dict(_split_note(text_of(c, path)) for c in child if local_name(c) == "note")
                page, article = notes.get("page"), notes.get("article")
                contexts.append(Context(_one_line(text_of(descrip, path)), _one_line(source) if source else "unknown",
                                        int(page) if page and page.isdigit() else None, article))
        elif name == "descrip" and kind == "context":
            contexts.append(Context(_one_line(text_of(child, path)), "unknown"))
        elif name == "note":
            key, value = _split_note(text_of(child, path))
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
    if not text:
        raise FormatError("a term section has no <term>", path=path, line=section.sourceline)
    return Term(
        text=text, lang=lang, status=values["status"], pos=values.get("pos"), gender=values.get("gender"), plural=values.get("plural"),
        forms=tuple(forms), term_type=values.get("type", "fullForm"), usage=values.get("usage"), contexts=tuple(contexts),
    )


def _read_concept(entry: Any, path: str, number: int) -> Concept:
    concept_id = entry.get("id") or f"concept-{number}"
    subject = None
    definitions: dict[str, str] = {}
    notes: list[str] = []
    relations: dict[str, list[str]] = {r: [] for r in RELATIONS}
    references: list[Reference] = []
    terms: list[Term] = []
    try:
        for child in entry:
            if not isinstance(child.tag, str):
                continue
            name, kind = local_name(child), child.get("type", "")
            if name == "descrip" and kind == "subjectField":
                subject = text_of(child, path).strip()
            elif name == "descrip" and kind == "definition":
                definitions[child.get(XML_LANG) or "en"] = text_of(child, path).strip()
            elif name == "note":
                notes.append(text_of(child, path).strip())
            elif name == "ref" and kind == "crossReference":
                text = text_of(child, path).strip()
                label, _, rid = text.partition(": ")
                relation = _RELATION_BY_NAME.get(label)
                if relation is None:
                    relation, rid = "related", text
                relations[relation].append(child.get("target") or rid)
            elif name == "adminGrp":
                fields = {"kind": "other"}
                for part in child:
                    if local_name(part) == "admin" and part.get("type") == "source":
                        fields["title"] = text_of(part, path).strip()
                    elif local_name(part) == "note":
                        key, value = _split_note(text_of(part, path))
                        if key in ("kind", "locator", "url", "term"):
                            fields[key] = value
                if "title" in fields:
                    references.append(Reference(**fields))
            elif name in ("langSec", "langSet"):
                lang = child.get(XML_LANG) or child.get("lang")
                if not lang:
                    raise FormatError(f"a <{name}> has no xml:lang", path=path, line=child.sourceline)
                for part in child:
                    part_name = local_name(part)
                    if part_name == "descrip" and part.get("type") == "definition":
                        definitions[lang] = text_of(part, path).strip()
                    elif part_name == "descripGrp":
                        descrip = next((c for c in part if local_name(c) == "descrip" and c.get("type") == "definition"), None)
                        if descrip is not None:
                            definitions[lang] = text_of(descrip, path).strip()
                    elif part_name in ("termSec", "tig", "ntig"):
                        terms.append(_read_term(part, lang, path))
        return Concept(id=concept_id, terms=tuple(terms), subject=subject, definitions=definitions, notes=tuple(notes),
                       references=tuple(references), **{r: tuple(ids) for r, ids in relations.items()})
    except FormatError:
        raise
    except MigtermError as error:
        raise FormatError(error.message, path=path, line=entry.sourceline, concept=concept_id) from None


def iter_tbx_concepts(source: str | Path | IO[bytes], *, path: str | None = None) -> Iterator[Concept]:
    """The concepts of a TBX file (2019, 3.0 or 2008 martif), one at a time, in bounded memory."""
    shown = path or str(source)
    number = 0
    for name, element in iter_elements(source, ["{*}conceptEntry", "{*}termEntry"], root_names={"tbx", "martif"}, path=shown):
        if name == "root":
            continue
        number += 1
        yield _read_concept(element, shown, number)


def read_tbx(source: str | Path | IO[bytes], *, path: str | None = None, **_: Any) -> Termbase:
    shown = path or str(source)
    concepts = list(iter_tbx_concepts(source, path=shown))
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
