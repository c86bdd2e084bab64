"""The `migterm` command line: thin glue over the library.

Exit status: 0 success, 1 ran fine but found nothing (lookup) or found
problems (validate), 2 bad input (a one-line message on stderr, no traceback).
"""

from __future__ import annotations

import contextlib
import os
import sys
import textwrap
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import MigtermError
from .glossary import load
from .model import Concept, Status, Term
from .termbase import Match, Termbase
from .text import printable

_STATUS_COLOUR = {Status.PREFERRED: "green", Status.ADMITTED: None, Status.DEPRECATED: "red", Status.SUPERSEDED: "yellow"}


def _termbase(glossary: Path | None, termbases: tuple[Path, ...] = (), builtin: bool = True) -> Termbase:
    """The built-in termbase (or a --glossary directory), after the user's own termbases where given."""
    if not termbases:
        if not builtin:
            raise click.UsageError("--no-builtin needs a --termbase")
        return load(glossary)
    from . import formats

    parts = []
    for path in termbases:
        part = load(path) if path.is_dir() else formats.read(path)
        parts.append((path.name or str(path), part))
    if builtin:
        parts.append(("migterm", load(glossary)))
    return parts[0][1] if len(parts) == 1 else Termbase.combine(parts)


def _has_language(termbase: Termbase, lang: str) -> None:
    """Refuse a language the termbase has no term in (a region finds its language's terms)."""
    from .model import lang_matches

    if next(termbase.forms(lang), None) is not None:  # the usual case, answered by the first term in that language
        return
    known = termbase.languages
    if not any(lang_matches(k, lang) or lang_matches(lang, k) for k in known):
        raise MigtermError(f"the termbase has no terms in {lang!r} (it has {', '.join(sorted({k.split('-')[0] for k in known}))})")


