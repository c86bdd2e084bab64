"""Sentences of Dutch documents as extracted from PDF, with the extraction repaired.

What the extraction leaves and what is done about it:

- running footers (`26 De Staat van Migratie 2023`, `Tweede Kamer,
  vergaderjaar 2022–2023, 36 360 VI, nr. 1`) are dropped;
- a number alone on a line is a footnote marker the first time it is seen
  (dropped) and the start of that footnote's text the second time; footnotes
  are segments of their own;
- a word split by a line break is joined again: with a hyphen that is no part
  of the word (`Schengen-` / `gebied`) the hyphen goes, and it stays where it
  belongs to the word (`EU-` / `lidstaten`, an upper-case part); without a
  hyphen (`keten` / `partners`) the parts are joined when the joined word is
  known (it stands whole in the documents or is a termbase form) or the part
  before the break is no word of its own there;
- a short line without closing punctuation between sentences is a heading;
- sentences end at `.`, `!` or `?` before a capital, a digit or an opening
  bracket, except after an abbreviation (`o.a.`, `art.`, `nr.`) or an initial.

Missing spaces of the original (`vaneen`) are kept: a segment reads as the
document does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from . import dutch
from .text import WORD

__all__ = ["Sentence", "segment", "segment_text"]

_FOOTNOTE_MARKER = re.compile(r"^\s*(\d{1,3})\s*$")
_FOOTER = re.compile(r"^(?:\d{1,4}\s+\S.*\b\d{4}|.*\bvergaderjaar\b.*\bnr\.\s*\d+)\s*$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*(\s+)(?=[\"'“‘(\[]?[A-ZÀ-Ý0-9])")
_ENUMERATOR = re.compile(r"\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]")  # 1. b. iv. at a list item's start
_ABBREVIATIONS = frozenset("""
a.s. aanv. afd. al. alg. art. artt. bijv. blz. bv. bijl. ca. cf. d.d. d.w.z. dhr. dr. drs. e.a. e.d. e.v. enz. etc.
excl. fig. hfdst. i.c. i.h.b. i.o.m. i.p.v. i.s.m. i.v.m. ibid. incl. ir. jl. jo. lid. m.b.t. m.i.v. m.n. max.
min. mln. mld. mr. mw. nr. nrs. o.a. o.b.v. o.g.v. o.i.d. p. par. pp. prof. resp. sr. st. stb. stcrt. t.a.v.
t.b.v. t.o.v. tel. vgl. vlg. vnl. vs. z.g. z.s.m. zgn.
""".split())

_ADJECTIVE_ENDINGS = ("ale", "ele", "ische", "lijke", "rijke", "ige", "ieve", "aire", "ante", "ente", "bare")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One segment of a document: a sentence, a heading or (a sentence of) a footnote."""

    text: str
    line: int  # the line of the extracted text where it starts, from 1
    kind: str = "text"  # "text", "heading" or "footnote"
    footnote: str | None = None  # the footnote's number, for a footnote

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"line": self.line, "kind": self.kind, "text": self.text}
        if self.footnote is not None:
            out["footnote"] = self.footnote
        return out


def segment_text(text: str, lexicon: Iterable[str] = ()) -> list[Sentence]:
    """The segments of one document.

    >>> [s.text for s in segment_text("De grens van het Schengen-\\ngebied o.a. in\\n22\\nNederland. Zo is het.")]
    ['De grens van het Schengengebied o.a. in Nederland.', 'Zo is het.']
    """
    return segment([("", text)], lexicon)[0][1]


def segment(documents: Iterable[tuple[str, str]], lexicon: Iterable[str] = ()) -> list[tuple[str, list[Sentence]]]:
    """The segments of each of `documents` ((name, text) pairs), in order. Words standing
    whole in any of the documents, and the (lower-case) words of `lexicon`, are the
    evidence for joining words split by a line break."""
    documents = list(documents)
    known = {word.lower() for word in lexicon}
    for _, text in documents:
        for line in text.splitlines():
            known.update(token.lower() for token in WORD.findall(line)[:-1])  # the last may be a fragment
    out = []
    for name, text in documents:
        sentences: list[Sentence] = []
        for kind, footnote, lines in _blocks(text):
            lines = _join_broken_words(lines, known, _shows_hyphenation(text))
            sentences.extend(_sentences(lines, kind, footnote))
        out.append((name, sentences))
    return out


def _blocks(text: str) -> list[tuple[str, str | None, list[tuple[int, str]]]]:
    """The text as blocks of numbered lines: the body, then each footnote; footers and
    footnote markers left out, blank lines ending a block."""
    blocks: list[tuple[str, str | None, list[tuple[int, str]]]] = []
    markers: set[str] = set()
    kind, footnote = "text", None
    current: list[tuple[int, str]] = []

    def close() -> None:
        nonlocal current
        if current:
            blocks.append((kind, footnote, current))
        current = []

    footers = _footers(text)
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        marker = _FOOTNOTE_MARKER.match(raw)
        if marker:
            if marker.group(1) in markers:  # the second time: the footnote's own text follows
                close()
                kind, footnote = "footnote", marker.group(1)
            else:
                markers.add(marker.group(1))
            continue
        if number in footers:
            continue
        if not line:
            close()
            continue
        current.append((number, " ".join(line.split())))
    close()
    return blocks


