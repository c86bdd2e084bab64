"""A PO file read as a stream: one entry at a time, in the memory of one entry,
with the syntax and the results of polib's reader (which reads a whole file).

The file's encoding is the one its byte-order mark shows, else the charset its
header declares, else UTF-8; the header is found wherever it stands.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..errors import FormatError

__all__ = ["Entry", "entries", "metadata"]

_KEYWORDS = {"msgctxt", "msgid", "msgid_plural", "msgstr"}
_PREVIOUS = {"msgctxt": "previous_msgctxt", "msgid": "previous_msgid", "msgid_plural": "previous_msgid_plural"}
_ESCAPE = re.compile(r'\\(\\|n|t|r|v|b|f|")')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f", "\\": "\\", '"': '"'}
_BARE_QUOTE = re.compile(r'([^\\]|^)"')
_CHARSET = re.compile(rb'"Content-Type:[^"]*?charset=\s*([\w.:-]+)', re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass
class Entry:
    """One PO entry, with the fields polib's POEntry has."""

    linenum: int = 0
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str = ""
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    comment: str = ""
    tcomment: str = ""
    occurrences: list[tuple[str, str]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group(1)], text) if "\\" in text else text


def _encoding(head: bytes, shown: str) -> tuple[str, int]:
    """The encoding of a PO file from its first bytes, and the length of its byte-order mark."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    found = _CHARSET.search(head)
    declared = found.group(1).decode("ascii") if found else "utf-8"
    if declared.upper() == "CHARSET":  # a template's placeholder
        declared = "utf-8"
    try:
        codecs.lookup(declared)
    except LookupError:
        raise FormatError(f"the header declares the charset {declared!r}, which is unknown", path=shown, line=1) from None
    return declared, 0


def _lines(source: str | Path | IO[bytes], shown: str) -> Iterator[tuple[int, str]]:
    """The lines of a PO file, numbered from 1, decoded as a stream."""
    try:
        handle: Any = source if hasattr(source, "read") else open(source, "rb")  # noqa: SIM115 -- closed below
    except OSError as error:
        raise FormatError(f"cannot read: {error.strerror or error}", path=shown) from None
    number = 0
    encoding = "utf-8"
    text = None
    try:
        buffered = handle if hasattr(handle, "peek") else io.BufferedReader(io.BytesIO(handle.read()))  # type: ignore[arg-type]
        encoding, skip = _encoding(buffered.peek(65536)[:65536], shown)
        buffered.read(skip)
        text = io.TextIOWrapper(buffered, encoding=encoding, errors="strict")
        for number, line in enumerate(text, start=1):
            yield number, line
    except UnicodeDecodeError as error:
        raise FormatError(f"not {encoding} text ({error.reason})", path=shown, line=number + 1) from None
    except OSError as error:
        raise FormatError(f"cannot read: {error.strerror or error}", path=shown, line=number or None) from None
    finally:
        if text is not None:
            text.detach()  # the caller's file stays open
        if handle is not source:
            handle.close()


def _quoted(text: str, shown: str, number: int) -> str:
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise FormatError("not a PO file: a string is not in double quotes", path=shown, line=number)
    if _BARE_QUOTE.search(text[1:-1]):
        raise FormatError("not a PO file: an unescaped double quote", path=shown, line=number)
    return _unescape(text[1:-1])


def _split(line: str) -> tuple[str, str, str]:
    """A line's keyword and the rest, split at the first white space (a tab too)."""
    parts = line.split(None, 1)
    return parts[0], " ", parts[1].strip() if len(parts) > 1 else ""