def _termbase_options(function):  # type: ignore[no-untyped-def]
    """--glossary, --termbase and --no-builtin: where the terms come from."""
    options = [
        click.option("--termbase", "termbases", multiple=True, type=click.Path(exists=True, path_type=Path),
                     help="A termbase of your own (TBX, CSV, TSV, JSON, or a glossary directory), searched before the built-in one; "
                          "give it more than once for several."),
        click.option("--no-builtin", "no_builtin", is_flag=True, help="Leave the built-in termbase out: only the --termbase files."),
        _glossary_option,
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _width() -> int:
    """The width to wrap text to: $COLUMNS, else the terminal's, else 100; within 60 to 110."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        width = int(columns)
    else:
        try:
            width = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]  # None: caught below
        except (OSError, AttributeError, ValueError):
            width = 100
    return max(60, min(110, width))


def _grammar(term: Term) -> str:
    bits = []
    if term.pos is not None:
        bits.append(term.pos.value)
    if term.gender is not None:
        bits.append((term.gender.dutch_article if term.lang.startswith("nl") else None) or term.gender.value)
    if term.plural:
        bits.append(f"pl. {term.plural}")
    if term.term_type.value != "fullForm":
        bits.append(term.term_type.value)
    return ", ".join(bits)


def _block(label: str, text: str, width: int, *, break_on_hyphens: bool = True) -> list[str]:
    indent = " " * 14
    lines = textwrap.wrap(text, width, initial_indent=f"  {label:<12}", subsequent_indent=indent, break_on_hyphens=break_on_hyphens)
    return lines or [f"  {label}"]


def _render(match: Match, termbase: Termbase) -> str:
    concept, width = match.concept, _width()
    english = concept.preferred("en")
    dutch = concept.preferred("nl")
    head = f"{(dutch or match.term).text} → {english.text if english else '(no English term)'}"
    origin = termbase.origin(concept.id)
    shown_id = f"{origin}: {concept.id}" if origin else concept.id
    lines = [click.style(head, bold=True) + f"   [{shown_id}; {concept.subject or 'no subject'}; {match.how.value} match on '{match.term.text}']"]
    text_width = max(len(t.text) for t in concept.terms)
    for term in sorted(concept.terms, key=lambda t: (0 if t.lang.startswith("nl") else 1 if t.lang.startswith("en") else 2, t.lang, list(Status).index(t.status))):
        status = click.style(f"{term.status.value:<10}", fg=_STATUS_COLOUR[term.status])
        line = f"  {term.lang:<5} {term.text:<{text_width}}  {status}  {_grammar(term)}".rstrip()
        lines.append(line)
        if term.usage:
            lines.extend(textwrap.wrap(term.usage, width, initial_indent=" " * 8 + "↳ ", subsequent_indent=" " * 10))
    for lang, text in concept.definitions.items():
        lines.extend(_block("Definition" if lang == "en" else f"Def. ({lang})", text, width))
    for note in concept.notes:
        lines.extend(_block("Note", note, width))
    for term in concept.terms:
        for context in term.contexts:
            source = termbase.sources.get(context.source)
            cite = source.citation(context.page, context.article) if source else context.source
            lines.extend(_block("Context", f"“{context.text}” — {cite}", width))
    for reference in concept.references:
        where = f", {reference.locator}" if reference.locator else ""
        backs = f" — for '{reference.term}'" if reference.term else ""
        lines.extend(_block("Reference", f"{reference.title}{where}{backs}", width))
        if reference.url:
            lines.append(" " * 14 + reference.url)
    for label, ids in _relations(concept, termbase).items():
        named = [f"{_name(termbase, rid)} [{rid}]" for rid in ids]
        lines.extend(_block(label, "; ".join(named), width, break_on_hyphens=False))
    return "\n".join(lines)


def _relations(concept: Concept, termbase: Termbase) -> dict[str, tuple[str, ...]]:
    """The concept's relations, the derived ones (narrower, supersedes) included, by label."""
    relations = {
        "Broader": concept.broader,
        "Narrower": termbase.narrower(concept.id),
        "Related": concept.related,
        "Replaced by": concept.superseded_by,
        "Replaces": termbase.supersedes(concept.id),
    }
    return {label: ids for label, ids in relations.items() if ids}


def _name(termbase: Termbase, concept_id: str) -> str:
    other = termbase.get(concept_id)
    term = other.preferred("en") if other is not None else None
    return term.text if term is not None else concept_id


def _concept_json(concept: Concept, termbase: Termbase) -> dict[str, Any]:
    data = concept.to_dict()
    for key, ids in (("narrower", termbase.narrower(concept.id)), ("supersedes", termbase.supersedes(concept.id))):
        if ids:
            data[key] = list(ids)
    for term in data["terms"]:
        for context in term.get("contexts", []):
            source = termbase.sources.get(context["source"])
            if source is not None:
                context["citation"] = source.citation(context.get("page"), context.get("article"))
    return data


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="migterm")
def cli() -> None:
    """migterm: the Dutch–English termbase of migration policy."""


_FORMAT_NAMES = click.Choice(["tbx", "tbx-v2", "tmx", "xliff", "xliff2", "po", "tsv", "csv", "json"])


def _language(context: click.Context, parameter: click.Parameter, value: str | None) -> str | None:
    """A language tag as given: checked against BCP 47's syntax and written canonically."""
    from .model import canonical_lang, is_language_tag

    if value is None:
        return None
    if not is_language_tag(value):
        raise click.BadParameter(f"{printable(value)!r} is not a BCP 47 language tag such as nl, en, nl-BE", context, parameter)
    return canonical_lang(value)


_glossary_option = click.option(
    "--glossary",
    type=click.Path(file_okay=False, path_type=Path),
    help="A glossary directory to use instead of the one migterm ships.",
)


