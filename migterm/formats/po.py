"""gettext PO: the source-language term as msgid, the preferred target-language
term as msgstr, the concept id as msgctxt; the definition, subject, notes and
the terms' properties as extracted comments (`#. name: value`), which
migterm reads back. Any PO file is read as a stream, one entry at a time, with
the syntax and results of polib (`_postream`): any charset, plurals, msgctxt,
fuzzy and obsolete entries; polib writes."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import polib

from .. import __version__
from ..errors import MigtermError
from ..model import RELATIONS, Status, canonical_lang
from ..units import Code, Segment, Unit
from ..text import visible
from . import _postream
from ._inline import Losses, Numbers, Written
from ..termbase import Termbase
from ._bilingual import ConceptBuilder, pairs, slug, term_fields, term_from_fields
from ..errors import FormatError

__all__ = ["write_po", "read_po", "iter_po_units"]


def _comment(name: str, value: str) -> str:
    return f"{name}: {value}"


def write_po(termbase: Termbase, out: IO[bytes], *, source_lang: str = "nl", target_lang: str = "en", **_: Any) -> None:
    catalog = polib.POFile(wrapwidth=0)  # no wrapping: a comment line is one field
    catalog.metadata = {
        "Project-Id-Version": f"migterm {__version__}",
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "migterm",
        "Language-Team": "migterm",
        "Language": target_lang.replace("-", "_"),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": source_lang,
        "X-Generator": f"migterm {__version__}",
    }
    written: set[tuple[str, str]] = set()
    for concept, term, target in pairs(termbase, source_lang, target_lang):
        # msgctxt and msgid identify an entry: the same text in two regional variants needs its own context
        context = concept.id if (concept.id, term.text) not in written else f"{concept.id} ({term.lang})"
        written.add((concept.id, term.text))
        lines = []
        for lang, definition in concept.definitions.items():
            lines.append(_comment(f"definition {lang}", definition))
        if concept.subject:
            lines.append(_comment("subject", concept.subject))
        lines.extend(_comment("note", note) for note in concept.notes)
        for relation, name in RELATIONS.items():
            lines.extend(_comment(name, rid) for rid in getattr(concept, relation))
        if term.lang != source_lang:
            lines.append(_comment("source lang", term.lang))
        lines.extend(_comment(f"source {name}", value) for name, value in term_fields(term))
        if target is not None:
            lines.append(_comment("target lang", target.lang))
            lines.extend(_comment(f"target {name}", value) for name, value in term_fields(target))
        catalog.append(
            polib.POEntry(msgctxt=context, msgid=term.text, msgstr=target.text if target else "", comment="\n".join(lines).replace("\r", " "))
        )
    out.write(str(catalog).encode("utf-8"))


# visible placeholders for inline codes: <g1>…</g1> a pair, <x1/> a placeholder, <b1/> and <e1/> isolated ends
_CODES_NOTE = "migterm-codes: "


def _placeholder(code: Code, number: str) -> str:
    if code.kind == "placeholder":
        return f"<x{number}/>"
    if code.isolated:
        return f"<{'b' if code.kind == 'open' else 'e'}{number}/>"
    return f"<g{number}>" if code.kind == "open" else f"</g{number}>"


def _with_placeholders(segment: Segment, numbers: Numbers, table: dict[str, list[str | bool | None]]) -> str:
    out = []
    for part in segment.pieces():
        if isinstance(part, str):
            out.append(part)
        else:
            shown = _placeholder(part, numbers(part))
            table[shown] = [part.id, part.data, part.type, part.isolated]
            out.append(shown)
    return "".join(out)


def _from_placeholders(text: str, table: dict[str, Any]) -> Segment:
    if not table or "<" not in text:
        return Segment(text)
    pattern = re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))
    parts: list[str | Code] = []
    position = 0
    for match in pattern.finditer(text):
        parts.append(text[position : match.start()])
        shown = match.group()
        code_id, data, kind, isolated = table[shown]
        which = "placeholder" if shown.startswith("<x") else "close" if shown.startswith(("</g", "<e")) else "open"
        parts.append(Code(which, str(code_id), data or "", kind, bool(isolated)))
        position = match.end()
    parts.append(text[position:])
    return Segment.of(parts)


def _with_header(source: str | Path | IO[bytes], shown: str) -> tuple[Iterator[_postream.Entry], dict[str, str]]:
    """The entries of a PO file as a stream, and its header's fields. The header is
    the first entry with an empty msgid; where it is not the first entry of all, the
    file is read a first time to find it (a stream too)."""
    stream = _postream.entries(source, path=shown)
    first = next(stream, None)
    if first is None:
        return iter(()), {}
    if first.msgid == "" and not first.obsolete:
        return itertools.chain([first], stream), _postream.metadata(first)
    stream.close()
    seekable = not hasattr(source, "read") or (hasattr(source, "seekable") and source.seekable())  # type: ignore[union-attr]
    if not seekable:
        return _postream.entries(source, path=shown), {}
    if hasattr(source, "read"):
        source.seek(0)  # type: ignore[union-attr]
    header = next((e for e in _postream.entries(source, path=shown) if e.msgid == "" and not e.obsolete), None)
    if hasattr(source, "read"):
        source.seek(0)  # type: ignore[union-attr]
    return _postream.entries(source, path=shown), _postream.metadata(header) if header is not None else {}


def _languages(fields: dict[str, str], source_lang: str | None, target_lang: str | None) -> tuple[str, str]:
    src = source_lang or fields.get("X-Source-Language") or "und"
    tgt = target_lang or (fields.get("Language") or "").replace("_", "-").replace("@", "-x-") or "und"
    try:
        src, tgt = canonical_lang(src), canonical_lang(tgt)
    except MigtermError:
        tgt = "und"
    if src.lower() == tgt.lower():
        tgt = f"{tgt}-x-target"
    return src, tgt


def iter_po_units(source: str | Path | IO[bytes], *, path: str | None = None, source_lang: str | None = None,
                  target_lang: str | None = None, **_: Any) -> Iterator[Unit]:
    """The entries of a PO file as units (the header left out, obsolete entries marked).

    A unit's id is its msgctxt where it has one, else its msgid. Its props: msgctxt,
    the extracted comments (`comment`), flags other than fuzzy, references, the
    previous msgctxt and msgid (`#|`), and the plural forms."""
    shown = path or str(source)
    stream, fields = _with_header(source, shown)
    src, tgt = _languages(fields, source_lang, target_lang)
    for entry in stream:  # obsolete entries included
        if not entry.msgid and not entry.msgctxt:
            continue
        comment_lines = entry.comment.split("\n") if entry.comment else []
        table: dict[str, Any] = {}
        own_props: list[tuple[str, str]] = []
        kept = []
        for line in comment_lines:
            if line.startswith(_CODES_NOTE):
                try:
                    table = json.loads(line[len(_CODES_NOTE):])
                    if not (isinstance(table, dict) and all(isinstance(v, dict) for v in table.values())):
                        raise ValueError(line)
                    for side in table.values():
                        for value in side.values():
                            if not (isinstance(value, list) and len(value) == 4):
                                raise ValueError(line)
                except ValueError:
                    table = {}
                    kept.append(line)  # not migterm's own: an ordinary comment
            elif line.startswith("prop ") and ": " in line:
                prop_name, _sep, prop_value = line[5:].partition(": ")
                own_props.append((prop_name, prop_value.replace("\\n", "\n")))
            else:
                kept.append(line)
        target = entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr
        props = [("msgctxt", entry.msgctxt)] if entry.msgctxt else []
        if kept:
            props.append(("comment", "\n".join(kept)))
        flags = [f for f in entry.flags if f != "fuzzy"]
        if flags:
            props.append(("flags", ", ".join(flags)))
        if entry.occurrences:
            props.append(("references", " ".join(f"{f}:{n}" if n else f for f, n in entry.occurrences)))
        for name in ("previous_msgctxt", "previous_msgid", "previous_msgid_plural"):
            if getattr(entry, name, None):
                props.append((name.replace("_", " "), getattr(entry, name)))
        if entry.msgid_plural:
            props.append(("msgid_plural", entry.msgid_plural))
            props.extend((f"msgstr[{k}]", v) for k, v in sorted(entry.msgstr_plural.items()))
        yield Unit(
            id=entry.msgctxt or entry.msgid,
            variants={src: _from_placeholders(entry.msgid, table.get("msgid", {})), tgt: _from_placeholders(target, table.get("msgstr", {}))},
            line=max(entry.linenum, 1),
            props=tuple(props + own_props),
            notes=tuple(n for n in (entry.tcomment,) if n),
            fuzzy=bool(entry.fuzzy),
            obsolete=bool(entry.obsolete),
            source_lang=src,
        )


_OWN = {"msgctxt", "comment", "flags", "references", "previous msgctxt", "previous msgid", "previous msgid plural", "msgid_plural"}


def write_po_units(units: Iterable[Unit], out: IO[bytes], *, source_lang: str | None = None, target_langs: Iterable[str] | None = None,
                   losses: Losses | None = None, **_: Any) -> None:
    """A PO file, written as a stream: msgctxt the unit's id (or its own msgctxt),
    msgid the source, msgstr the target; inline codes as visible placeholders
    (`<g1>…</g1>`, `<x1/>`) with their native code in a `#. migterm-codes:` comment,
    so that they convert back; props as `#. prop NAME: VALUE`, notes as translator comments."""
    units = iter(units)
    first = next(units, None)
    wanted = list(target_langs or ())
    source = source_lang or (first.source_key() if first is not None else None) or "und"
    target = wanted[0] if wanted else next((k for k in (first.variants if first else {}) if k != (first.source_key() if first else None)), "und")
    header = polib.POFile(wrapwidth=0)
    header.metadata = {
        "Project-Id-Version": "migterm", "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit", "Language": target.split("-x-")[0].replace("-", "_"),
        "X-Source-Language": source, "X-Generator": f"migterm {__version__}",
    }
    out.write((header.metadata_as_entry().__unicode__(0) + "\n").encode("utf-8"))
    written = Written()
    for unit in itertools.chain([first] if first is not None else [], units):
        entry = _entry(unit, target, losses)
        if not entry.msgid or not written.add(f"{entry.msgctxt}\x04{entry.msgid}\x00{entry.msgctxt is None}"):
            if losses is not None:
                losses.add("units PO cannot hold: an empty source, or the same context and source as an earlier unit")
            continue
        out.write((entry.__unicode__(0) + "\n").encode("utf-8"))


def _entry(unit: Unit, target: str, losses: Losses | None) -> polib.POEntry:
    key = unit.source_key()
    source = unit.variants.get(key, Segment("")) if key else Segment("")
    others = [k for k in unit.variants if k != key]
    chosen = next((k for k in others if k.lower() == target.lower()), None) or next(
        (k for k in others if k.split("-")[0].lower() == target.split("-")[0].lower()), None)
    if losses is not None and len(others) > (chosen is not None):
        losses.add("target languages beyond the first, which a PO file cannot hold")
    props = dict(unit.props)
    numbers = Numbers()
    source_codes: dict[str, list[str | bool | None]] = {}
    target_codes: dict[str, list[str | bool | None]] = {}
    msgid = _with_placeholders(source, numbers, source_codes)
    msgstr = _with_placeholders(unit.variants[chosen], numbers, target_codes) if chosen else ""
    table = {"msgid": source_codes, "msgstr": target_codes} if source_codes or target_codes else {}
    comment = [props["comment"]] if "comment" in props else []
    comment += [f"prop {n}: {v.replace(chr(10), chr(92) + 'n')}" for n, v in unit.props if n not in _OWN and not n.startswith("msgstr[")]
    if table:
        comment.append(_CODES_NOTE + json.dumps(table, ensure_ascii=False, sort_keys=True))
    entry = polib.POEntry(
        msgctxt=props.get("msgctxt") or (unit.id if unit.id != source.text else None),
        msgid=msgid, msgstr=msgstr, comment="\n".join(comment).replace("\r", " ") or "",
        tcomment="\n".join(unit.notes).replace("\r", " "), obsolete=unit.obsolete,
        flags=(["fuzzy"] if unit.fuzzy else []) + [f.strip() for f in props.get("flags", "").split(",") if f.strip()],
    )
    if props.get("references"):
        entry.occurrences = [tuple(r.rsplit(":", 1)) if ":" in r else (r, "") for r in props["references"].split()]
    for name in ("previous msgctxt", "previous msgid", "previous msgid plural"):
        if props.get(name):
            setattr(entry, name.replace(" ", "_"), props[name])
    if props.get("msgid_plural"):
        entry.msgid_plural = props["msgid_plural"]
        entry.msgstr_plural = {int(n[7:-1]): v for n, v in unit.props if n.startswith("msgstr[") and n[7:-1].isdigit()} or {0: msgstr}
        entry.msgstr = ""
    if "\x00" in msgid + msgstr:
        raise FormatError(f"unit {unit.id}: a NUL character, which PO cannot hold")
    return entry


def read_po(source: str | Path | IO[bytes], *, path: str | None = None, source_lang: str | None = None, **_: Any) -> Termbase:
    """A PO file as a termbase: migterm's own PO back into its concepts; any other PO one
    concept per entry (obsolete entries left out, fuzzy translations admitted, not preferred)."""
    shown = path or str(source)
    builder = ConceptBuilder(shown)
    for unit in iter_po_units(source, path=shown, source_lang=source_lang):
        if unit.obsolete:
            continue
        props = dict(unit.props)
        (src, source_segment), (tgt, target_segment) = list(unit.variants.items())
        tgt = tgt.split("-x-target")[0]
        comments = [line.partition(": ")[::2] for line in props.get("comment", "").splitlines()]
        source_fields = [(n[len("source "):], v) for n, v in comments if n.startswith("source ") and n != "source lang"]
        src = next((v for n, v in comments if n == "source lang"), src)
        target_fields = [(n[len("target "):], v) for n, v in comments if n.startswith("target ") and n != "target lang"]
        tgt = next((v for n, v in comments if n == "target lang"), tgt)
        try:
            source_text = " ".join(visible(source_segment.text).split())  # a term is one line, without invisible characters
            terms = [term_from_fields(source_text, src, source_fields, Status.PREFERRED)]
            if "msgid_plural" in props and not any(n == "plural" for n, _ in source_fields):
                terms[0] = term_from_fields(source_text, src, [*source_fields, ("plural", props["msgid_plural"])], Status.PREFERRED)
            target_text = " ".join(visible(target_segment.text).split())
            if target_text:
                status = Status.ADMITTED if unit.fuzzy else Status.PREFERRED
                terms.append(term_from_fields(target_text, tgt, target_fields, status))
        except MigtermError as error:
            raise FormatError(error.message, path=shown, line=unit.line) from None
        builder.add(
            props["msgctxt"].split(" ")[0] if props.get("msgctxt") else builder.unique_id(slug(source_segment.text)),
            terms=terms,
            line=unit.line,
            subject=next((v for n, v in comments if n == "subject"), None),
            definitions={n[len("definition "):]: v for n, v in comments if n.startswith("definition ")},
            notes=[v for n, v in comments if n == "note"],
            relations={r: [v for n, v in comments if n == name] for r, name in RELATIONS.items()},
        )
    return builder.termbase()