def entries(source: str | Path | IO[bytes], *, path: str | None = None) -> Generator[Entry, None, None]:
    """The entries of a PO file, the header among them, one at a time."""
    shown = path or str(source)
    entry = Entry()
    state: str | None = None  # the field that continuation lines add to
    index = 0
    done = False  # the entry has its msgstr: the next comment or keyword starts another
    at_start = True  # nothing but translator comments read yet

    def value(field_name: str, text: str) -> None:
        if field_name == "msgstr_plural":
            entry.msgstr_plural[index] = entry.msgstr_plural.get(index, "") + text
        else:
            setattr(entry, field_name, (getattr(entry, field_name) or "") + text)

    for number, raw in _lines(source, shown):
        line = raw.strip()
        if not line:
            continue
        obsolete = False
        if line.startswith("#~"):
            if line.startswith("#~|"):
                continue  # polib passes over the previous strings of an obsolete entry
            rest = line[2:].strip()
            if rest:
                line, obsolete = rest, True
        starts_entry = line.startswith("#") or line.split(None, 1)[0] in ("msgctxt", "msgid")
        if done and starts_entry:
            yield entry
            entry, state, done = Entry(linenum=number), None, False
        if entry.linenum == 0:
            entry.linenum = number
        if line.startswith('"'):
            if state is None:
                raise FormatError("not a PO file: a string that continues nothing", path=shown, line=number)
            value(state, _quoted(line, shown, number))
            continue
        if line.startswith("#"):
            mark = line[:2]
            body = line[2:]
            if mark == "#,":
                entry.flags += [f.strip() for f in body.split(",") if f.strip()]
            elif mark == "#:":
                for occurrence in body.split():
                    place, _, at = occurrence.rpartition(":")
                    entry.occurrences.append((place, at) if place and at.isdigit() else (occurrence, ""))
            elif mark == "#.":
                if body.strip():
                    entry.comment += ("\n" if entry.comment else "") + (body[1:] if body.startswith(" ") else body)
            elif mark == "#|":
                keyword, _, rest = _split(body.strip()) if body.strip() else ("", "", "")
                if keyword.startswith('"') and state is not None and state in _PREVIOUS.values():
                    value(state, _quoted(body.strip(), shown, number))
                elif keyword in _PREVIOUS:
                    state = _PREVIOUS[keyword]
                    setattr(entry, state, _quoted(rest.strip(), shown, number))
                else:
                    raise FormatError(f"not a PO file: '#|' before {keyword or 'nothing'}", path=shown, line=number)
                continue
            elif at_start:  # translator comments before the first entry are the file's own (its title, its copyright)
                continue
            else:  # a translator comment: '# text', '#text', '##'
                text = line.lstrip("#")
                entry.tcomment += ("\n" if entry.tcomment else "") + (text[1:] if text.startswith(" ") else text)
            at_start = False
            state = None
            continue
        at_start = False
        keyword, _, rest = _split(line)
        entry.obsolete = entry.obsolete or obsolete
        if keyword.startswith("msgstr[") and keyword.endswith("]") and keyword[7:-1].isdigit():
            if entry.msgid_plural == "" and state not in ("msgid_plural", "msgstr_plural"):
                raise FormatError("not a PO file: msgstr[N] without msgid_plural", path=shown, line=number)
            index, state, done = int(keyword[7:-1]), "msgstr_plural", True
            value(state, _quoted(rest, shown, number))
        elif keyword in _KEYWORDS:
            if keyword == "msgstr" and state not in ("msgid", "msgid_plural"):
                raise FormatError("not a PO file: msgstr without msgid", path=shown, line=number)
            if keyword == "msgid_plural" and state != "msgid":
                raise FormatError("not a PO file: msgid_plural without msgid", path=shown, line=number)
            if keyword == "msgid" and state == "msgid":
                raise FormatError("not a PO file: msgid twice", path=shown, line=number)
            state = keyword
            setattr(entry, keyword, _quoted(rest, shown, number))
            done = keyword == "msgstr"
        else:
            raise FormatError(f"not a PO file: {keyword[:20]!r} is no PO keyword", path=shown, line=number)
    if done:
        yield entry


def metadata(header: Entry) -> dict[str, str]:
    """The fields of a header entry's msgstr, as polib reads them."""
    fields: dict[str, str] = {}
    key = None
    for line in header.msgstr.splitlines():
        name, sep, text = line.partition(":")
        if sep:
            key = name
            fields[key] = text.strip()
        elif key is not None:
            fields[key] += "\n" + line.strip()
    return fields