@cli.command()
@click.argument("words", nargs=-1)
@click.option("--lang", callback=_language, help="Look only among terms in this language (a BCP 47 tag such as nl, en, nl-BE; en-GB also finds en).")
@click.option("--json", "as_json", is_flag=True, help="Print the matches as JSON.")
@_termbase_options
def lookup(words: tuple[str, ...], lang: str | None, as_json: bool, termbases: tuple[Path, ...], no_builtin: bool, glossary: Path | None) -> None:
    """Look up a Dutch or English term, in any inflection. Without a term, say what
    the termbase holds.

    \b
    migterm lookup asielaanvragen
    migterm lookup --lang en emergency brake mechanism
    """
    query = " ".join(words).strip()
    if not words:
        _holds(_termbase(glossary, termbases, not no_builtin))
        return
    if not query:
        raise click.UsageError("give a term to look up")
    termbase = _termbase(glossary, termbases, not no_builtin)
    if lang is not None:
        _has_language(termbase, lang)
    matches = termbase.lookup(query, lang=lang)
    suggestions = [] if matches else termbase.suggest(query, lang=lang)
    compound = None
    if not matches:
        from .recognise import Recogniser

        hits = Recogniser(termbase).scan(query) if " " not in query and len(query) <= 500 else []
        compound = hits[0] if len(hits) == 1 and hits[0].kind == "compound" and hits[0].surface == query else None
        if compound is not None and compound.suggestion is None and suggestions:
            compound = None  # more likely a misspelling of a term than a compound
    if as_json:
        import json

        out = {
            "query": query,
            "matches": [
                {
                    "concept": m.concept.id,
                    **({"termbase": termbase.origin(m.concept.id)} if termbase.origin(m.concept.id) else {}),
                    "match": m.how.value,
                    "matched_term": {"lang": m.term.lang, "text": m.term.text, "status": m.term.status.value},
                    **{k: v for k, v in _concept_json(m.concept, termbase).items() if k != "id"},
                }
                for m in matches
            ],
            "suggestions": suggestions,
            **({"compound": compound.to_dict()} if compound else {}),
        }
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    elif matches:
        blocks = [_render(m, termbase) for m in matches]
        if len(matches) > 1:
            named = "; ".join(f"{_name(termbase, m.concept.id)} [{m.concept.id}]" for m in matches)
            blocks.insert(0, f"{len(matches)} concepts match '{query}', the closest first: {named}")
        click.echo("\n\n".join(blocks))
    else:
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        shown = printable(query if len(query) <= 80 else query[:80] + "…")
        click.echo(f"migterm: no term matches '{shown}'.{hint}", err=True)
        if compound is not None:
            english = f" ({compound.english})" if compound.english else ""
            click.echo(f"It is a compound containing the term '{compound.term.text}'{english} [{compound.concept.id}].", err=True)
            if compound.suggestion:
                click.echo(f"Suggested English, not in the termbase: {compound.suggestion}", err=True)
    sys.exit(0 if matches else 1)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON lines.")
@click.option("--lang", default="nl", show_default=True, callback=_language, help="The language of the text to scan.")
@click.option("--nested", is_flag=True, help="Also report shorter terms inside a longer hit (asielaanvraag in kansarme asielaanvraag).")
@_termbase_options
def scan(files: tuple[Path, ...], as_json: bool, lang: str, nested: bool, termbases: tuple[Path, ...], no_builtin: bool,
         glossary: Path | None) -> None:
    """Find the termbase's terms in Dutch text: plain text, or the Dutch side of a TMX, PO or XLIFF file.

    Every occurrence, longest match first, inflected forms, terms split by PDF line
    breaks, abbreviations; words containing a term are reported as compounds.
    Exit status 0 when something is found, 1 when nothing is.

    \b
    migterm scan kamerbrief.txt
    migterm scan --json memory.tmx
    """
    from .recognise import Recogniser

    termbase = _termbase(glossary, termbases, not no_builtin)
    _has_language(termbase, lang)
    recogniser = Recogniser(termbase, lang)
    found = 0
    for file in files:
        for where, text, before, indent in _texts(file, lang):
            out = []
            for hit in recogniser.scan(text, nested=nested):
                found += 1
                column = hit.column + (indent if hit.line == 1 else 0)
                location = f"{file}:{before + hit.line if where is None else where}:{column}"
                if as_json:
                    import json

                    record = {"file": str(file), **({"unit": where} if where else {}), **hit.to_dict()}
                    if termbase.origin(hit.concept.id):
                        record["termbase"] = termbase.origin(hit.concept.id)
                    if where is None:
                        record["line"] = before + hit.line
                    out.append(json.dumps(record, ensure_ascii=False))
                else:
                    origin = termbase.origin(hit.concept.id)
                    named = f"{origin}: {hit.concept.id}" if origin else hit.concept.id
                    if hit.kind in ("term", "nested"):
                        out.append(f"{location}\t{hit.surface}\t{hit.english or ''}\t[{named}]")
                    else:
                        suggestion = f"suggestion: {hit.suggestion}" if hit.suggestion else "no suggestion"
                        out.append(f"{location}\t{hit.surface}\tcompound of '{hit.part}' ({hit.english}); {suggestion}\t[{named}]")
            if out:
                click.echo("\n".join(out))  # one write per paragraph: a large file has many hits
    sys.exit(0 if found else 1)


