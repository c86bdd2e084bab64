"""XLIFF 1.2 and 2.x: bilingual files, read and written as a stream of translation units.

XLIFF 1.2 gives each `<trans-unit>` a `<source>` and a `<target>`, with the
languages on its `<file>`; a unit segmented into `<mrk mtype="seg">` (as Trados
`.sdlxliff`, memoQ `.mqxliff` and Okapi write them) is one of our units per
segment, named by its `mid`. XLIFF 2.0 and 2.1 give each `<unit>` one or more
`<segment>`s, with the languages on the root. Inline codes are kept as `Code`s:
`g`, `x`, `bx`, `ex`, `ph`, `bpt`, `ept`, `it` (1.2) and `pc`, `ph`, `sc`, `ec`
with their `originalData` (2.x); annotations (`mrk`, `sm`, `em`) are text; `cp`
is its character. Units marked `translate="no"` are read with the attribute
`xliff:translate` = `no`, which `check` and `scan` leave out.

The tools' own status attributes become props: `state` (XLIFF 1.2 `state`, 2.x
segment `state`, Trados `conf`, memoQ `mq:status`, Phrase `m:confirmed`) and
`locked` (`yes` where the tool locked the segment).
"""

from __future__ import annotations

import itertools
import re
from urllib.parse import quote, unquote
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from lxml import etree

from ..model import canonical_lang
from ..units import Code, Segment, Unit
from ._inline import Losses, Numbers, Pair, Written, append_text, nest, xml_safe
from ._xml import FormatError, iter_elements, local_name

__all__ = ["iter_xliff_units", "write_xliff", "write_xliff2", "XLIFF12_NS", "XLIFF2_NS"]

XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2.0"
MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"
SDL_NS = "http://sdl.com/FileTypes/SdlXliff/1.0"
MQ_NS = "MQXliff"
PHRASE_NS = "http://www.memsource.com/mxlf/2.0"
_MIGTERM = "migterm"  # the name of the context group (1.2) and metadata group (2.x) that hold a unit's props


def _lang(tag: str | None, given: str | None, what: str, path: str, line: int | None) -> str:
    chosen = given or tag or ("und" if what == "target" else None)  # a file to translate may not say yet
    if not chosen:
        raise FormatError(f"the file does not say its {what} language; give it (--{what}-lang)", path=path, line=line)
    try:
        return canonical_lang(chosen)
    except Exception:
        raise FormatError(f"{chosen!r} is not a language tag", path=path, line=line) from None


def _children(element: Any, name: str) -> list[Any]:
    return [c for c in element if isinstance(c.tag, str) and local_name(c) == name]


def _child(element: Any, name: str) -> Any | None:
    return next((c for c in element if isinstance(c.tag, str) and local_name(c) == name), None)


# -- reading inline content ---------------------------------------------------------------


class _Inline:
    """Turns the content of a `source` or `target` into text and codes."""

    def __init__(self, path: str, data: dict[str, str] | None = None) -> None:
        self.path = path
        self.data = data or {}  # XLIFF 2 originalData, by id
        self.count = 0

    def segment(self, element: Any | None) -> Segment:
        if element is None:
            return Segment("")
        if not len(element):
            return Segment(element.text or "")
        return Segment.of(self.parts(element))

    def parts(self, element: Any) -> Iterator[str | Code]:
        yield element.text or ""
        for child in element:
            if isinstance(child, etree._Entity):
                raise FormatError(f"the entity reference {child.text} is not allowed", path=self.path, line=child.sourceline)
            if isinstance(child.tag, str):
                yield from self.code(child)
            yield child.tail or ""

    def code(self, child: Any) -> Iterator[str | Code]:
        name = local_name(child)
        self.count += 1
        own = child.get("id") or f"c{self.count}"
        kind = child.get("ctype") or _type2(child.get("type"), child.get("subType"))
        native = "".join(child.itertext())
        if name == "g":  # 1.2: paired, no native code
            yield Code("open", own, "", kind)
            yield from self.parts(child)
            yield Code("close", own)
        elif name == "x":
            yield Code("placeholder", own, "", kind)
        elif name in ("bx", "ex"):  # the two ends of a pair that need not nest
            yield Code("open" if name == "bx" else "close", child.get("rid") or own, "", kind)
        elif name in ("bpt", "ept"):
            yield Code("open" if name == "bpt" else "close", child.get("rid") or own, native, kind if name == "bpt" else None)
        elif name == "it":
            yield Code("close" if child.get("pos") == "close" else "open", own, native, kind, isolated=True)
        elif name == "ph" and child.get("dataRef") is None and local_name(child.getparent()) in ("source", "target") and self.data == {} and native:
            yield Code("placeholder", own, native, kind)  # 1.2 ph with its native code
        elif name == "ph":
            yield Code("placeholder", own, self.data.get(child.get("dataRef") or "", native), kind)
        elif name == "pc":  # 2.x: paired, native code in originalData
            yield Code("open", own, self.data.get(child.get("dataRefStart") or "", ""), kind)
            yield from self.parts(child)
            yield Code("close", own, self.data.get(child.get("dataRefEnd") or "", ""))
        elif name == "sc":
            yield Code("open", own, self.data.get(child.get("dataRef") or "", ""), kind, isolated=child.get("isolated") == "yes")
        elif name == "ec":
            pair = child.get("startRef") or own
            yield Code("close", pair, self.data.get(child.get("dataRef") or "", ""), kind, isolated=child.get("isolated") == "yes")
        elif name == "cp":
            try:
                yield chr(int(child.get("hex", ""), 16))
            except ValueError:
                raise FormatError(f"<cp hex={child.get('hex')!r}> is not a character", path=self.path, line=child.sourceline) from None
        elif name in ("mrk", "sub"):  # an annotation, or a sub-flow: its text is text
            yield from self.parts(child)
        elif name in ("sm", "em"):  # the ends of an annotation: nothing of their own
            pass
        else:
            raise FormatError(f"<{name}> is not XLIFF inline markup", path=self.path, line=child.sourceline)