def _footers(text: str) -> set[int]:
    """The numbers of the lines that are running footers: shaped like one (a page
    number and a title with a year, a parliamentary paper's reference), and the
    last line of a page (before a form feed, or of the text) or recurring with
    other page numbers. Body text shaped like a footer is left alone."""
    lines = text.splitlines(keepends=True)
    stripped = [line.strip() for line in lines]
    candidates = [i for i, line in enumerate(stripped) if len(line) < 100 and not line.endswith(".") and _FOOTER.match(line)]
    if not candidates:
        return set()
    last = max(i for i, line in enumerate(stripped) if line)
    shapes = Counter(re.sub(r"\d+", "#", stripped[i]) for i in candidates)
    return {
        i + 1 for i in candidates
        if i == last or lines[i].endswith("\f") or (i + 1 < len(lines) and lines[i + 1].startswith("\f"))
        or shapes[re.sub(r"\d+", "#", stripped[i])] > 1
    }


def _join_broken_words(lines: list[tuple[int, str]], known: set[str], hyphenates: bool) -> list[tuple[int, str]]:
    """Words split by a line break joined onto the earlier line (with any punctuation
    that follows them). In a document that shows its hyphenation (`Schengen-` /
    `gebied`), a line break without a hyphen splits a word only where the joined
    word is known."""
    lines = list(lines)
    for index in range(len(lines) - 1):
        number, line = lines[index]
        next_number, next_line = lines[index + 1]
        tokens = WORD.findall(line)
        first = WORD.match(next_line)
        if not tokens or not first or not line.endswith(tokens[-1]):
            continue
        last, following = tokens[-1], first.group()
        chunk = next_line.split(" ", 1)[0]  # the word with its punctuation
        if last.endswith("-"):
            closed = last[:-1] + following
            keep_hyphen = last[:-1].isupper() or following[:1].isupper() or last[:-1][-1:].isdigit()
            joined = last + chunk if keep_hyphen and not _is_known(closed, known) else last[:-1] + chunk
        elif _split_word(last, following, known, hyphenates):
            joined = last + chunk
        else:
            continue
        lines[index] = (number, line[: len(line) - len(last)] + joined)
        lines[index + 1] = (next_number, next_line[len(chunk) :].lstrip())
    return [(number, line) for number, line in lines if line]


def _is_known(word: str, known: set[str]) -> bool:
    lower = word.lower()
    return lower in known or any(lemma in known for lemma in dutch.lemma_candidates(lower))


def _shows_hyphenation(text: str) -> bool:
    """Whether the extraction kept the hyphens of words split at a line end."""
    return re.search(r"[a-zà-ÿ]-[ \t]*\n[ \t]*[a-zà-ÿ]", text) is not None


def _split_word(last: str, following: str, known: set[str], hyphenates: bool) -> bool:
    """Whether `last` at a line end and `following` at the start of the next are one
    word split without a hyphen (`keten` / `partners`)."""
    if not following[:1].islower() or not last[-1:].isalpha() or len(last) < 3:
        return False
    lower, after = last.lower(), following.lower()
    if lower in dutch.FUNCTION_WORDS or after in dutch.FUNCTION_WORDS or lower.startswith(("hier", "daar", "waar")):
        return False
    if _is_known(last + following, known):
        return True
    if hyphenates:
        return False
    # words of their own: an inflected adjective (de nationale / processen), a verb
    # after a noun (uit beeld / verdwijnen)
    if lower.endswith(_ADJECTIVE_ENDINGS) or re.fullmatch(r"(?:ver|be|ont|her|ge)\w{3,}en", after):
        return False
    return lower not in known


def _sentences(lines: list[tuple[int, str]], kind: str, footnote: str | None) -> list[Sentence]:
    out: list[Sentence] = []
    paragraph: list[tuple[int, str]] = []

    def flush() -> None:
        if paragraph:
            out.extend(_split(paragraph, kind, footnote))
            paragraph.clear()

    for index, (number, line) in enumerate(lines):
        before = paragraph[-1][1] if paragraph else (lines[index - 1][1] if index else "")
        after = lines[index + 1][1] if index + 1 < len(lines) else ""
        if kind == "text" and _is_heading(line, before, after):
            flush()
            out.append(Sentence(line, number, "heading"))
            continue
        paragraph.append((number, line))
    flush()
    return out


def _is_heading(line: str, before: str, after: str) -> bool:
    return (
        len(line) < 70 and len(line.split()) <= 9 and line[:1].isupper() and line[-1:] not in ".,;:!?-"
        and (not before or before[-1:] in ".!?:") and (not after or after[:1].isupper())
    )


def _split(paragraph: list[tuple[int, str]], kind: str, footnote: str | None) -> list[Sentence]:
    """A paragraph's sentences, each with the line it starts on."""
    text = ""
    starts: list[tuple[int, int]] = []  # (offset in text, line number)
    for number, line in paragraph:
        if text:
            text += " "
        starts.append((len(text), number))
        text += line
    out = []
    begin = 0
    for match in _SENTENCE_BREAK.finditer(text):
        head = text[begin : match.start(1)]
        if _ends_with_abbreviation(head) or _ENUMERATOR.fullmatch(head):
            continue
        out.append((begin, head))
        begin = match.end()
    out.append((begin, text[begin:].strip()))
    return [
        Sentence(sentence, max(number for offset, number in starts if offset <= begin), kind, footnote)
        for begin, sentence in out if sentence
    ]


def _ends_with_abbreviation(text: str) -> bool:
    last = text.rsplit(None, 1)[-1].lstrip("([\"'“‘") if text.strip() else ""
    if last.endswith(("\"", "'", "”", "’", ")")):
        return False
    return last.lower() in _ABBREVIATIONS or bool(re.fullmatch(r"[A-Z]\.(?:[A-Z]\.)*", last))