_PIECE = 1 << 18  # characters: the most of a text scanned at once, however long its lines


def _texts(file: Path, lang: str):  # type: ignore[no-untyped-def]
    """(unit id or None, text, lines before it, its column on its first line) for each
    paragraph of a plain-text file, read as a stream, or for each unit of a TMX, XLIFF
    or PO file. A paragraph longer than a piece is cut at a line end, and a line longer
    than a piece at a space, so that memory does not grow with the longest line."""
    from . import formats

    try:
        memory = formats.find_format(file).primary == formats.MEMORY
    except MigtermError:  # no format the registry knows: plain text
        memory = False
    if memory:
        for unit in formats.read_units(file, source_lang=lang):
            text = unit.text(lang)
            if text and ("xliff:translate", "no") not in unit.attrs:
                yield unit.id, text, 0, 0
        return
    try:
        with file.open(encoding="utf-8-sig") as handle:
            yield from _pieces(handle)
    except OSError as error:
        raise MigtermError(f"cannot read: {error.strerror}", path=file) from None
    except UnicodeDecodeError:
        raise MigtermError("not UTF-8 text", path=file) from None


def _pieces(handle: Any) -> Any:
    pending: list[str] = []
    size = before = column = 0

    def emit(text: str) -> Any:
        nonlocal before, column
        yield None, text, before, column
        breaks = text.count("\n")
        if breaks:
            before += breaks
            column = len(text) - text.rfind("\n") - 1
        else:
            column += len(text)

    while part := handle.readline(_PIECE):
        pending.append(part)
        size += len(part)
        if part.endswith("\n"):
            if not part.strip() or size >= _PIECE:  # a paragraph ends at a blank line; a long one at a line end
                text, pending, size = "".join(pending), [], 0
                yield from emit(text)
        elif size >= _PIECE:  # a line longer than a piece: cut at its last white space
            text = "".join(pending)
            cut = max(text.rfind(" "), text.rfind("\t")) + 1 or len(text)
            pending, size = [text[cut:]], len(text) - cut
            yield from emit(text[:cut])
    if pending:
        yield from emit("".join(pending))


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the candidates as JSON.")
@click.option("--toml", "as_toml", is_flag=True, help="Print the candidates as concept drafts for glossary/*.toml.")
@click.option("--limit", type=int, default=50, show_default=True, help="How many candidates, best first (0: all).")
@click.option("--all", "keep_known", is_flag=True, help="Keep candidates the termbase already knows.")
@_glossary_option
def mine(files: tuple[Path, ...], as_json: bool, as_toml: bool, limit: int, keep_known: bool, glossary: Path | None) -> None:
    """Term candidates in Dutch documents that the termbase does not know yet.

    \b
    migterm mine kamerbrief.txt
    migterm mine --toml --limit 20 kamerbrief.txt >> glossary/drafts.toml
    """
    from . import mine as mining

    from .segment import file_lines

    documents = [(file.name, file_lines(file)) for file in files]
    candidates = mining.mine_lines(documents, None if keep_known else _termbase(glossary), limit=limit or None)
    if as_json:
        import json

        click.echo(json.dumps([c.to_dict() for c in candidates], ensure_ascii=False, indent=2))
    elif as_toml:
        click.echo(mining.toml_drafts(candidates), nl=False)
    else:
        for c in candidates:
            extra = f" = {c.expansion}" if c.expansion else f" (contains '{c.known_part}')" if c.known_part else ""
            click.echo(f"{c.score:5.1f}  {c.frequency:>3}  {c.kind:<9} {c.text}{extra}\t{c.source}:{c.line}")
    sys.exit(0 if candidates else 1)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the segments as JSON lines, with line, kind and footnote number.")