def _type2(kind: str | None, sub: str | None) -> str | None:
    if sub:
        return _FROM_SUBTYPE.get(sub) or (sub.split(":", 1)[1] if sub.startswith(f"{_MIGTERM}:") else sub)
    return kind


# -- reading units ------------------------------------------------------------------------


def _props(element: Any, path: str) -> list[tuple[str, str]]:
    """A unit's props: 1.2 `prop-group`/`prop` and `context-group`/`context`, 2.x metadata."""
    props: list[tuple[str, str]] = []
    for group in _children(element, "prop-group"):
        for prop in _children(group, "prop"):
            props.append((prop.get("prop-type", ""), "".join(prop.itertext())))
    for group in _children(element, "context-group"):
        ours = re.fullmatch(rf"{_MIGTERM}-\d+", group.get("name") or "") is not None
        for context in _children(group, "context"):
            kind = context.get("context-type", "")
            name = unquote(kind[2:]) if ours and kind.startswith("x-") else f"context {kind}"
            props.append((name, "".join(context.itertext())))
    metadata = _child(element, "metadata")
    if metadata is not None:
        for meta in metadata.iter("{*}meta"):
            props.append((meta.get("type", ""), "".join(meta.itertext())))
    return props


def _notes(element: Any) -> tuple[str, ...]:
    holder = _child(element, "notes")  # 2.x wraps them
    return tuple("".join(n.itertext()) for n in _children(holder if holder is not None else element, "note"))


def _tool_status(element: Any) -> list[tuple[str, str]]:
    """The status that Trados, memoQ and Phrase keep in attributes of their own."""
    props = []
    status = element.get(f"{{{MQ_NS}}}status")
    if status:
        props.append(("state", status))
    if element.get(f"{{{MQ_NS}}}locked") == "locked" or element.get(f"{{{PHRASE_NS}}}locked") == "true":
        props.append(("locked", "yes"))
    confirmed = element.get(f"{{{PHRASE_NS}}}confirmed")
    if confirmed is not None:
        props.append(("state", "confirmed" if confirmed == "1" else "unconfirmed"))
    return props


def _sdl_segments(element: Any) -> dict[str, list[tuple[str, str]]]:
    """Trados's status of each segment (`sdl:seg-defs`), by mid."""
    defs = element.find(f"{{{SDL_NS}}}seg-defs")
    if defs is None:
        return {}
    out = {}
    for seg in defs.iterfind(f"{{{SDL_NS}}}seg"):
        props = [("state", seg.get("conf"))] if seg.get("conf") else []
        if seg.get("locked") == "true":
            props.append(("locked", "yes"))
        out[seg.get("id", "")] = props
    return out


def _seg_marks(element: Any | None) -> dict[str, Any]:
    if element is None:
        return {}
    return {m.get("mid", ""): m for m in element.iter("{*}mrk") if m.get("mtype") == "seg"}


