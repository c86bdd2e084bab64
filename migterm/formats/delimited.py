"""Delimited text: the OmegaT glossary (tab-separated: source, target, comment)
and a CSV table with a header row and one concept per row, synonyms in one
cell, as Trados MultiTerm and memoQ import it."""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import MigtermError
from ..model import Segment, Status, Term, Unit
from ..termbase import Termbase
from ._bilingual import ConceptBuilder, pairs, slug
from ._inline import Losses
from ..errors import FormatError

__all__ = ["write_tsv", "read_tsv", "iter_tsv_units", "write_csv", "read_csv", "SYNONYM_SEPARATOR"]

SYNONYM_SEPARATOR = "; "
_STATUSES = [Status.PREFERRED, Status.ADMITTED, Status.DEPRECATED, Status.SUPERSEDED]


def _text(source: str | Path | IO[bytes], shown: str) -> Iterator[tuple[int, str]]:
    """Lines of a UTF-8 file (a byte-order mark allowed), numbered, read as a stream."""
    try:
        with contextlib.ExitStack() as stack:
            handle = source if hasattr(source, "read") else stack.enter_context(open(source, "rb"))  # type: ignore[arg-type]
            stream = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")  # type: ignore[arg-type]
            if handle is source:
                stack.callback(stream.detach)  # the caller's file stays open
            yield from enumerate(stream, start=1)
    except UnicodeDecodeError as error:
        raise FormatError(f"not UTF-8 text ({error.reason})", path=shown) from None
    except OSError as error:
        raise FormatError(f"cannot read: {error.strerror or error}", path=shown) from None


# -- OmegaT glossary ------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


def write_tsv(termbase: Termbase, out: IO[bytes], *, source_lang: str = "nl", target_lang: str = "en", **_: Any) -> None:
    """One line per source-language term: the term, the preferred target term, and the
    definition (in the target language, else English) as the comment."""
    lines = []
    for concept, term, target in pairs(termbase, source_lang, target_lang):
        if target is None:
            continue
        comment = concept.definitions.get(target.lang) or concept.definitions.get("en") or ""
        lines.append("\t".join(_one_line(field) for field in (term.text, target.text, comment)) + "\n")
    out.write("".join(lines).encode("utf-8"))


def iter_tsv_units(source: str | Path | IO[bytes], *, path: str | None = None, source_lang: str = "nl", target_lang: str = "en", **_: Any) -> Iterator[Unit]:
    shown = path or str(source)
    for number, line in _text(source, shown):
        line = line.rstrip("\r\n")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            raise FormatError("a glossary line needs a source and a target term separated by a tab", path=shown, line=number)
        notes = (fields[2],) if len(fields) > 2 and fields[2] else ()
        yield Unit(id=str(number), variants={source_lang: Segment(fields[0]), target_lang: Segment(fields[1])}, line=number, notes=notes,
                   source_lang=source_lang)


def write_tsv_units(units: Iterable[Unit], out: IO[bytes], *, source_lang: str | None = None, target_langs: Iterable[str] | None = None,
                    losses: Losses | None = None, **_: Any) -> None:
    """Two columns, source and target, and the unit's notes as a third: text only,
    one line per unit, written as a stream."""
    wanted = [lang.lower() for lang in target_langs or ()]
    for unit in units:
        key = unit.source_key()
        others = [k for k in unit.variants if k != key]
        target = next((k for k in others if not wanted or k.lower() in wanted or k.split("-")[0].lower() in wanted), None)
        fields = [unit.variants[key] if key else Segment(""), unit.variants[target] if target else Segment("")]
        if losses is not None:
            if any(f.parts is not None for f in fields):
                losses.add("inline codes, which a tab-separated file cannot hold (the text is kept)")
            if unit.props or unit.attrs:
                losses.add("props, which a tab-separated file cannot hold")
            if len(others) > 1:
                losses.add("target languages beyond the first, which a tab-separated file cannot hold")
        texts = [f.text for f in fields] + ([" ".join(unit.notes)] if unit.notes else [])
        if any(c in t for t in texts for c in "\t\r\n"):
            if losses is not None:
                losses.add("tabs and line breaks, which a tab-separated line cannot hold (written as spaces)")
            texts = [re.sub(r"[\t\r\n]", " ", t) for t in texts]
        if not texts[0].strip():
            if losses is not None:
                losses.add("units with an empty source, which a tab-separated file cannot hold")
            continue
        out.write(("\t".join(texts) + "\n").encode("utf-8"))