@_glossary_option
def segment(files: tuple[Path, ...], as_json: bool, glossary: Path | None) -> None:
    """Split Dutch text extracted from PDF into sentences, one per line, repairing the
    extraction: line-break hyphens, words split over lines, footers, footnote markers.
    Headings and footnotes are segments of their own.

    \b
    migterm segment kamerbrief.txt > kamerbrief.segments.txt
    """
    import json

    from .segment import Segmenter, file_lines

    termbase = _termbase(glossary)
    lexicon = {form for concept in termbase for term in concept.terms_in("nl") for form in (term.text, *term.inflected_forms)}
    for name, sentences in Segmenter([(str(file), file_lines(file)) for file in files], lexicon):
        batch: list[str] = []  # written a few lines at a time, fewer where they are long
        size = 0
        for sentence in sentences:
            batch.append(json.dumps({"file": name, **sentence.to_dict()}, ensure_ascii=False) if as_json else sentence.text)
            size += len(batch[-1])
            if size > _PIECE or len(batch) == 1000:
                click.echo("\n".join(batch))
                batch, size = [], 0
        if batch:
            click.echo("\n".join(batch))


def _deliverables(paths: tuple[Path, ...], named: str | None) -> list[Path]:
    """The files to check: each file given, and in each directory given every file
    (recursively, in name order) whose content or suffix is that of a bilingual format."""
    from . import formats

    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        for file in sorted(p for p in path.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)):
            if named is not None:
                found.append(file)
                continue
            try:
                fmt = formats.find_format(file)
            except MigtermError:
                continue
            if fmt.primary == formats.MEMORY or fmt.name == "tsv" and file.suffix.lower() == ".tsv":
                found.append(file)
    if not found:
        raise MigtermError(f"no translation files in {', '.join(str(p) for p in paths)}")
    return found


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--from", "from_format", type=_FORMAT_NAMES, help="The format of the files, where neither content nor suffix says it.")
@click.option("--source-lang", callback=_language, help="The source language, where the file does not say (PO and TSV: nl).")
@click.option("--target-lang", callback=_language, help="The target language, where the file does not say (TSV: en).")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON lines.")
@click.option("--jobs", type=click.IntRange(1, 2), default=None,
              help="Processes to check with: 1, or 2 (by default 2 for a file over 4 MB where there are two processors).")
@_termbase_options
def check(paths: tuple[Path, ...], from_format: str | None, source_lang: str | None, target_lang: str | None, as_json: bool,
          jobs: int | None, termbases: tuple[Path, ...], no_builtin: bool, glossary: Path | None) -> None:
    """Check translations against the termbase: files or directories of TMX, XLIFF
    1.2 or 2.x (Trados .sdlxliff, memoQ .mqxliff, Phrase .mxliff too), PO, or
    two-column tab-separated files (source, target).

    For each term found in a unit's source, the target should use one of its
    approved terms (in any inflection). Reported: key-term mismatches, deprecated
    terms used, source terms left untranslated. Exit status 0 when clean, 1 when
    there are findings, 2 when a file cannot be read.

    \b
    migterm check delivery.tmx
    migterm check delivery/
    migterm check --termbase client.tbx delivery/
    migterm check --json vertaling.po > findings.jsonl
    """
    from .check import check_file

    files = _deliverables(paths, from_format)
    termbase = _termbase(glossary, termbases, not no_builtin)
    count = checked = 0
    units_with_findings = 0
    for file in files:
        size = file.stat().st_size if file.is_file() else 0
        show_progress = sys.stderr.isatty() and size > 1_000_000
        with contextlib.ExitStack() as stack:
            bar = stack.enter_context(click.progressbar(length=size, label=f"Checking {file.name}", file=sys.stderr)) if show_progress else None
            done = 0

            def progress(position: int) -> None:
                nonlocal done
                if bar is not None and position > done:
                    bar.update(position - done)
                    done = position

            tally: dict[str, int] = {}
            parallel = None if jobs is None else jobs == 2
            last: tuple[str | None, int | None] | None = None
            lines: list[str] = []  # written a batch at a time: a file may have millions of findings
            if as_json:
                import json
            try:
                for finding in check_file(file, termbase, source_lang=source_lang, target_lang=target_lang, progress=progress, tally=tally,
                                          parallel=parallel, format=from_format):
                    count += 1
                    if (finding.unit, finding.line) != last:  # a unit's findings come together
                        units_with_findings += 1
                        last = (finding.unit, finding.line)
                    lines.append(json.dumps(finding.to_dict(), ensure_ascii=False) if as_json else str(finding))
                    if len(lines) == 500:
                        click.echo("\n".join(lines))
                        lines.clear()
            finally:  # what was found before an error is still shown
                if lines:
                    click.echo("\n".join(lines))
            checked += tally.get("units", 0)
    if not as_json:
        in_files = f" in {len(files)} files" if len(files) > 1 else ""
        click.echo(f"{count} finding{'s' * (count != 1)} in {units_with_findings} of {checked} unit{'s' * (checked != 1)} checked{in_files}", err=True)
    sys.exit(1 if count else 0)