def _trans_unit(element: Any, shown: str, source_lang: str | None, target_lang: str | None) -> Iterator[Unit]:
    file = next((a for a in element.iterancestors() if local_name(a) == "file"), None)
    line = element.sourceline
    src = _lang(file.get("source-language") if file is not None else None, source_lang, "source", shown, line)
    tgt = _lang(file.get("target-language") if file is not None else None, target_lang, "target", shown, line)
    if tgt.lower() == src.lower():
        tgt = f"{tgt}-x-target"
    source, target = _child(element, "source"), _child(element, "target")
    if source is None:
        raise FormatError("a <trans-unit> has no <source>", path=shown, line=line)
    unit_id = element.get("id") or str(line)
    attrs = tuple((f"xliff:{name}", value) for name, value in element.items() if name in ("translate", "resname", "approved"))
    props = _props(element, shown) + _tool_status(element)
    if target is not None and target.get("state"):
        props.append(("state", target.get("state", "")))
    fuzzy = (target.get("state", "") if target is not None else "").startswith("needs-review")
    notes = _notes(element)
    inline = _Inline(shown)
    marks = _seg_marks(_child(element, "seg-source"))
    if not marks:
        yield Unit(unit_id, {src: inline.segment(source), tgt: inline.segment(target)}, line, tuple(props), notes,
                   fuzzy=fuzzy, source_lang=src, attrs=attrs)
        return
    sdl = element.find(f"{{{SDL_NS}}}seg-defs") is not None
    statuses = _sdl_segments(element)
    target_marks = _seg_marks(target)
    for mid, mark in marks.items():
        # Trados numbers its segments across the file and shows that number; others per unit
        name = mid if sdl else f"{unit_id}/{mid}" if len(marks) > 1 else unit_id
        own = [("trans-unit", unit_id)] if name != unit_id else []
        yield Unit(name, {src: inline.segment(mark), tgt: inline.segment(target_marks.get(mid))}, mark.sourceline,
                   tuple(own + props + statuses.get(mid, [])), notes, fuzzy=fuzzy, source_lang=src, attrs=attrs)


def _unit2(element: Any, langs: tuple[str, str], shown: str) -> Iterator[Unit]:
    props = _props(element, shown)
    own_id = next((v for n, v in props if n == "id"), None)  # the id migterm keeps where XLIFF's would not do
    props = [(n, v) for n, v in props if n != "id"]
    unit_id = own_id or element.get("id") or str(element.sourceline)
    data = {}
    original = _child(element, "originalData")
    if original is not None:
        data = {d.get("id", ""): "".join(d.itertext()) for d in _children(original, "data")}
    attrs = tuple((f"xliff:{name}", value) for name, value in element.items() if name in ("translate", "name"))
    notes = _notes(element)
    inline = _Inline(shown, data)
    segments = _children(element, "segment")
    for ordinal, segment in enumerate(segments, start=1):
        source = _child(segment, "source")
        if source is None:
            raise FormatError("a <segment> has no <source>", path=shown, line=segment.sourceline)
        name = unit_id if len(segments) == 1 else f"{unit_id}/{segment.get('id') or ordinal}"
        state = [("state", segment.get("state", ""))] if segment.get("state") else []
        yield Unit(name, {langs[0]: inline.segment(source), langs[1]: inline.segment(_child(segment, "target"))}, segment.sourceline,
                   tuple(props + state), notes, source_lang=langs[0], attrs=attrs)


def iter_xliff_units(source: str | Path | IO[bytes], *, path: str | None = None, source_lang: str | None = None,
                     target_lang: str | None = None, **_: Any) -> Iterator[Unit]:
    """The units (XLIFF 2: the segments; segmented 1.2: the `mrk` segments) of an XLIFF
    file, one at a time, in bounded memory."""
    shown = path or str(source)
    version = ""
    langs: tuple[str, str] | None = None
    for name, element in iter_elements(source, ["{*}trans-unit", "{*}unit"], root_names={"xliff"}, path=shown):
        if name == "root":
            namespace = element.tag[1:].split("}")[0] if element.tag.startswith("{") else ""
            version = element.get("version", "") or {XLIFF2_NS: "2.0", "urn:oasis:names:tc:xliff:document:2.1": "2.1"}.get(
                namespace, namespace.rsplit(":", 1)[-1] if namespace.startswith("urn:oasis:names:tc:xliff:document:1.") else "")
            if not version.startswith(("1.", "2.")):
                raise FormatError(f"XLIFF version {version or '(none)'} is not supported (1.0 to 1.2, 2.0 and 2.1 are)", path=shown, line=element.sourceline)
            if version.startswith("2."):
                src = _lang(element.get("srcLang"), source_lang, "source", shown, element.sourceline)
                tgt = _lang(element.get("trgLang"), target_lang, "target", shown, element.sourceline)
                langs = (src, tgt if tgt.lower() != src.lower() else f"{tgt}-x-target")
            continue
        if name == "trans-unit" and not version.startswith("2."):
            yield from _trans_unit(element, shown, source_lang, target_lang)
        elif name == "unit" and langs is not None:
            yield from _unit2(element, langs, shown)
        else:
            raise FormatError(f"a <{name}> in an XLIFF {version} file, which has {'<unit>' if langs else '<trans-unit>'}s",
                              path=shown, line=element.sourceline)


