"""The source documents, and the check that every context quote is verbatim.

The documents are kept exactly as extracted from PDF. A quote is written as a
reader sees the text, with the extraction's artefacts repaired, so the check
allows for those artefacts and nothing else: a line break may stand for a
space, may split a word (with or without a hyphen that is not part of it),
and may be followed by a footnote marker alone on a line.
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
def _document(path: Path) -> str:
    return path.read_text(encoding="utf-8")


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
                    text = _document(path)
                except OSError:
                    problems.append(QuoteProblem(concept.id, term.text, context.source, context.text, f"cannot read {source.file}"))
                    continue
                if not quote_pattern(context.text).search(text):
                    problems.append(QuoteProblem(concept.id, term.text, context.source, context.text, f"not found in {source.file}"))
    return problems