@cli.command()
@_glossary_option
def validate(glossary: Path | None) -> None:
    """Check a glossary: its files, its invariants, and that every context quote is verbatim.

    Exit status 0 when all is well, 1 when quotes are not found, 2 when a file is invalid.
    """
    from .glossary import default_glossary_dir
    from .sources import check_quotes

    termbase = load(glossary, cache=False)
    problems = check_quotes(termbase, glossary or default_glossary_dir())
    for problem in problems:
        click.echo(f"migterm: {problem}", err=True)
    terms = sum(len(c.terms) for c in termbase)
    quotes = sum(len(t.contexts) for c in termbase for t in c.terms)
    click.echo(f"{len(termbase)} concepts, {terms} terms, {quotes} context quotes: {len(problems) or 'no'} problem{'s' if len(problems) != 1 else ''}")
    sys.exit(1 if problems else 0)


_lang_options = [
    click.option("--source-lang", default=None, callback=_language, help="The source language of bilingual files (default nl)."),
    click.option("--target-lang", default=None, callback=_language, help="The target language of bilingual files (default en)."),
]


def _with_langs(function):  # type: ignore[no-untyped-def]
    for option in reversed(_lang_options):
        function = option(function)
    return function


_force_option = click.option("--force", is_flag=True, help="Replace the output even where it is a symbolic link, a device or a read-only file.")


@cli.command()
@click.option("--format", "-f", "format_name", type=_FORMAT_NAMES, help="The format; by default the output file's suffix says.")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="The file to write (default: standard output).")
@_force_option
@_with_langs
@_glossary_option
def export(format_name: str | None, output: Path | None, force: bool, source_lang: str | None, target_lang: str | None, glossary: Path | None) -> None:
    """Write the termbase as TBX, TMX, PO, TSV, CSV or JSON.

    \b
    migterm export -o migterm.tbx
    migterm export --format tbx-v2 -o omegat-glossary.tbx
    migterm export --format tsv > glossary.txt
    """
    from . import formats

    if format_name is None and output is None:
        raise click.UsageError("name a --format, or an --output file whose suffix says it")
    formats.write(_termbase(glossary), output, format_name, force=force, source_lang=source_lang, target_lang=target_lang)


@cli.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--from", "from_format", type=_FORMAT_NAMES, help="The input format; by default its content or suffix says.")
@click.option("--to", "to_format", type=_FORMAT_NAMES, help="The output format; by default its suffix says.")
@click.option("--as", "kind", type=click.Choice(["memory", "termbase"]),
              help="Convert as a translation memory (unit by unit) or as a termbase (concepts); by default what the input is.")