# -- writing ------------------------------------------------------------------------------

_STATES_12 = {"final", "needs-adaptation", "needs-l10n", "needs-review-adaptation", "needs-review-l10n", "needs-review-translation",
              "needs-translation", "new", "signed-off", "translated"}
_STATES_2 = {"initial", "translated", "reviewed", "final"}
_CTYPES_12 = {"bold", "italic", "underlined", "link", "image", "lb", "pb"}
_TYPES_2 = {"fmt", "ui", "quote", "link", "image", "other"}
_SUBTYPES = {"bold": "xlf:b", "italic": "xlf:i", "underlined": "xlf:u", "lb": "xlf:lb", "pb": "xlf:pb"}
_FROM_SUBTYPE = {v: k for k, v in _SUBTYPES.items()}
_NMTOKEN = re.compile(r"[\w.\-:]+\Z")


def _languages(first: Unit | None, source_lang: str | None, target_langs: Iterable[str] | None) -> tuple[str, str]:
    source = source_lang or (first.source_key() if first is not None else None) or "und"
    wanted = list(target_langs or ())
    if wanted:
        return source, wanted[0]
    others = [k for k in (first.variants if first is not None else {}) if k != (first.source_key() if first else None)]
    return source, (others[0] if others else "und").split("-x-")[0]


def _split(unit: Unit, source: str, target: str, losses: Losses | None) -> tuple[Segment, Segment | None]:
    key = unit.source_key() or source
    src = unit.variants.get(key, Segment(""))
    tgt_key = next((k for k in unit.variants if k != key and (k.lower() == target.lower() or k.split("-x-")[0].lower() == target.lower())), None)
    if tgt_key is None:
        tgt_key = next((k for k in unit.variants if k != key and k.split("-")[0].lower() == target.split("-")[0].lower()), None)
    if losses is not None and len(unit.variants) > 1 + (tgt_key is not None):
        losses.add("target languages beyond the first, which an XLIFF file cannot hold")
    found = unit.variants[tgt_key] if tgt_key is not None else None
    return src, found if found is not None and (found.text or found.parts is not None) else None


def _fill12(element: Any, nodes: Iterable[Any], numbers: Numbers, losses: Losses | None) -> None:
    ns = f"{{{XLIFF12_NS}}}"
    for node in nodes:
        if isinstance(node, str):
            append_text(element, node, losses)
        elif isinstance(node, Pair) and not node.open.data and not node.close.data:
            g = etree.SubElement(element, ns + "g", id=numbers(node.open))
            _ctype(g, node.open.type, "ctype", _CTYPES_12)
            _fill12(g, node.children, numbers, losses)
        elif isinstance(node, Pair):
            _fill12(element, [node.open, *node.children, node.close], numbers, losses)
        else:
            code: Code = node
            number = numbers(code)
            if code.kind == "placeholder":
                child = etree.SubElement(element, ns + ("ph" if code.data else "x"), id=number)
            elif code.isolated:
                child = etree.SubElement(element, ns + "it", id=number, pos="open" if code.kind == "open" else "close")
            elif code.data:
                child = etree.SubElement(element, ns + ("bpt" if code.kind == "open" else "ept"), id=number)
            else:
                child = etree.SubElement(element, ns + ("bx" if code.kind == "open" else "ex"), id=number)
            if code.kind != "close":
                _ctype(child, code.type, "ctype", _CTYPES_12)
            child.text = xml_safe(code.data, losses) or None


