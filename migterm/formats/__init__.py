"""The exchange formats, found by name or file suffix.

Each format is a pair of functions in its own module: a reader (a termbase from
a file; TMX, PO and tab-separated files also as a stream of units) and a writer
(a termbase to bytes). `read`, `write`, `read_units` and `stats` are the ways in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import FormatError, MigtermError
from ..model import Unit
from ..termbase import Termbase

__all__ = ["Format", "FORMATS", "FormatError", "find_format", "read", "write", "read_units", "stats"]


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]
    description: str
    reader: Callable[..., Termbase]
    writer: Callable[..., None]
    units: Callable[..., Iterator[Unit]] | None = None
    counter: Callable[..., dict[str, Any]] | None = None  # a faster count than reading every unit


def _formats() -> dict[str, Format]:
    from . import delimited, jsondoc, po, tbx, tmx

    listed = [
        Format("tbx", (".tbx",), "TBX-Basic, ISO 30042:2019", tbx.read_tbx, tbx.write_tbx),
        Format("tbx-v2", (), "TBX 2008 (<martif>), as OmegaT 3.6 reads it", tbx.read_tbx, tbx.write_tbx_v2),
        Format("tmx", (".tmx",), "TMX 1.4b translation memory", tmx.read_tmx, tmx.write_tmx, tmx.iter_tmx_units, tmx.tmx_stats),
        Format("po", (".po", ".pot"), "gettext PO", po.read_po, po.write_po, po.iter_po_units),
        Format("tsv", (".tsv", ".tab", ".txt", ".utf8"), "OmegaT glossary (tab-separated)", delimited.read_tsv, delimited.write_tsv, delimited.iter_tsv_units),
        Format("csv", (".csv",), "CSV, one concept per row", delimited.read_csv, delimited.write_csv),
        Format("json", (".json",), "JSON, everything", jsondoc.read_json, jsondoc.write_json),
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


def find_format(path: str | Path | None, name: str | None = None) -> Format:
    """The format named, or else the one the file's suffix says."""
    known = __getattr__("FORMATS")
    if name:
        if name not in known:
            raise FormatError(f"unknown format {name!r} (known: {', '.join(known)})")
        return known[name]
    suffix = Path(str(path)).suffix.lower() if path is not None else ""
    for fmt in known.values():
        if suffix in fmt.suffixes:
            return fmt
    raise FormatError(f"cannot tell the format from the suffix {suffix or '(none)'!r}; name one ({', '.join(known)})", path=path)


def _given(options: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in options.items() if v is not None}


def read(path: str | Path, format: str | None = None, **options: Any) -> Termbase:
    """A termbase from a file in any supported format (`source_lang`/`target_lang` for
    bilingual files that do not say)."""
    fmt, options = find_format(path, format), _given(options)
    return fmt.reader(str(path), path=str(path), **options)


XLIFF_SUFFIXES = (".xlf", ".xliff")


def read_units(path: str | Path, format: str | None = None, **options: Any) -> Iterator[Unit]:
    """The translation units of a TMX, PO, XLIFF or tab-separated file, one at a time.
    (XLIFF is read as units only: it is no termbase format.)"""
    if format == "xliff" or (format is None and Path(str(path)).suffix.lower() in XLIFF_SUFFIXES):
        from .xliff import iter_xliff_units

        return iter_xliff_units(str(path), path=str(path), **_given(options))
    fmt, options = find_format(path, format), _given(options)
    if fmt.units is None:
        raise FormatError(f"a {fmt.name} file holds concepts, not translation units", path=path)
    return fmt.units(str(path), path=str(path), **options)


def write(termbase: Termbase, path: str | Path | None, format: str | None = None, **options: Any) -> None:
    """Write `termbase` to `path` (None or "-": standard output), atomically: an interrupted
    or failed write leaves the old file, or none."""
    from ._xml import atomic_output

    fmt, options = find_format(path, format), _given(options)
    try:
        with atomic_output(path) as out:
            fmt.writer(termbase, out, **options)
    except MigtermError as error:
        raise error.located(path=path) from None
    except OSError as error:
        raise FormatError(f"cannot write: {error.strerror or error}", path=path) from None


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
                markup += segment.markup is not None
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

