"""The exchange formats: the one place that says which format a file is in.

Each format lives in its own module and says which kinds of document it holds:
a termbase (concepts: a reader and a writer of a `Termbase`), a translation
memory (units: a reader and a writer of a stream of `Unit`s), or both. A file's
format is the one named, else the one its content shows (the root element of
an XML file, a PO entry, a JSON object), else the one its suffix says; a
suffix that the content contradicts does not win.

`read`, `write`, `read_units`, `write_units`, `convert` and `stats` are the ways in.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import FormatError, MigtermError
from ..units import Unit
from ..termbase import Termbase
from ._inline import Losses

__all__ = ["Format", "FORMATS", "FormatError", "Losses", "TERMBASE", "MEMORY", "find_format", "detect", "read", "write",
           "read_units", "write_units", "convert", "stats"]

TERMBASE, MEMORY = "termbase", "memory"


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]
    description: str
    reader: Callable[..., Termbase] | None = None  # a termbase from a file
    writer: Callable[..., None] | None = None  # a termbase to a file
    units: Callable[..., Iterator[Unit]] | None = None  # the units of a file, as a stream
    unit_writer: Callable[..., None] | None = None  # units to a file, as a stream
    counter: Callable[..., dict[str, Any]] | None = None  # a faster count than reading every unit
    content: str | None = None  # what the content sniffer calls this format
    primary: str = TERMBASE  # what a file of this format usually is

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of document the format holds."""
        return tuple(k for k, holds in ((TERMBASE, self.reader or self.writer), (MEMORY, self.units or self.unit_writer)) if holds)