def _ctype(element: Any, kind: str | None, attribute: str, known: set[str]) -> None:
    if kind:
        element.set(attribute, kind if kind in known or kind.startswith("x-") else "x-" + re.sub(r"[^\w.\-]", "-", kind))


def write_xliff(units: Iterable[Unit], out: IO[bytes], *, source_lang: str | None = None, target_langs: Iterable[str] | None = None,
                losses: Losses | None = None, **_: Any) -> None:
    """XLIFF 1.2, valid against the strict schema, written as a stream: one
    `trans-unit` for each unit, inline codes as `g`/`x`/`bx`/`ex`, or `bpt`/`ept`/`ph`/`it`
    where the native code is known; props as a `prop-group`, notes as `note`s."""
    units = iter(units)
    first = next(units, None)
    source, target = _languages(first, source_lang, target_langs)
    head = (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="{XLIFF12_NS}" version="1.2">\n'
            f'  <file original="migterm" source-language="{source}" target-language="{target}" datatype="plaintext">\n    <body>\n').encode()

    def elements() -> Iterator[bytes]:
        ns = f"{{{XLIFF12_NS}}}"
        for count, unit in enumerate(itertools.chain([first] if first is not None else [], units), start=1):
            src, tgt = _split(unit, source, target, losses)
            tu = etree.Element(ns + "trans-unit", nsmap={None: XLIFF12_NS}, id=xml_safe(unit.id, losses))
            for name, value in unit.attrs:
                if name.startswith("xliff:") and name[6:] in ("translate", "resname", "approved"):
                    tu.set(name[6:], value)
            segments = [(etree.SubElement(tu, ns + "source"), src)]
            state = next((v for n, v in unit.props if n == "state" and v in _STATES_12), None)
            if tgt is not None:
                element = etree.SubElement(tu, ns + "target")
                if unit.fuzzy or state:
                    element.set("state", "needs-review-translation" if unit.fuzzy else state)  # type: ignore[arg-type]
                segments.append((element, tgt))
            props = [(n, v) for n, v in unit.props if not (n == "state" and v in _STATES_12 and tgt is not None)
                     and not (n == "msgctxt" and v == unit.id)]
            for note in unit.notes:
                etree.SubElement(tu, ns + "note").text = xml_safe(note, losses)
            if props:  # strict XLIFF 1.2 has no props: a context group whose context types carry the names
                group = etree.SubElement(tu, ns + "context-group", name=f"{_MIGTERM}-{count}", purpose="information")  # names are unique in a file
                for name, value in props:
                    etree.SubElement(group, ns + "context", {"context-type": "x-" + quote(xml_safe(name, losses), safe="")}).text = xml_safe(value, losses)
            if unit.obsolete and losses is not None:
                losses.add("obsolete entries, which XLIFF does not have (written as ordinary units)")
            etree.indent(tu, space="  ", level=3)
            numbers = Numbers()
            for element, segment in segments:
                _fill12(element, nest(segment.pieces()), numbers, losses)
            yield b"      " + etree.tostring(tu, encoding="UTF-8").replace(f' xmlns="{XLIFF12_NS}"'.encode(), b"", 1)

    out.write(head)
    for chunk in elements():
        out.write(chunk + b"\n")
    out.write(b"    </body>\n  </file>\n</xliff>\n")


def _fill2(element: Any, nodes: Iterable[Any], numbers: Numbers, data: dict[str, str], losses: Losses | None) -> None:
    ns = f"{{{XLIFF2_NS}}}"

    def key(native: str) -> str:
        """The id of a native code in originalData: one for each distinct code of the unit."""
        native = xml_safe(native, losses)
        for known, value in data.items():
            if value == native:
                return known
        data[f"d{len(data) + 1}"] = native
        return f"d{len(data)}"

    def ref(code: Code, suffix: str) -> dict[str, str]:
        return {"dataRef": key(code.data)} if code.data else {}

    for node in nodes:
        if isinstance(node, str):
            append_text(element, node, losses)
        elif isinstance(node, Pair):
            number = numbers(node.open)
            pc = etree.SubElement(element, ns + "pc", id=number)
            if node.open.data:
                pc.set("dataRefStart", key(node.open.data))
            if node.close.data:
                pc.set("dataRefEnd", key(node.close.data))
            _ctype2(pc, node.open.type)
            _fill2(pc, node.children, numbers, data, losses)
        else:
            code: Code = node
            number = numbers(code)
            if code.kind == "placeholder":
                child = etree.SubElement(element, ns + "ph", id=number, **ref(code, ""))
            elif code.kind == "open":
                child = etree.SubElement(element, ns + "sc", id=number, **ref(code, "s"))
            else:
                attributes = {"id": f"{number}e", "isolated": "yes"} if code.isolated else {"startRef": number}
                child = etree.SubElement(element, ns + "ec", **attributes, **ref(code, "e"))
            if code.kind == "open" and code.isolated:
                child.set("isolated", "yes")
            if code.kind != "close":
                _ctype2(child, code.type)