def read_tsv(source: str | Path | IO[bytes], *, path: str | None = None, source_lang: str = "nl", target_lang: str = "en", **_: Any) -> Termbase:
    """An OmegaT glossary as a termbase: one concept per line, the comment its definition."""
    shown = path or str(source)
    builder = ConceptBuilder(shown)
    for unit in iter_tsv_units(source, path=shown, source_lang=source_lang, target_lang=target_lang):
        src, tgt = unit.text(source_lang) or "", unit.text(target_lang) or ""
        if not src.strip() or not tgt.strip():
            raise FormatError("a glossary line has an empty term", path=shown, line=unit.line)
        builder.add(
            builder.unique_id(slug(src, "t")),
            terms=[Term(src.strip(), source_lang, Status.PREFERRED), Term(tgt.strip(), target_lang, Status.PREFERRED)],
            line=unit.line,
            definitions={target_lang: unit.notes[0].strip()} if unit.notes and unit.notes[0].strip() else {},
        )
    return builder.termbase()


# -- CSV -------------------------------------------------------------------------------------


def _columns(termbase: Termbase, source_lang: str, target_lang: str) -> tuple[list[str], list[str]]:
    langs = list(dict.fromkeys(t.lang for c in termbase for t in c.terms))
    first = [lang for lang in (source_lang, target_lang) if lang in langs]
    langs = first + sorted(lang for lang in langs if lang not in first)
    definition_langs = sorted({lang for c in termbase for lang in c.definitions}, key=lambda lang: (lang not in first, lang))
    return langs, definition_langs


def write_csv(termbase: Termbase, out: IO[bytes], *, source_lang: str = "nl", target_lang: str = "en", **_: Any) -> None:
    langs, definition_langs = _columns(termbase, source_lang, target_lang)
    header = ["id", "subject"]
    for lang in langs:
        header += [lang if status is Status.PREFERRED else f"{lang} {status.value}" for status in _STATUSES]
    header += [f"definition {lang}" for lang in definition_langs] + ["notes"]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for concept in termbase:
        row = [concept.id, concept.subject or ""]
        for lang in langs:
            for status in _STATUSES:
                texts = [t.text for t in concept.terms if t.lang == lang and t.status is status]
                for text in texts:
                    if ";" in text:
                        raise FormatError(f"the term {text!r} holds ';', which separates synonyms in CSV", concept=concept.id)
                row.append(SYNONYM_SEPARATOR.join(texts))
        row += [concept.definitions.get(lang, "") for lang in definition_langs]
        row.append("\n".join(concept.notes))
        writer.writerow(row)
    out.write(buffer.getvalue().encode("utf-8"))


def read_csv(source: str | Path | IO[bytes], *, path: str | None = None, **_: Any) -> Termbase:
    """A CSV table as written by `write_csv`: columns `LANG` (preferred), `LANG STATUS`,
    `definition LANG`, and optionally `id`, `subject` and `notes`."""
    shown = path or str(source)
    lines = _text(source, shown)
    reader = csv.reader(line for _, line in lines)
    try:
        header = next(reader)
    except StopIteration:
        raise FormatError("the CSV file is empty", path=shown, line=1) from None
    except csv.Error as error:
        raise FormatError(f"not valid CSV: {error}", path=shown, line=1) from None
    builder = ConceptBuilder(shown)
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                raise FormatError(f"the row has {len(row)} cells, the header {len(header)}", path=shown, line=reader.line_num)
            cells = dict(zip(header, row))
            terms = []
            definitions = {}
            for column, value in cells.items():
                if not value.strip():
                    continue
                if column.startswith("definition "):
                    definitions[column[len("definition "):]] = value
                elif column not in ("id", "subject", "notes"):
                    lang, _, status = column.partition(" ")
                    for text in value.split(";"):
                        if text.strip():
                            terms.append(Term(text.strip(), lang, status or Status.PREFERRED))
            concept_id = cells.get("id", "").strip() or builder.unique_id(slug(terms[0].text if terms else "row", "t"))
            builder.add(concept_id, terms=terms, line=reader.line_num, subject=cells.get("subject") or None, definitions=definitions,
                        notes=[n for n in cells.get("notes", "").split("\n") if n.strip()])
    except csv.Error as error:
        raise FormatError(f"not valid CSV: {error}", path=shown, line=reader.line_num) from None
    except FormatError:
        raise
    except MigtermError as error:  # a bad status or language tag in the header, an invalid term
        raise FormatError(error.message, path=shown, line=reader.line_num) from None
    return builder.termbase()

