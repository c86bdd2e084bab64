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

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import dutch
from .errors import MigtermError
from .text import WORD

__all__ = ["Lines", "Sentence", "Segmenter", "file_lines", "segment", "segment_text", "text_lines"]

# A document as its lines, each with its line break (as `str.splitlines(keepends=True)`
# gives them), pieces of lines allowed; callable again for each pass over the document.
Lines = Callable[[], Iterable[str]]

# Memory is bounded by these, not by the size of a document or its longest line:
_LINE = 1 << 18  # characters: a longer line is read as pieces cut at a white space
_SENTENCE = 10_000  # characters: a longer sentence (the longest of the acts has 937) is cut at a space
_SCAN = 2 * _SENTENCE  # characters of a paragraph read before the sentences it has complete are given out
_KNOWN = 1_000_000  # distinct words kept as evidence for joins (the acts and policy rules together have 6,000)
_SHAPES = 100_000  # distinct footer shapes counted
_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")  # what `str.splitlines` ends a line at

_FOOTNOTE_MARKER = re.compile(r"^\s*(\d{1,3})\s*$")
_FOOTER = re.compile(r"^(?:\d{1,4}\s+\S.*\b\d{4}|.*\bvergaderjaar\b.*\bnr\.\s*\d+)\s*$")
_HYPHEN_AT_END = re.compile(r"[a-zà-ÿ]-[ \t]*\n\Z")
_LOWER_AT_START = re.compile(r"[ \t]*[a-zà-ÿ]")
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


def text_lines(text: str) -> Lines:
    """The lines of a text in memory."""
    return lambda: text.splitlines(keepends=True)


def file_lines(path: Path) -> Lines:
    """The lines of a UTF-8 text file (a byte-order mark allowed), read as a stream in
    pieces of at most `_LINE` characters, however long its lines."""

    def lines() -> Iterator[str]:
        try:
            with path.open(encoding="utf-8-sig") as handle:
                while piece := handle.readline(_LINE):
                    yield piece
        except OSError as error:
            raise MigtermError(f"cannot read: {error.strerror}", path=path) from None
        except UnicodeDecodeError:
            raise MigtermError("not UTF-8 text", path=path, line=_undecodable_line(path)) from None

    return lines


def _undecodable_line(path: Path) -> int | None:
    try:
        with path.open("rb") as handle:
            for number, line in enumerate(handle, start=1):
                try:
                    line.decode("utf-8")
                except UnicodeDecodeError as error:
                    if error.reason != "unexpected end of data":  # a character cut by a long line's piece
                        return number
    except OSError:
        pass
    return None


def _numbered(lines: Lines) -> Iterator[tuple[int, str, bool]]:
    """(number from 1, text, whether the line ends there) for each line, a line longer
    than `_LINE` given as pieces cut after a white space (numbered as that line)."""
    number, pending = 1, ""
    for piece in lines():
        parts = piece.splitlines(keepends=True)
        for index, part in enumerate(parts):
            pending += part
            if pending[-1] in _BREAKS and not (pending[-1] == "\r" and index == len(parts) - 1):  # a \r\n may be cut
                yield number, pending, True
                number, pending = number + 1, ""
            while len(pending) >= _LINE:
                cut = max(pending.rfind(" ", 0, _LINE), pending.rfind("\t", 0, _LINE)) + 1 or _LINE
                yield number, pending[:cut], False
                pending = pending[cut:]
    if pending:
        yield number, pending, True


@dataclass
class _Survey:
    """What the first pass over a document learns: the shapes of footer-like lines and
    how often each recurs, its last line with text, and whether it keeps hyphens."""

    shapes: Counter[str] = field(default_factory=Counter)
    last: int = 0
    hyphenates: bool = False


def _footer_shape(stripped: str) -> str | None:
    if len(stripped) < 100 and not stripped.endswith(".") and _FOOTER.match(stripped):
        return re.sub(r"\d+", "#", stripped)
    return None