def _ctype2(element: Any, kind: str | None) -> None:
    if not kind:
        return
    if kind in _TYPES_2:
        element.set("type", kind)
    else:  # XLIFF 2 has a few types; the rest is a subType of "other" or of "fmt"
        element.set("type", "fmt")
        element.set("subType", _SUBTYPES.get(kind) or _MIGTERM + ":" + re.sub(r"[^\w.-]", "-", kind))


def write_xliff2(units: Iterable[Unit], out: IO[bytes], *, source_lang: str | None = None, target_langs: Iterable[str] | None = None,
                 losses: Losses | None = None, **_: Any) -> None:
    """XLIFF 2.0, written as a stream: one `unit` with one `segment` for each unit,
    inline codes as `pc`, `ph`, `sc`/`ec` with their native code in `originalData`;
    props as metadata (`mda:meta`), notes as `note`s."""
    units = iter(units)
    first = next(units, None)
    source, target = _languages(first, source_lang, target_langs)
    head = (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="{XLIFF2_NS}" xmlns:mda="{MDA_NS}" version="2.0" '
            f'srcLang="{source}" trgLang="{target}">\n  <file id="f1">\n').encode()
    ns, mda = f"{{{XLIFF2_NS}}}", f"{{{MDA_NS}}}"

    def elements() -> Iterator[bytes]:
        used = Written()  # XLIFF 2 ids are unique in a file
        for count, unit in enumerate(itertools.chain([first] if first is not None else [], units), start=1):
            src, tgt = _split(unit, source, target, losses)
            own = unit.id if _NMTOKEN.match(unit.id) and not re.fullmatch(r"u\d+", unit.id) and used.add(unit.id) else None
            unit_id = own or f"u{count}"
            element = etree.Element(ns + "unit", nsmap={None: XLIFF2_NS, "mda": MDA_NS}, id=unit_id)
            for name, value in unit.attrs:
                if name in ("xliff:translate", "xliff:name"):
                    element.set(name[6:], value)
            state = next((v for n, v in unit.props if n == "state" and v in _STATES_2), None)
            props = [(n, v) for n, v in unit.props if not (n == "state" and v == state) and not (n == "msgctxt" and v == unit.id)]
            if unit.fuzzy and losses is not None:
                losses.add("fuzzy marks, which XLIFF 2.0 does not have")
            if own is None:
                props.insert(0, ("id", unit.id))
            if props:
                group = etree.SubElement(etree.SubElement(element, mda + "metadata"), mda + "metaGroup", category=_MIGTERM)
                for name, value in props:
                    etree.SubElement(group, mda + "meta", type=xml_safe(name, losses)).text = xml_safe(value, losses)
            if unit.notes:
                holder = etree.SubElement(element, ns + "notes")
                for note in unit.notes:
                    etree.SubElement(holder, ns + "note").text = xml_safe(note, losses)
            original = etree.SubElement(element, ns + "originalData")
            segment = etree.SubElement(element, ns + "segment")
            if state:
                segment.set("state", state)
            parts = [(etree.SubElement(segment, ns + "source"), src)]
            if tgt is not None:
                parts.append((etree.SubElement(segment, ns + "target"), tgt))
            etree.indent(element, space="  ", level=2)
            numbers, data = Numbers(), dict[str, str]()
            for holder, content in parts:
                _fill2(holder, nest(content.pieces()), numbers, data, losses)
            if data:
                for name, native in data.items():
                    etree.SubElement(original, ns + "data", id=name).text = native
                etree.indent(original, space="  ", level=3)
                original.tail = "\n" + "  " * 3
            else:
                element.remove(original)
            yield b"    " + etree.tostring(element, encoding="UTF-8").replace(
                f' xmlns="{XLIFF2_NS}" xmlns:mda="{MDA_NS}"'.encode(), b"", 1)

    out.write(head)
    for chunk in elements():
        out.write(chunk + b"\n")
    out.write(b"  </file>\n</xliff>\n")
