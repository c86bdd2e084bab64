"""TMX: write TMX 1.4b (valid against the 1.4 DTD); read TMX 1.1 to 1.4b as a stream.

Each unit written is one source-language term with the concept's preferred
target-language term; the concept id, subject, definitions and the terms'
properties travel in `<prop>` and `<note>`, so migterm reads its own TMX back
into the same concepts. Any other TMX is read unit by unit: `lang` or
`xml:lang`, UTF-8 or UTF-16 with or without a byte-order mark, inline markup
kept (never turned into text).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from lxml import etree

from .. import __version__
from ..model import RELATIONS, Status, canonical_lang, lang_matches
from ..units import Code, Segment, Unit
from ..termbase import Termbase
from ..text import visible
from ._inline import Losses, Numbers, Pair, append_text, nest, xml_safe
from ._bilingual import ConceptBuilder, pairs, slug, term_fields, term_from_fields
from ._xml import FormatError, iter_elements, local_name, serialise, text_of

__all__ = ["write_tmx", "write_tmx_units", "read_tmx", "iter_tmx_units", "iter_tmx_pairs", "tmx_stats"]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_INLINE = {"bpt", "ept", "it", "ph", "hi", "ut", "sub"}


def _tmx(source_lang: str, segtype: str) -> tuple[Any, Any]:
    """A TMX root with its header, and its body."""
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root,
        "header",
        creationtool="migterm",
        creationtoolversion=__version__,
        segtype=segtype,
        **{"o-tmf": "migterm", "adminlang": "en", "srclang": source_lang, "datatype": "plaintext"},
    )
    return root, etree.SubElement(root, "body")


def write_tmx(termbase: Termbase, out: IO[bytes], *, source_lang: str = "nl", target_lang: str = "en", **_: Any) -> None:
    root, body = _tmx(source_lang, "phrase")
    counts: dict[str, int] = {}
    for concept, term, target in pairs(termbase, source_lang, target_lang):
        counts[concept.id] = counts.get(concept.id, 0) + 1
        tu = etree.SubElement(body, "tu", tuid=f"{concept.id}.{counts[concept.id]}")
        if term.lang.lower() != source_lang.lower():
            tu.set("srclang", term.lang)  # a regional variant (nl-BE) is this unit's source
        for lang, definition in concept.definitions.items():
            note = etree.SubElement(tu, "note")
            note.set(XML_LANG, lang)
            note.text = definition
        for note_text in concept.notes:
            etree.SubElement(tu, "prop", type="x-note").text = note_text
        etree.SubElement(tu, "prop", type="x-concept").text = concept.id
        if concept.subject:
            etree.SubElement(tu, "prop", type="x-subject").text = concept.subject
        for relation, name in RELATIONS.items():
            for rid in getattr(concept, relation):
                etree.SubElement(tu, "prop", type=f"x-{name}").text = rid
        for variant in (term, target):
            if variant is None:
                continue
            tuv = etree.SubElement(tu, "tuv")
            tuv.set(XML_LANG, variant.lang)
            for name, value in term_fields(variant):
                etree.SubElement(tuv, "prop", type=f"x-{name}").text = value
            etree.SubElement(tuv, "seg").text = variant.text
    out.write(serialise(root, doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">'))


_TU_ATTRS = ("creationdate", "creationid", "changedate", "changeid", "usagecount", "lastusagedate", "creationtool",
             "creationtoolversion", "datatype", "segtype", "o-tmf", "o-encoding")


def write_tmx_units(units: Iterable[Unit], out: IO[bytes], *, source_lang: str | None = None, target_langs: Iterable[str] | None = None,
                    losses: Losses | None = None, **_: Any) -> None:
    """A translation memory, written as a stream: each unit's notes, props and
    variants (the source first), inline codes as `bpt`/`ept`, `ph`, `it` and `hi`."""
    units = iter(units)
    first = next(units, None)
    srclang = source_lang or (first.source_key() if first is not None else None) or "*all*"
    wanted = [lang.lower() for lang in target_langs] if target_langs else None
    root, _ = _tmx(srclang, "sentence")
    head = etree.tostring(root[0], encoding="unicode")
    out.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n  {head}\n  <body>\n'.encode())
    for unit in itertools.chain([first] if first is not None else [], units):
        out.write(b"    " + etree.tostring(_tu(unit, srclang, wanted, losses), encoding="UTF-8") + b"\n")
    out.write(b"  </body>\n</tmx>\n")


def _tu(unit: Unit, srclang: str, wanted: list[str] | None, losses: Losses | None) -> Any:
    tu = etree.Element("tu", tuid=xml_safe(unit.id, losses))
    for name, value in unit.attrs:
        if name.startswith("tmx:") and name[4:] in _TU_ATTRS:
            tu.set(name[4:], xml_safe(value, losses))
        elif losses is not None:
            losses.add(f"the attribute {name}, which TMX does not have")
    source = unit.source_key()
    if srclang != "*all*":
        source = next((k for k in unit.variants if lang_matches(k, srclang.split("-")[0])), source)
    if source is not None and srclang != "*all*" and not lang_matches(source, srclang.split("-")[0]):
        tu.set("srclang", source)
    for note_text in unit.notes:
        etree.SubElement(tu, "note").text = xml_safe(note_text, losses)
    variant_props: dict[str, list[tuple[str, str]]] = {}
    for name, value in unit.props:
        lang, sep, kind = name.partition(":")
        if sep and lang in unit.variants:
            variant_props.setdefault(lang, []).append((kind, value))
        elif name.startswith("note@"):
            note = etree.SubElement(tu, "note")
            note.set(XML_LANG, name[5:])
            note.text = xml_safe(value, losses)
        elif not (name == "msgctxt" and value == unit.id):  # a PO context that only repeats the id
            etree.SubElement(tu, "prop", type=xml_safe(name, losses)).text = xml_safe(value, losses)
    if unit.fuzzy:
        etree.SubElement(tu, "prop", type="x-fuzzy").text = "yes"
    numbers = Numbers()
    segs = []
    for lang, segment in sorted(unit.variants.items(), key=lambda item: item[0] != source):
        if lang != source and not segment.text and segment.parts is None:
            continue  # not translated: a TMX leaves the variant out
        if wanted is not None and lang != source and lang.split("-x-")[0].lower() not in wanted and lang.split("-")[0].lower() not in wanted:
            continue
        tuv = etree.SubElement(tu, "tuv")
        tuv.set(XML_LANG, lang.split("-x-alt")[0])
        for kind, value in variant_props.get(lang, ()):
            etree.SubElement(tuv, "prop", type=xml_safe(kind, losses)).text = xml_safe(value, losses)
        segs.append((etree.SubElement(tuv, "seg"), segment))
    etree.indent(tu, space="  ", level=2)
    for seg, segment in segs:  # after indenting: a segment's white space is its own
        _fill(seg, nest(segment.pieces()), numbers, losses)
    return tu


def _fill(element: Any, nodes: Iterable[Any], numbers: Numbers, losses: Losses | None) -> None:
    for node in nodes:
        if isinstance(node, str):
            append_text(element, node, losses)
        elif isinstance(node, Pair) and not node.open.data and not node.close.data:
            hi = etree.SubElement(element, "hi", x=numbers(node.open))
            if node.open.type:
                hi.set("type", node.open.type)
            _fill(hi, node.children, numbers, losses)
        elif isinstance(node, Pair):
            _fill(element, [node.open, *node.children, node.close], numbers, losses)
        else:
            code: Code = node
            number = numbers(code)
            if code.isolated:
                child = etree.SubElement(element, "it", pos="begin" if code.kind == "open" else "end", x=number)
            elif code.kind == "open":
                child = etree.SubElement(element, "bpt", i=number, x=number)
            elif code.kind == "close":
                child = etree.SubElement(element, "ept", i=number)
            else:
                child = etree.SubElement(element, "ph", x=number)
            if code.type and code.kind != "close":
                child.set("type", xml_safe(code.type, losses))
            child.text = xml_safe(code.data, losses) or None


def _segment(seg: Any, path: str) -> Segment:
    """A `<seg>` with inline markup: its text, and its codes in order. The native code
    inside bpt/ept/it/ph/ut is no text; the text inside hi and sub is."""
    count = [0]
    return Segment.of(_parts(seg, path, count))


def _parts(element: Any, path: str, count: list[int]) -> Iterator[str | Code]:
    yield element.text or ""
    for child in element:
        if isinstance(child, etree._Entity):
            raise FormatError(f"the entity reference {child.text} is not allowed", path=path, line=child.sourceline or element.sourceline)
        if not isinstance(child.tag, str):
            yield child.tail or ""
            continue
        name = child.tag
        count[0] += 1
        auto = f"c{count[0]}"
        data = "".join(child.itertext())
        kind = child.get("type")
        if name == "bpt":
            yield Code("open", child.get("i") or auto, data, kind)
        elif name == "ept":
            yield Code("close", child.get("i") or auto, data)
        elif name == "ph":
            yield Code("placeholder", child.get("x") or auto, data, kind)
        elif name == "it":
            yield Code("close" if child.get("pos") == "end" else "open", child.get("x") or auto, data, kind, isolated=True)
        elif name == "ut":
            yield Code("placeholder", auto, data)
        elif name == "hi":
            own = child.get("x") or auto  # x: the same code in the other variants
            yield Code("open", own, "", kind)
            yield from _parts(child, path, count)
            yield Code("close", own)
        elif name == "sub":
            yield from _parts(child, path, count)
        else:
            raise FormatError(f"<seg> holds <{local_name(child)}>, which is not TMX inline markup", path=path, line=child.sourceline)
        yield child.tail or ""


def _tu_stream(source: str | Path | IO[bytes], shown: str, header_out: dict[str, str] | None = None) -> Iterator[Any]:
    """The <tu> elements of a TMX file, after checking its root and header (whose
    attributes go to `header_out`)."""
    for name, element in iter_elements(source, ["tu"], root_names={"tmx"}, path=shown):
        if name == "root":
            version = element.get("version", "")
            if version and not version.startswith("1."):
                raise FormatError(f"TMX version {version} is not supported (1.1 to 1.4b are)", path=shown, line=element.sourceline)
            header = element.find("header")
            if header is None:
                raise FormatError("the TMX file has no <header>", path=shown, line=element.sourceline)
            if not header.get("srclang"):
                raise FormatError("the TMX header has no srclang", path=shown, line=header.sourceline)
            if header_out is not None:
                header_out.update(header.items())
            continue
        yield element


def _variant_lang(tuv: Any, shown: str) -> str:
    lang = tuv.get(XML_LANG) or tuv.get("lang")
    if not lang:
        raise FormatError("a <tuv> has no xml:lang (or lang)", path=shown, line=tuv.sourceline)
    return _lang(lang, shown, tuv.sourceline)


def iter_tmx_units(source: str | Path | IO[bytes], *, path: str | None = None, **_: Any) -> Iterator[Unit]:
    """The units of a TMX file, one at a time, in bounded memory."""
    shown = path or str(source)
    count = 0
    langs = _LANGS
    header: dict[str, str] = {}
    for element in _tu_stream(source, shown, header):
        count += 1
        srclang = header.get("srclang", "*all*")
        variants: dict[str, Segment] = {}
        props: list[tuple[str, str]] = []
        notes: list[str] = []
        for child in element:
            child_name = child.tag
            if child_name == "tuv":
                tag = child.get(XML_LANG) or child.get("lang")
                key = langs.get(tag) or _variant_lang(child, shown)  # type: ignore[arg-type]
                while key in variants:  # a second variant in the same language
                    key += "-x-alt"
                if len(child) == 1 and child[0].tag == "seg":  # the usual case: nothing but the segment
                    seg = child[0]
                else:
                    seg = None
                    for part in child:
                        if part.tag == "seg":
                            seg = part
                        elif part.tag == "prop":
                            props.append((f"{key}:{part.get('type', '')}", text_of(part, shown)))
                    if seg is None:
                        raise FormatError("a <tuv> has no <seg>", path=shown, line=child.sourceline)
                variants[key] = Segment(seg.text or "") if not len(seg) else _segment(seg, shown)
            elif child_name == "prop":
                props.append((child.get("type", ""), child.text or "" if not len(child) else text_of(child, shown)))
            elif child_name == "note":
                lang = child.get(XML_LANG)
                if lang:
                    props.append((f"note@{_lang(lang, shown, child.sourceline)}", text_of(child, shown)))
                else:
                    notes.append(text_of(child, shown))
        attrs = tuple((f"tmx:{name}", value) for name, value in element.items() if name in _TU_ATTRS)
        fuzzy = ("x-fuzzy", "yes") in props
        if fuzzy:
            props.remove(("x-fuzzy", "yes"))
        yield Unit(element.get("tuid") or str(count), variants, element.sourceline, tuple(props), tuple(notes), fuzzy=fuzzy,
                   source_lang=_unit_source(element, srclang, variants, shown), attrs=attrs)


def _unit_source(tu: Any, srclang: str, variants: dict[str, Segment], shown: str) -> str | None:
    declared = tu.get("srclang") or srclang
    if declared == "*all*":
        return next(iter(variants), None)
    return _lang(declared, shown, tu.sourceline)


def _seg_of(tuv: Any, shown: str) -> Any:
    seg = tuv[-1] if len(tuv) else None
    if seg is None or seg.tag != "seg":  # the DTD puts <seg> last; a file may not
        seg = tuv.find("seg")
        if seg is None:
            raise FormatError("a <tuv> has no <seg>", path=shown, line=tuv.sourceline)
    return seg


def iter_tmx_pairs(source: str | Path | IO[bytes], source_lang: str, target_lang: str | None, *,
                   path: str | None = None, prop_types: frozenset[str] | None = None) -> Iterator[tuple[str, int | None, str, str | None, str | None, tuple[tuple[str, str], ...], tuple[str, ...]]]:
    """(unit id, line, source text, target text, target language, unit props, notes) for each unit of a
    TMX file: what a bilingual check needs, with the checks of `iter_tmx_units` but
    without building units (the fast way through a large file). The target is the
    first variant in `target_lang`, or else the first in another language than the
    source; None when the unit has none. `prop_types`: the only props wanted."""
    shown = path or str(source)
    langs = _LANGS
    source_base = source_lang.split("-")[0].lower()
    target_base = target_lang.split("-")[0].lower() if target_lang else None
    count = 0
    for element in _tu_stream(source, shown):
        count += 1
        source_text = target_text = found_lang = None
        props: list[tuple[str, str]] = []
        notes: list[str] = []
        for child in element:
            name = child.tag
            if name == "tuv":
                lang = langs.get(child.get(XML_LANG) or child.get("lang")) or _variant_lang(child, shown)  # type: ignore[arg-type]
                seg = _seg_of(child, shown)
                base = lang.split("-")[0].lower()
                if base == source_base and source_text is None:
                    source_text = (seg.text or "") if not len(seg) else _segment(seg, shown).text
                elif target_text is None and base != source_base and (target_base is None or base == target_base):
                    target_text = (seg.text or "") if not len(seg) else _segment(seg, shown).text
                    found_lang = lang
            elif name == "prop":
                kind = child.get("type", "")
                if prop_types is None or kind in prop_types:
                    props.append((kind, child.text or "" if not len(child) else text_of(child, shown)))
            elif name == "note" and not child.get(XML_LANG):
                notes.append(text_of(child, shown))
        if source_text is not None:
            yield element.get("tuid") or str(count), element.sourceline, source_text, target_text, found_lang, tuple(props), tuple(notes)


def tmx_stats(source: str | Path | IO[bytes], *, path: str | None = None, **_: Any) -> dict[str, Any]:
    """Count what a TMX file holds, with the same checks as `iter_tmx_units` but
    without building units: the fast way through a large file."""
    shown = path or str(source)
    units = markup = 0
    languages: dict[str, int] = {}
    langs = _LANGS
    for element in _tu_stream(source, shown):
        units += 1
        for tuv in element.iterchildren("tuv"):
            tag = tuv.get(XML_LANG) or tuv.get("lang")
            lang = langs.get(tag) if tag else None
            if lang is None:
                lang = _variant_lang(tuv, shown)
            seg = tuv[-1] if len(tuv) else None
            if seg is None or seg.tag != "seg":  # the DTD puts <seg> last; a file may not
                seg = _seg_of(tuv, shown)
            if len(seg):
                markup += 1
                languages[lang] = languages.get(lang, 0) + 1
            elif seg.text:
                languages[lang] = languages.get(lang, 0) + 1
    return {"units": units, "segments by language": dict(sorted(languages.items())), "fuzzy": 0, "obsolete": 0, "segments with inline markup": markup}


_LANGS: dict[str, str] = {}


def _lang(tag: str, path: str, line: int | None) -> str:
    known = _LANGS.get(tag)
    if known is not None:
        return known
    try:
        canonical = canonical_lang(tag)
    except Exception:
        raise FormatError(f"{tag!r} is not a language tag", path=path, line=line) from None
    if len(_LANGS) < 1000:
        _LANGS[tag] = canonical
    return canonical


def read_tmx(source: str | Path | IO[bytes], *, path: str | None = None, **_: Any) -> Termbase:
    """A TMX file as a termbase: migterm's own TMX back into its concepts; any other
    TMX one concept per unit, each language's first variant its preferred term."""
    shown = path or str(source)
    builder = ConceptBuilder(shown)
    for unit in iter_tmx_units(source, path=shown):
        unit_props = [(name, value) for name, value in unit.props if ":" not in name]
        concept_id = next((v for n, v in unit_props if n == "x-concept"), None) or builder.unique_id(slug(unit.id))
        terms = []
        seen_langs: set[str] = set()
        for lang, segment in unit.variants.items():
            fields = [(n.split(":", 1)[1][2:], v) for n, v in unit.props if n.startswith(f"{lang}:x-")]
            base = lang.split("-x-alt")[0]
            default = Status.ADMITTED if base.lower() in seen_langs else Status.PREFERRED
            seen_langs.add(base.lower())
            text = " ".join(visible(segment.text).split())  # a term is one line, its inline codes and invisible characters left out
            if not text:
                continue
            terms.append(term_from_fields(text, base, fields, default))
        definitions = {name.split("@", 1)[1]: value for name, value in unit_props if name.startswith("note@")}
        builder.add(
            concept_id,
            terms=terms,
            line=unit.line,
            subject=next((v for n, v in unit_props if n == "x-subject"), None),
            definitions=definitions,
            notes=[v for n, v in unit_props if n == "x-note"],
            relations={r: [v for n, v in unit_props if n == f"x-{name}"] for r, name in RELATIONS.items()},
        )
    return builder.termbase()