class Segmenter:
    """The segments of documents ((name, lines) pairs), read twice as a stream: the
    first pass collects the evidence (words standing whole in any of the documents,
    and the lower-case words of `lexicon`, for joining words split by a line break;
    each document's footers), the second yields the sentences."""

    def __init__(self, documents: Iterable[tuple[str, Lines]], lexicon: Iterable[str] = ()) -> None:
        self.documents = list(documents)
        self.known = {word.lower() for word in lexicon}
        self._surveys = [self._survey(lines) for _, lines in self.documents]

    def _survey(self, lines: Lines) -> _Survey:
        survey = _Survey()
        before = ""
        for number, raw, ends in _numbered(lines):
            if len(self.known) < _KNOWN:
                self.known.update(token.lower() for token in WORD.findall(raw)[:-1])  # the last may be a fragment
            stripped = raw.strip()
            if stripped:
                survey.last = number
                shape = _footer_shape(stripped)
                if shape is not None and (shape in survey.shapes or len(survey.shapes) < _SHAPES):
                    survey.shapes[shape] += 1
            if not survey.hyphenates and _HYPHEN_AT_END.search(before) and _LOWER_AT_START.match(raw):
                survey.hyphenates = True
            before = raw if ends else ""
        return survey

    def __iter__(self) -> Iterator[tuple[str, Iterator[Sentence]]]:
        """Each document's name and its sentences, read when asked for."""
        for (name, lines), survey in zip(self.documents, self._surveys, strict=True):
            yield name, self._sentences(lines, survey)

    def _sentences(self, lines: Lines, survey: _Survey) -> Iterator[Sentence]:
        blocks = _blocks(_numbered(lines), survey)
        return _sentences(_join_broken_words(blocks, self.known, survey.hyphenates))


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
    return [(name, list(sentences)) for name, sentences in Segmenter([(name, text_lines(text)) for name, text in documents], lexicon)]


# A document as a stream of its body's and footnotes' lines: (kind, footnote, line number,
# text, whether the line ends there), None where a block ends.
_Line = tuple[str, "str | None", int, str, bool]


def _blocks(numbered: Iterator[tuple[int, str, bool]], survey: _Survey) -> Iterator[_Line | None]:
    """The lines of the body, then of each footnote; footers and footnote markers left
    out, blank lines ending a block. A footer is a line shaped like one (a page number
    and a title with a year, a parliamentary paper's reference) that is the last line
    of a page (before a form feed, or of the text) or recurs with other page numbers.
    Body text shaped like a footer is left alone."""
    markers: set[str] = set()
    kind, footnote = "text", None
    open_ = False
    following = next(numbered, None)
    while following is not None:
        number, raw, ends = following
        following = next(numbered, None)
        marker = _FOOTNOTE_MARKER.match(raw)
        if marker:
            if marker.group(1) in markers:  # the second time: the footnote's own text follows
                if open_:
                    yield None
                open_, kind, footnote = False, "footnote", marker.group(1)
            else:
                markers.add(marker.group(1))
            continue
        line = raw.strip()
        shape = _footer_shape(line) if line else None
        if shape is not None and (
            number == survey.last or raw.endswith("\f") or (following is not None and following[1].startswith("\f"))
            or survey.shapes[shape] > 1
        ):
            continue
        if not line:
            if open_:
                yield None
            open_ = False
            continue
        open_ = True
        yield kind, footnote, number, " ".join(line.split()), ends
    if open_:
        yield None


def _join_broken_words(lines: Iterator[_Line | None], known: set[str], hyphenates: bool) -> Iterator[_Line | None]:
    """Words split by a line break joined onto the earlier line (with any punctuation
    that follows them). In a document that shows its hyphenation (`Schengen-` /
    `gebied`), a line break without a hyphen splits a word only where the joined
    word is known. A line emptied by a join is left out."""
    current: _Line | None = None
    for item in lines:
        if item is None:
            if current is not None and current[3]:
                yield current
            current = None
            yield None
            continue
        if current is not None:
            current, item = _join(current, item, known, hyphenates)
            if current[3]:
                yield current
        current = item
    if current is not None and current[3]:
        yield current


def _join(current: _Line, following: _Line, known: set[str], hyphenates: bool) -> tuple[_Line, _Line]:
    line, next_line = current[3], following[3]
    tokens = WORD.findall(line)
    first = WORD.match(next_line)
    if not current[4] or not tokens or not first or not line.endswith(tokens[-1]):
        return current, following
    last, word = tokens[-1], first.group()
    chunk = next_line.split(" ", 1)[0]  # the word with its punctuation
    if last.endswith("-"):
        closed = last[:-1] + word
        keep_hyphen = last[:-1].isupper() or word[:1].isupper() or last[:-1][-1:].isdigit()
        joined = last + chunk if keep_hyphen and not _is_known(closed, known) else last[:-1] + chunk
    elif _split_word(last, word, known, hyphenates):
        joined = last + chunk
    else:
        return current, following
    kind, footnote, number, _, ends = current
    return (kind, footnote, number, line[: len(line) - len(last)] + joined, ends), (*following[:3], next_line[len(chunk):].lstrip(), following[4])