@_force_option
@_with_langs
def convert(source: Path, target: Path, from_format: str | None, to_format: str | None, kind: str | None, force: bool,
            source_lang: str | None, target_lang: str | None) -> None:
    """Convert a translation memory or a termbase from one format to another.

    A translation memory (TMX, XLIFF, PO, two-column TSV) converts unit by unit,
    keeping inline codes, ids, props and notes where the target format can hold
    them; what it cannot is said on stderr. A termbase (TBX, CSV, JSON, a
    glossary TSV) converts concept by concept. Reading a memory as term pairs
    is a step to ask for: --as termbase.

    \b
    migterm convert memory.tmx memory.po
    migterm convert --to xliff2 memory.tmx memory.xlf
    migterm convert glossary.tbx glossary.po
    migterm convert --as termbase --to tbx-v2 pairs.tmx glossary.tbx
    """
    from . import formats

    _, losses = formats.convert(source, target, from_format=from_format, to_format=to_format, kind=kind,
                                source_lang=source_lang, target_lang=target_lang, force=force)
    for line in losses.lines():
        click.echo(f"migterm: {target}: {line}", err=True)


COVERAGE_COMMAND = "migterm stats --markdown > docs/coverage.md"


@cli.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "-f", "format_name", type=_FORMAT_NAMES, help="The format; by default the file's suffix says.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--markdown", is_flag=True, help="Print what the termbase holds as a markdown page (docs/coverage.md).")
@_with_langs
@_glossary_option
def stats(file: Path | None, format_name: str | None, as_json: bool, markdown: bool, source_lang: str | None, target_lang: str | None,
          glossary: Path | None) -> None:
    """Say what a file holds: units or concepts, languages, terms by status, read as a
    stream. Without FILE, what the termbase holds: concepts and terms by subject field
    and language, statuses, contexts, references of each kind and relations.

    \b
    migterm stats
    migterm stats delivery/project.tmx
    """
    if file is None:
        _termbase_stats(as_json, markdown, glossary)
        return
    if markdown or glossary is not None:
        raise MigtermError("--markdown and --glossary describe the termbase: give them without a FILE")
    from . import formats

    figures = formats.stats(file, format_name, source_lang=source_lang, target_lang=target_lang)
    if as_json:
        import json

        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    for name, value in figures.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v:,}" for k, v in value.items()) or "none"
        elif isinstance(value, int):
            value = f"{value:,}"
        click.echo(f"{name + ':':<30}{value}")


def _holds(termbase: Any) -> None:
    """What `lookup` says when asked nothing: the termbase's subject fields, and where to go on."""
    from . import coverage

    figures = coverage.coverage(termbase)
    fields = figures["subject fields"]
    click.echo(f"The termbase holds {figures['concepts']:,} concepts and {figures['terms']:,} terms in {len(fields)} subject fields:")
    for name, field in fields.items():
        click.echo(f"  {name:<28}{field['concepts']:>5}")
    click.echo("Look a term up with 'migterm lookup TERM'; 'migterm stats' gives the full figures.")


def _termbase_stats(as_json: bool, markdown: bool, glossary: Path | None) -> None:
    from . import coverage

    figures = coverage.coverage(_termbase(glossary))
    if as_json:
        import json

        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
    elif markdown:
        click.echo(coverage.to_markdown(figures, COVERAGE_COMMAND), nl=False)
    else:
        click.echo(coverage.to_text(figures), nl=False)


def _ended_by_signal(number: int, _frame: Any) -> None:
    """SIGTERM or SIGHUP: remove the temporary files of writes under way, and go."""
    from .formats._xml import remove_pending

    remove_pending()
    os._exit(128 + number)


def _quiet_stdout() -> None:
    """The reader went away (`| head`): point stdout at /dev/null so that Python's
    own flush at exit does not complain a second time."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def main() -> None:
    """Entry point: run the CLI, turning every migterm error into one line and exit status 2."""
    import errno
    import signal

    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, _ended_by_signal)
    try:
        try:
            cli.main(standalone_mode=False)
        except SystemExit:
            sys.stdout.flush()  # here, where a full disk can still be reported
            raise
        sys.stdout.flush()
    except MigtermError as error:
        click.echo(f"migterm: {printable(str(error))}", err=True)
        sys.exit(2)
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("migterm: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(0)
    except OSError as error:  # the output could not be written: a full disk, a closed stream
        if error.errno == errno.EPIPE:
            _quiet_stdout()
            sys.exit(0)
        with contextlib.suppress(OSError):
            _quiet_stdout()
            click.echo(f"migterm: cannot write the output: {error.strerror or error}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