def _formats() -> dict[str, Format]:
    from . import delimited, jsondoc, po, tbx, tmx, xliff

    listed = [
        Format("tbx", (".tbx",), "TBX-Basic, ISO 30042:2019; reads TBX 2019 and 2008 of any dialect", tbx.read_tbx, tbx.write_tbx, content="tbx"),
        Format("tbx-v2", (), "TBX 2008 (<martif>), as OmegaT 3.6 reads it", tbx.read_tbx, tbx.write_tbx_v2),
        Format("tmx", (".tmx",), "TMX 1.4b translation memory; reads 1.1 to 1.4b", tmx.read_tmx, tmx.write_tmx, tmx.iter_tmx_units,
               tmx.write_tmx_units, tmx.tmx_stats, content="tmx", primary=MEMORY),
        Format("xliff", (".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".mxliff"), "XLIFF 1.2 (Trados, memoQ and Phrase dialects read too)",
               units=xliff.iter_xliff_units, unit_writer=xliff.write_xliff, content="xliff", primary=MEMORY),
        Format("xliff2", (), "XLIFF 2.0", units=xliff.iter_xliff_units, unit_writer=xliff.write_xliff2, primary=MEMORY),
        Format("po", (".po", ".pot"), "gettext PO", po.read_po, po.write_po, po.iter_po_units, po.write_po_units, content="po", primary=MEMORY),
        Format("tsv", (".tsv", ".tab", ".txt", ".utf8"), "OmegaT glossary (tab-separated); two columns as a memory", delimited.read_tsv,
               delimited.write_tsv, delimited.iter_tsv_units, delimited.write_tsv_units, content="tsv"),
        Format("csv", (".csv",), "CSV, one concept per row (memoQ's and MultiTerm's columns read too)", delimited.read_csv,
               delimited.write_csv, content="csv"),
        Format("json", (".json",), "JSON, everything", jsondoc.read_json, jsondoc.write_json, content="json"),
    ]
    return {f.name: f for f in listed}


_registry: dict[str, Format] | None = None


def __getattr__(name: str) -> Any:
    # The registry imports every format module (lxml, polib): build it when first asked
    # for, so that commands which need no format start fast.
    global _registry
    if name == "FORMATS":
        if _registry is None:
            _registry = _formats()
        return _registry
    raise AttributeError(name)


def _known() -> dict[str, Format]:
    return __getattr__("FORMATS")  # type: ignore[no-any-return]


def _by_suffix(path: str | Path | None) -> Format | None:
    suffix = Path(str(path)).suffix.lower() if path is not None else ""
    return next((f for f in _known().values() if suffix in f.suffixes), None)


_XML_ROOT = re.compile(r"<(?![?!])(?:[\w.-]+:)?([\w.-]+)")
_PO_ENTRY = re.compile(r"^(?:msgid|msgctxt)\s+\"", re.MULTILINE)


def _head(path: str | Path) -> str | None:
    """The first few kilobytes of a file as text, in the encoding its byte-order mark
    or its first bytes show; None when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(8192)
    except OSError:
        return None
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, "replace")
    if data[:2] == b"<\x00":
        return data.decode("utf-16-le", "replace")
    if data[:2] == b"\x00<":
        return data.decode("utf-16-be", "replace")
    return data.decode("latin-1")


def detect(path: str | Path) -> str | None:
    """What the content of a file shows it to be: tmx, tbx, xliff, po, json, or None
    (another XML document, plain text, a table, or a file that cannot be read)."""
    head = _head(path)
    if head is None:
        return None
    start = head.lstrip()
    if start.startswith("<"):
        body = re.sub(r"<!--.*?-->|<\?.*?\?>|<!DOCTYPE[^>]*>", "", start, flags=re.DOTALL)
        root = _XML_ROOT.search(body)
        name = root.group(1).lower() if root else ""
        return {"tmx": "tmx", "martif": "tbx", "tbx": "tbx", "xliff": "xliff"}.get(name)
    if start.startswith(("{", "[")):
        return "json"
    if _PO_ENTRY.search(head):
        return "po"
    return None


def find_format(path: str | Path | None, name: str | None = None, *, content: bool = True) -> Format:
    """The format named; else, for a file that exists, the one its content shows; else
    the one its suffix says (`content=False`: the suffix only, for a file to write)."""
    known = _known()
    if name:
        if name not in known:
            raise FormatError(f"unknown format {name!r} (known: {', '.join(known)})")
        return known[name]
    by_suffix = _by_suffix(path)
    if content and path is not None and str(path) != "-" and Path(path).is_file():
        shown = detect(path)
        if shown is not None and (by_suffix is None or by_suffix.content != shown):
            return next(f for f in known.values() if f.content == shown)
    if by_suffix is not None:
        return by_suffix
    suffix = Path(str(path)).suffix.lower() if path is not None else ""
    raise FormatError(f"cannot tell the format from the content or the suffix {suffix or '(none)'!r}; name one ({', '.join(known)})", path=path)


def _given(options: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in options.items() if v is not None}


def read(path: str | Path, format: str | None = None, **options: Any) -> Termbase:
    """A termbase from a file in any format that holds one, or a memory read as term
    pairs (`source_lang`/`target_lang` for bilingual files that do not say)."""
    fmt, options = find_format(path, format), _given(options)
    if fmt.reader is None:
        raise FormatError(f"a {fmt.name} file holds translation units, not concepts", path=path)
    return fmt.reader(str(path), path=str(path), **options)


def read_units(path: str | Path, format: str | None = None, **options: Any) -> Iterator[Unit]:
    """The translation units of a TMX, XLIFF, PO or tab-separated file, one at a time."""
    fmt, options = find_format(path, format), _given(options)
    if fmt.units is None:
        raise FormatError(f"a {fmt.name} file holds concepts, not translation units", path=path)
    return fmt.units(str(path), path=str(path), **options)


def _atomic(path: str | Path | None, write: Callable[[Any], None], force: bool = False) -> None:
    from ._xml import atomic_output

    try:
        with atomic_output(path, force=force) as out:
            write(out)
    except MigtermError as error:
        raise error.located(path=path) from None
    except OSError as error:
        raise FormatError(f"cannot write: {error.strerror or error}", path=path) from None


def write(termbase: Termbase, path: str | Path | None, format: str | None = None, *, force: bool = False, **options: Any) -> None:
    """Write `termbase` to `path` (None or "-": standard output), atomically: an interrupted
    or failed write leaves the old file, or none. `force` replaces a symbolic link, a
    device or a read-only file."""
    fmt, options = find_format(path, format, content=False), _given(options)
    if fmt.writer is None:
        raise FormatError(f"a {fmt.name} file holds translation units, not concepts; write a memory with write_units", path=path)
    _atomic(path, lambda out: fmt.writer(termbase, out, **options), force)  # type: ignore[misc]


def write_units(units: Iterable[Unit], path: str | Path | None, format: str | None = None, *, source_lang: str | None = None,
                target_langs: Iterable[str] | None = None, force: bool = False) -> Losses:
    """Write a stream of units as a translation memory, atomically; the return says
    what the format could not hold."""
    fmt = find_format(path, format, content=False)
    if fmt.unit_writer is None:
        raise FormatError(f"a {fmt.name} file holds concepts, not translation units", path=path)
    losses = Losses()
    _atomic(path, lambda out: fmt.unit_writer(units, out, source_lang=source_lang, target_langs=target_langs, losses=losses), force)  # type: ignore[misc]
    return losses


def convert(source: str | Path, target: str | Path | None, *, from_format: str | None = None, to_format: str | None = None,
            kind: str | None = None, source_lang: str | None = None, target_lang: str | None = None, force: bool = False) -> tuple[str, Losses]:
    """Convert a file: as a translation memory (unit by unit, streaming) when both
    formats hold one, else as a termbase. `kind` ("memory" or "termbase") chooses
    where both would do; reading a memory as term pairs, or writing a termbase as
    a memory, is a step to ask for with `kind="termbase"`. Returns the kind used and
    what the target format could not hold."""
    reading = find_format(source, from_format)
    writing = find_format(target, to_format, content=False)
    if kind is None:
        if reading.primary in writing.kinds:
            kind = reading.primary
        elif reading.primary == MEMORY and reading.reader is not None:
            raise FormatError(f"a {writing.name} file holds concepts: to read the units of this {reading.name} file as term pairs, "
                              "ask for it (--as termbase)", path=source)
        else:
            raise FormatError(f"a {writing.name} file cannot hold what a {reading.name} file holds", path=target)
    if kind == MEMORY:
        units = read_units(source, reading.name, source_lang=source_lang, target_lang=target_lang)
        return kind, write_units(units, target, writing.name, source_lang=source_lang, target_langs=[target_lang] if target_lang else None,
                                 force=force)
    termbase = read(source, reading.name, source_lang=source_lang, target_lang=target_lang)
    write(termbase, target, writing.name, force=force, source_lang=source_lang, target_lang=target_lang)
    return kind, Losses()


def stats(path: str | Path, format: str | None = None, **options: Any) -> dict[str, Any]:
    """What a file holds, read as a stream: units or concepts, languages, terms by status."""
    fmt = find_format(path, format)
    if fmt.counter is not None:
        return {"file": str(path), "format": fmt.name, **fmt.counter(str(path), path=str(path), **_given(options))}
    if fmt.units is not None:
        languages: Counter[str] = Counter()
        units = fuzzy = obsolete = markup = 0
        for unit in read_units(path, fmt.name, **options):
            units += 1
            fuzzy += unit.fuzzy
            obsolete += unit.obsolete
            for lang, segment in unit.variants.items():
                if segment.text:
                    languages[lang] += 1
                markup += segment.parts is not None
        return {"file": str(path), "format": fmt.name, "units": units, "segments by language": dict(sorted(languages.items())),
                "fuzzy": fuzzy, "obsolete": obsolete, "segments with inline markup": markup}
    concepts = 0
    terms: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    if fmt.name in ("tbx", "tbx-v2"):
        from .tbx import iter_tbx_concepts

        stream = iter_tbx_concepts(str(path), path=str(path))
    else:
        stream = iter(read(path, fmt.name, **options))
    for concept in stream:
        concepts += 1
        for term in concept.terms:
            terms[term.lang] += 1
            statuses[term.status.value] += 1
    return {"file": str(path), "format": fmt.name, "concepts": concepts, "terms by language": dict(sorted(terms.items())),
            "terms by status": dict(sorted(statuses.items()))}
