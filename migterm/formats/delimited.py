"""Delimited text: the OmegaT glossary (tab-separated: source, target, comment)
and a CSV table with a header row and one concept per row, synonyms in one
cell, as Trados MultiTerm and memoQ import it."""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import MigtermError
from ..model import Status, Term
from ..units import Segment, Unit
from ..termbase import Termbase
from ._bilingual import ConceptBuilder, pairs, slug
from ..text import visible
from ._inline import Losses
from ..errors import FormatError

__all__ = ["write_tsv", "read_tsv", "iter_tsv_units", "write_csv", "read_csv", "SYNONYM_SEPARATOR"]

SYNONYM_SEPARATOR = "; "
_STATUSES = [Status.PREFERRED, Status.ADMITTED, Status.DEPRECATED, Status.SUPERSEDED]


def _text(source: str | Path | IO[bytes], shown: str) -> Iterator[tuple[int, str]]:
    """Lines of a UTF-8 file (a byte-order mark allowed) or a UTF-16 one (with its
    byte-order mark), numbered, read as a stream."""
    try:
        with contextlib.ExitStack() as stack:
            handle = source if hasattr(source, "read") else stack.enter_context(open(source, "rb"))  # type: ignore[arg-type]
            start = handle.peek(2)[:2] if hasattr(handle, "peek") else b""  # type: ignore[union-attr]
            encoding = "utf-16" if start in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
            stream = io.TextIOWrapper(handle, encoding=encoding, newline="")  # type: ignore[arg-type,type-var]
            if handle is source:
                stack.callback(stream.detach)  # the caller's file stays open
            yield from enumerate(stream, start=1)
    except UnicodeDecodeError as error:
        raise FormatError(f"not UTF-8 or UTF-16 text ({error.reason})", path=shown) from None
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
        if len(fields) < 2:  # no target: OmegaT passes over such a line, and so does migterm
            continue
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
            if unit.fuzzy or unit.obsolete:
                losses.add("fuzzy and obsolete marks, which a tab-separated file cannot hold")
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
        if not src.strip() or not tgt.strip():  # OmegaT passes over a line with an empty term
            continue
        try:
            terms = [Term(" ".join(visible(src).split()), source_lang, Status.PREFERRED), Term(" ".join(visible(tgt).split()), target_lang, Status.PREFERRED)]
        except MigtermError as error:
            raise FormatError(error.message, path=shown, line=unit.line) from None
        builder.add(
            builder.unique_id(slug(src, "t")),
            terms=terms,
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


# Column names of the spreadsheet glossaries other tools write: memoQ (`Dutch;English;
# Dutch_Forbidden`, `English_Def`), MultiTerm's and Trados's exports (`English`, `German
# Definition`), and migterm's own (`nl`, `nl deprecated`, `definition nl`).
LANGUAGE_NAMES = {
    "dutch": "nl", "nederlands": "nl", "flemish": "nl-BE", "english": "en", "engels": "en", "french": "fr", "frans": "fr",
    "german": "de", "duits": "de", "spanish": "es", "italian": "it", "portuguese": "pt", "polish": "pl", "romanian": "ro",
    "bulgarian": "bg", "czech": "cs", "danish": "da", "greek": "el", "estonian": "et", "finnish": "fi", "irish": "ga",
    "croatian": "hr", "hungarian": "hu", "lithuanian": "lt", "latvian": "lv", "maltese": "mt", "slovak": "sk",
    "slovenian": "sl", "swedish": "sv", "arabic": "ar", "turkish": "tr", "russian": "ru", "ukrainian": "uk", "chinese": "zh",
    "japanese": "ja", "korean": "ko", "persian": "fa", "farsi": "fa", "tigrinya": "ti", "somali": "so", "norwegian": "no",
}
_REGIONS = {"netherlands": "NL", "belgium": "BE", "united kingdom": "GB", "united states": "US", "uk": "GB", "us": "US",
            "ireland": "IE", "france": "FR", "germany": "DE", "switzerland": "CH", "austria": "AT", "canada": "CA"}
_ID_COLUMNS = {"id", "entry_id", "concept id", "conceptid", "entry id", "entryid", "termbase id"}
_SUBJECT_COLUMNS = {"subject", "entry_subject", "domain", "entry_domain", "subject field", "subjectfield"}
_NOTE_COLUMNS = {"notes", "note", "entry_note", "comment", "comments", "entry_comment"}
_YES = {"true", "yes", "y", "1", "x", "forbidden", "ja", "waar"}


def _language(name: str) -> str | None:
    """The language a column names, by code (nl, en-GB, nl_NL) or by name (Dutch, English (United Kingdom))."""
    from ..model import canonical_lang

    text = name.strip()
    m = re.fullmatch(r"([A-Za-z][A-Za-z ]*?)\s*\(([^)]*)\)", text)
    if m and m.group(1).lower() in LANGUAGE_NAMES:
        region = _REGIONS.get(m.group(2).strip().lower())
        base = LANGUAGE_NAMES[m.group(1).lower()].split("-")[0]
        return f"{base}-{region}" if region else base
    if text.lower() in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[text.lower()]
    if re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", text):
        try:
            return canonical_lang(text.replace("_", "-"))
        except MigtermError:
            return None
    return None


def _column(name: str) -> tuple[str, str | None, str | None]:
    """What a column holds: ("id"|"subject"|"notes", None, None), ("term", LANG, STATUS),
    ("forbidden", LANG, None), ("definition", LANG, None), or ("other", None, None)."""
    low = name.strip().lower()
    if low in _ID_COLUMNS:
        return "id", None, None
    if low in _SUBJECT_COLUMNS:
        return "subject", None, None
    if low in _NOTE_COLUMNS:
        return "notes", None, None
    if low.startswith("definition "):
        lang = _language(name.strip()[len("definition "):])
        return ("definition", lang, None) if lang else ("other", None, None)
    m = re.fullmatch(r"(.+?)[ _](def|definition|forbidden)", name.strip(), re.IGNORECASE)
    if m and _language(m.group(1)):
        return ("forbidden" if m.group(2).lower() == "forbidden" else "definition"), _language(m.group(1)), None
    head, _, tail = name.strip().partition(" ")
    if tail and tail.lower() in {s.value for s in Status} and _language(head):
        return "term", _language(head), tail.lower()
    lang = _language(name)
    return ("term", lang, None) if lang else ("other", None, None)


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in ("\t", ";", ",")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def read_csv(source: str | Path | IO[bytes], *, path: str | None = None, **_: Any) -> Termbase:
    """A spreadsheet glossary: one concept per row, a header row naming the columns.
    The delimiter is whichever of comma, semicolon or tab the header uses. Columns:
    a language (`nl`, `en-GB`, `Dutch`, `English (United Kingdom)`), with synonyms
    separated by `;` in migterm's own files or in repeated columns; `LANG STATUS`;
    `LANG_Forbidden` (memoQ: the term before it is deprecated when it says True);
    `definition LANG`, `LANG_Def`; `id`, `subject`, `notes`. Any other column becomes a
    note `column: value`."""
    shown = path or str(source)
    lines = iter(_text(source, shown))
    first = next(lines, None)
    if first is None:
        raise FormatError("the CSV file is empty", path=shown, line=1)
    delimiter = _delimiter(first[1])
    reader = csv.reader(itertools.chain([first[1]], (line for _, line in lines)), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as error:
        raise FormatError(f"not valid CSV: {error}", path=shown, line=1) from None
    columns = [_column(name) for name in header]
    own = delimiter == ","  # migterm's own files: synonyms in one cell, separated by "; "
    builder = ConceptBuilder(shown)
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                raise FormatError(f"the row has {len(row)} cells, the header {len(header)}", path=shown, line=reader.line_num)
            _row(builder, header, columns, row, reader.line_num, split_synonyms=own)
    except csv.Error as error:
        raise FormatError(f"not valid CSV: {error}", path=shown, line=reader.line_num) from None
    except FormatError:
        raise
    except MigtermError as error:  # a bad status or language tag in the header, an invalid term
        raise FormatError(error.message, path=shown, line=reader.line_num) from None
    return builder.termbase()


def _row(builder: ConceptBuilder, header: list[str], columns: list[tuple[str, str | None, str | None]], row: list[str],
         line: int, *, split_synonyms: bool) -> None:
    terms: list[Term] = []
    definitions: dict[str, str] = {}
    notes: list[str] = []
    concept_id = subject = None
    last_in: dict[str, int] = {}  # the index in `terms` of each language's last term
    seen: set[tuple[str, str]] = set()
    for name, (kind, lang, status), value in zip(header, columns, row):
        value = value.strip()
        if not value:
            continue
        if kind == "id":
            concept_id = value
        elif kind == "subject":
            subject = " ".join(value.split())
        elif kind == "notes":
            notes.extend(n.strip() for n in value.split("\n") if n.strip())
        elif kind == "definition" and lang:
            definitions.setdefault(lang, value)
        elif kind == "forbidden" and lang:
            if value.lower() in _YES and lang in last_in:
                index = last_in[lang]
                terms[index] = Term(terms[index].text, terms[index].lang, Status.DEPRECATED)
        elif kind == "term" and lang:
            texts = value.split(";") if split_synonyms else [value]
            for text in texts:
                text = " ".join(visible(text).split())
                if not text or (lang.lower(), text) in seen:
                    continue
                seen.add((lang.lower(), text))
                given = Status(status) if status else Status.PREFERRED if not any(t.lang == lang for t in terms) else Status.ADMITTED
                if given == Status.PREFERRED and any(t.lang == lang and t.status is Status.PREFERRED for t in terms):
                    given = Status.ADMITTED
                terms.append(Term(text, lang, given))
                last_in[lang] = len(terms) - 1
        else:
            notes.append(f"{name.strip()}: {value}")
    if not terms:
        return
    builder.add(concept_id or builder.unique_id(slug(terms[0].text, "t")), terms=terms, line=line, subject=subject,
                definitions=definitions, notes=notes)
