"""The source documents, and the check that every context quote is verbatim.

The documents are kept exactly as they were received: the publications as
extracted from PDF, the acts and the circular as markdown renderings of the
official texts. A quote is written as a reader sees the text, with the PDF
extraction's artefacts repaired, so the check allows for those artefacts and
nothing else: a line break may stand for a space, may split a word (with or
without a hyphen that is not part of it), and may be followed by a footnote
marker alone on a line.

A quote from an act names its article, and one from the circular its paragraph
(`B1/2.1`); the check finds it inside that article or paragraph, so a citation
cannot point at the wrong place. A quote from a publication names no article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .glossary import SOURCES_INDEX, default_glossary_dir
from .termbase import Termbase

__all__ = ["quote_pattern", "QuoteProblem", "check_quotes"]

# A line break, optionally followed by a lone footnote marker line ("22").
_BREAK = r"[ \t]*\n(?:[ \t]*\d{1,3}[ \t]*\n)?[ \t]*"


def quote_pattern(quote: str) -> re.Pattern[str]:
    r"""A pattern matching `quote` in PDF-extracted text.

    >>> text = "het Schengen-\ngebied en de keten\npartners, in de Europese \n22\nGrens- en EU-\nlidstaten"
    >>> bool(quote_pattern("het Schengengebied en de ketenpartners, in de Europese Grens- en EU-lidstaten").search(text))
    True
    >>> bool(quote_pattern("het Schengen gebied").search(text))
    False

    A hyphen at a line end may be the word's own (`EU-` / `lidstaten`), so the
    quote may keep it or drop it:

    >>> bool(quote_pattern("het Schengen-gebied").search(text))
    True
    """
    parts: list[str] = []
    words = quote.split(" ")
    for i, word in enumerate(words):
        if i:
            parts.append(f"(?:{_BREAK}|[ \\t]+)")
        chars = [re.escape(c) for c in word]
        # Inside a word a line break may split it, with a hyphen that the quote does not show.
        parts.append(f"(?:-?{_BREAK})?".join(chars))
    return re.compile("".join(parts))


# `### Artikel  29` in an act; `### B1` (a chapter) and `### 2.1` (its paragraph) in the circular.
_ARTICLE_HEADING = re.compile(r"^###\s*Artikel\s+(\S+)\s*$", re.MULTILINE)
_CHAPTER_HEADING = re.compile(r"^###\s*([A-Z]\d{1,2})\s*$", re.MULTILINE)
_PARAGRAPH_HEADING = re.compile(r"^###\s*(\d+(?:\.\d+)*)\s*$", re.MULTILINE)


def divisions(text: str) -> dict[str, list[tuple[int, int]]]:
    r"""Where each article (or paragraph of the circular) of a legal text stands:
    label → spans, each from its heading to the next heading of its kind.
    Empty for a text that has no such headings.

    >>> act = "### Artikel  1  \nDefinities.\n### Artikel  2a  \nDe referent.\n"
    >>> {label: [act[a:b] for a, b in spans] for label, spans in divisions(act).items()}
    {'1': ['### Artikel  1  \nDefinities.\n'], '2a': ['### Artikel  2a  \nDe referent.\n']}
    >>> circular = "### B1  \n### 2  \nErkenning.\n### 2.1  \nDe VOG.\n### B2\n### 1\nGezin.\n"
    >>> sorted(divisions(circular))
    ['B1/2', 'B1/2.1', 'B2/1']
    """
    out: dict[str, list[tuple[int, int]]] = {}
    articles = list(_ARTICLE_HEADING.finditer(text))
    if articles:
        for here, after in zip(articles, [*articles[1:], None]):
            out.setdefault(here.group(1), []).append((here.start(), after.start() if after else len(text)))
        return out
    chapters = list(_CHAPTER_HEADING.finditer(text))
    for chapter, next_chapter in zip(chapters, [*chapters[1:], None]):
        end = next_chapter.start() if next_chapter else len(text)
        paragraphs = list(_PARAGRAPH_HEADING.finditer(text, chapter.end(), end))
        for here, after in zip(paragraphs, [*paragraphs[1:], None]):
            out.setdefault(f"{chapter.group(1)}/{here.group(1)}", []).append((here.start(), after.start() if after else end))
    return out


@dataclass(frozen=True, slots=True)
class QuoteProblem:
    """A context quote that does not occur in the document it cites."""

    concept: str
    term: str
    source: str
    quote: str
    reason: str

    def __str__(self) -> str:
        return f"concept {self.concept}: term {self.term!r}: {self.reason}: {self.quote!r}"


@lru_cache(maxsize=None)
def _document(path: Path) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    text = path.read_text(encoding="utf-8")
    return text, divisions(text)


def _problem(text: str, parts: dict[str, list[tuple[int, int]]], quote: str, article: str | None, file: str) -> str | None:
    """Why `quote` is not where its citation says, or None when it is."""
    pattern = quote_pattern(quote)
    if not parts:
        if article is not None:
            return f"{file} has no articles or paragraphs, so the quote cannot cite article {article}"
        return None if pattern.search(text) else f"not found in {file}"
    if article is None:
        return f"a quote from {file} must name its article (or paragraph)"
    spans = parts.get(article)
    if spans is None:
        return f"{file} has no article (or paragraph) {article}"
    if any(pattern.search(text, start, end) for start, end in spans):
        return None
    elsewhere = [label for label, found in parts.items() if any(pattern.search(text, a, b) for a, b in found)] if pattern.search(text) else []
    return f"not found in article {article} of {file}" + (f" but in {', '.join(elsewhere[:3])}" if elsewhere else "")


def check_quotes(termbase: Termbase, directory: str | Path | None = None) -> list[QuoteProblem]:
    """Every context quote that cannot be found verbatim in the source it cites."""
    directory = Path(directory) if directory is not None else default_glossary_dir()
    problems: list[QuoteProblem] = []
    for concept in termbase:
        for term in concept.terms:
            for context in term.contexts:
                source = termbase.sources.get(context.source)
                if source is None or source.file is None:
                    problems.append(QuoteProblem(concept.id, term.text, context.source, context.text, "the source has no document file"))
                    continue
                path = directory / SOURCES_INDEX.parent / source.file
                try:
                    text, parts = _document(path)
                except OSError:
                    problems.append(QuoteProblem(concept.id, term.text, context.source, context.text, f"cannot read {source.file}"))
                    continue
                except UnicodeDecodeError:
                    problems.append(QuoteProblem(concept.id, term.text, context.source, context.text, f"{source.file} is not UTF-8 text"))
                    continue
                reason = _problem(text, parts, context.text, context.article, source.file)
                if reason is not None:
                    problems.append(QuoteProblem(concept.id, term.text, context.source, context.text, reason))
    return problems
