"""XLIFF 1.2 and 2.x: bilingual files read as a stream of translation units.

XLIFF 1.2 gives each `<trans-unit>` a `<source>` and a `<target>`, with the
languages on its `<file>`; XLIFF 2.0 and 2.1 give each `<unit>` one or more
`<segment>`s, with the languages on the root. Inline codes are no text: native
code (`ph`, `bpt`, `ept`, `it` in 1.2) is left out, and so are placeholders;
the text inside paired codes and annotations (`g`, `mrk`, `pc`) is kept.
Units marked `translate="no"` are left out. The segments' inner XML is kept in
`Segment.markup` when it has codes. migterm reads XLIFF; it writes none.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from lxml import etree

from ..model import Segment, Unit, canonical_lang
from ._xml import FormatError, iter_elements, local_name

__all__ = ["iter_xliff_units"]

_CODE = {"ph", "bpt", "ept", "it", "x", "bx", "ex", "sc", "ec", "sm", "em"}  # no text of their own


def _text(element: Any) -> str:
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            name = local_name(child)
            if name == "cp":
                try:
                    parts.append(chr(int(child.get("hex", ""), 16)))
                except ValueError:
                    pass
            elif name not in _CODE:
                parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _segment(element: Any | None) -> Segment:
    if element is None:
        return Segment("")
    if not len(element):
        return Segment(element.text or "")
    inner = (element.text or "") + "".join(etree.tostring(c, encoding="unicode", with_tail=True) for c in element)
    return Segment(_text(element), inner)


def _lang(tag: str | None, given: str | None, what: str, path: str, line: int | None) -> str:
    chosen = given or tag or ("und" if what == "target" else None)  # a file to translate may not say yet
    if not chosen:
        raise FormatError(f"the file does not say its {what} language; give it (--{what}-lang)", path=path, line=line)
    try:
        return canonical_lang(chosen)
    except Exception:
        raise FormatError(f"{chosen!r} is not a language tag", path=path, line=line) from None


def iter_xliff_units(source: str | Path | IO[bytes], *, path: str | None = None, source_lang: str | None = None,
                     target_lang: str | None = None, **_: Any) -> Iterator[Unit]:
    """The units (XLIFF 2: the segments) of an XLIFF file, one at a time, in bounded memory."""
    shown = path or str(source)
    version = ""
    langs: tuple[str, str] | None = None
    for name, element in iter_elements(source, ["{*}trans-unit", "{*}unit"], root_names={"xliff"}, path=shown):
        if name == "root":
            version = element.get("version", "")
            if not version.startswith(("1.", "2.")):
                raise FormatError(f"XLIFF version {version or '(none)'} is not supported (1.2, 2.0 and 2.1 are)", path=shown, line=element.sourceline)
            if version.startswith("2."):
                langs = (_lang(element.get("srcLang"), source_lang, "source", shown, element.sourceline),
                         _lang(element.get("trgLang"), target_lang, "target", shown, element.sourceline))
            continue
        if name == "trans-unit":
            if element.get("translate") == "no":
                continue
            file = next((a for a in element.iterancestors() if local_name(a) == "file"), None)
            line = element.sourceline
            src = _lang(file.get("source-language") if file is not None else None, source_lang, "source", shown, line)
            tgt = _lang(file.get("target-language") if file is not None else None, target_lang, "target", shown, line)
            children = {local_name(c): c for c in element if isinstance(c.tag, str) and local_name(c) in ("source", "target")}
            if "source" not in children:
                raise FormatError("a <trans-unit> has no <source>", path=shown, line=line)
            unit_id = element.get("id") or str(line)
            notes = tuple(_text(c) for c in element if isinstance(c.tag, str) and local_name(c) == "note")
            yield Unit(unit_id, {src: _segment(children["source"]), tgt: _segment(children.get("target"))}, line, notes=notes)
        else:  # an XLIFF 2 unit: one unit of ours for each of its segments
            if element.get("translate") == "no":
                continue
            assert langs is not None
            unit_id = element.get("id") or str(element.sourceline)
            segments = [c for c in element if isinstance(c.tag, str) and local_name(c) == "segment"]
            for ordinal, segment in enumerate(segments, start=1):
                children = {local_name(c): c for c in segment if isinstance(c.tag, str)}
                if "source" not in children:
                    raise FormatError("a <segment> has no <source>", path=shown, line=segment.sourceline)
                name = unit_id if len(segments) == 1 else f"{unit_id}/{segment.get('id') or ordinal}"
                yield Unit(name, {langs[0]: _segment(children["source"]), langs[1]: _segment(children.get("target"))}, segment.sourceline)