def _is_known(word: str, known: set[str]) -> bool:
    lower = word.lower()
    return lower in known or any(lemma in known for lemma in dutch.lemma_candidates(lower))


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


def _sentences(lines: Iterator[_Line | None]) -> Iterator[Sentence]:
    """The sentences of the blocks' lines: a short line without closing punctuation
    between sentences is a heading; the others are paragraphs, split into sentences."""
    paragraph = _Paragraph()
    held: _Line | None = None  # a line waiting for the one after it
    before = ""  # the line of the block before `held`
    for item in lines:
        if held is not None:
            kind, footnote, number, line, _ = held
            if kind == "text" and _is_heading(line, before, item[3] if item is not None else ""):
                yield from paragraph.flush()
                yield Sentence(line, number, "heading")
            else:
                yield from paragraph.add(number, line, kind, footnote)
            before = line
        held = item
        if item is None:
            yield from paragraph.flush()
            before = ""


def _is_heading(line: str, before: str, after: str) -> bool:
    return (
        len(line) < 70 and len(line.split()) <= 9 and line[:1].isupper() and line[-1:] not in ".,;:!?-"
        and (not before or before[-1:] in ".!?:") and (not after or after[:1].isupper())
    )


class _Paragraph:
    """The lines of a paragraph, given out as sentences, each with the line it starts on,
    as soon as the text after them has been read; a sentence longer than `_SENTENCE`
    characters is cut at a space."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.offsets: list[int] = []  # where each line starts in the text
        self.numbers: list[int] = []  # and its number
        self.size = 0
        self.kind: str = "text"
        self.footnote: str | None = None

    def add(self, number: int, line: str, kind: str, footnote: str | None) -> Iterator[Sentence]:
        if not self.lines:
            self.kind, self.footnote = kind, footnote
        offset = self.size + 1 if self.lines else 0
        self.lines.append(line)
        self.offsets.append(offset)
        self.numbers.append(number)
        self.size = offset + len(line)
        if self.size > _SCAN:
            yield from self._split(final=False)

    def flush(self) -> Iterator[Sentence]:
        if self.lines:
            yield from self._split(final=True)
        self.lines, self.offsets, self.numbers, self.size = [], [], [], 0

    def _split(self, final: bool) -> Iterator[Sentence]:
        text = " ".join(self.lines)
        begin = 0
        for match in _SENTENCE_BREAK.finditer(text):
            head = text[begin : match.start(1)]
            if _ends_with_abbreviation(head) or _ENUMERATOR.fullmatch(head):
                continue
            yield from self._sentences(begin, head)
            begin = match.end()
        rest = text[begin:]
        if final:
            yield from self._sentences(begin, rest.strip())
            return
        while len(rest) > _SENTENCE:
            cut = rest.rfind(" ", 0, _SENTENCE) + 1 or _SENTENCE
            yield from self._sentences(begin, rest[:cut].rstrip())
            begin, rest = begin + cut, rest[cut:]
        first = bisect.bisect_right(self.offsets, begin)
        self.numbers = [self.numbers[first - 1], *self.numbers[first:]]
        self.offsets = [0, *(offset - begin for offset in self.offsets[first:])]
        self.lines, self.size = [rest], len(rest)

    def _sentences(self, begin: int, text: str) -> Iterator[Sentence]:
        while len(text) > _SENTENCE:
            cut = text.rfind(" ", 0, _SENTENCE) + 1 or _SENTENCE
            yield Sentence(text[:cut].rstrip(), self._line_at(begin), self.kind, self.footnote)
            begin, text = begin + cut, text[cut:]
        if text:
            yield Sentence(text, self._line_at(begin), self.kind, self.footnote)

    def _line_at(self, offset: int) -> int:
        return self.numbers[bisect.bisect_right(self.offsets, offset) - 1]


def _ends_with_abbreviation(text: str) -> bool:
    last = text.rsplit(None, 1)[-1].lstrip("([\"'“‘") if text.strip() else ""
    if last.endswith(("\"", "'", "”", "’", ")")):
        return False
    return last.lower() in _ABBREVIATIONS or bool(re.fullmatch(r"[A-Z]\.(?:[A-Z]\.)*", last))
