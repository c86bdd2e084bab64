"""Finding the termbase's terms in running Dutch text.

The text is read as words (hyphenated words split into their parts, the way
the termbase's keys are), and at each word the longest term that matches wins
(`Europese Grens- en Kustwacht` before `grens`). A word may also be read
together with the next one where a PDF line break split it (`Schengen-` /
`gebied`, `asiel` / `zoekers`), or as the closed spelling of a hyphenated word;
the last word of a term may be inflected. A word that is no term but contains
one (`terugkeerbeleid`) is reported as a compound hit with its known part.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from itertools import repeat
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from . import dutch, english
from .model import Concept, Term
from .termbase import Termbase
from .text import INVISIBLE, WORD, normalise

__all__ = ["Hit", "Recogniser", "scan", "matches_as_written"]

_GAP_AND_TOKEN = re.compile(r"([^\w&]*)(" + WORD.pattern + ")")
_FOOTNOTE_LINE = re.compile(r"^[ \t]*\d{1,3}[ \t]*$", re.MULTILINE)


def matches_as_written(term: Term) -> bool:
    """A one-word abbreviation is matched only as written (OM, not the word om); a
    short form of several words (richtlijn tijdelijke bescherming) in any case."""
    return " " not in term.text and (term.term_type.is_abbreviated or (term.text.isupper() and len(term.text) <= 6))


@dataclass(frozen=True, slots=True)
class Hit:
    """One occurrence of a termbase term (or of a compound containing one) in a text."""

    start: int  # character offsets in the text
    end: int
    line: int
    column: int
    surface: str
    concept: Concept
    term: Term
    kind: str  # "term", "nested" (a shorter term inside a longer hit) or "compound"
    english: str | None = None  # the concept's preferred English term
    part: str | None = None  # for a compound: the known part, as it stands in the word
    suggestion: str | None = None  # for a compound: a compositional English rendering, unapproved

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "line": self.line, "column": self.column, "surface": self.surface, "kind": self.kind,
            "concept": self.concept.id, "term": self.term.text, "english": self.english,
        }
        if self.kind == "compound":
            out["known_part"] = self.part
            out["suggestion"] = self.suggestion
        return out


# A word of a scanned text is a plain tuple, for speed (a text has millions):
# (normalised key, line, start and end offsets in the text, which token of the text,
#  last word of its line, its token ends with a hyphen).
_Word = tuple[str, int, int, int, int, bool, bool]
# A term to look for: its words' keys, its concept's id, and its position among the concept's terms.
_Candidate = tuple[tuple[str, ...], str, int]
_KEY: Final = 0
_LINE: Final = 1
_START: Final = 2
_END: Final = 3
_TOKEN_NO: Final = 4
_LINE_END: Final = 5
_HYPHEN_END: Final = 6


_SPLIT = re.compile(r"([-'’])")
_ENDINGS = ("eren", "ies", "en", "es", "e", "n", "s")  # what an inflection adds (Dutch, English)
_PIECE = re.compile(r"[\w&]+")
_JOINED = re.compile(r"(?<![\w&])[\w&]+(?:[-'’][\w&]+)+")  # anchored at a word's start: linear, not quadratic
_UNKNOWN = object()
# Shared by the memories for the many words that have none, and never changed: an empty
# set or list of each word's own would be most of what the memories hold
_NONE: frozenset[str] = frozenset()
_NOTHING: list[Any] = []


# Dutch heads common in migration compounds that are not terms themselves, for
# compositional suggestions only (never shown as approved terms).
_HEADS = {
    "beleid": "policy", "centrum": "centre", "missie": "mission", "proces": "process", "procedure": "procedure",
    "besluit": "decision", "systeem": "system", "organisatie": "organisation", "vergunning": "permit",
    "maatregel": "measure", "locatie": "location", "partner": "partner", "cijfers": "figures", "aanpak": "approach",
    "samenwerking": "cooperation", "bewaking": "surveillance", "controle": "check", "beheer": "management",
    "verplichting": "obligation", "verbod": "ban",
}


# Unstressed Dutch prefixes, which make a derived word, not a compound: `verlening` (and
# `visumverlening`) is no kind of `lening`, `ontheffing` no kind of `heffing`.
_PREFIXES = ("ver", "ont", "her", "mis")


# How many words each of the recogniser's memories keeps: enough for the vocabulary of a
# large text, and few enough that memory does not grow with the text.
_REMEMBERED = 60_000

_K = TypeVar("_K")
_V = TypeVar("_V")


def _remember(memory: dict[_K, _V], key: _K, value: _V) -> _V:
    """`value`, kept in `memory` under `key` while the memory has room (`_REMEMBERED`)."""
    if len(memory) < _REMEMBERED:
        memory[key] = value
    return value


class Recogniser:
    """The termbase's terms in one language, indexed for scanning text."""

    def __init__(self, termbase: Termbase, lang: str = "nl") -> None:
        self.lang = lang
        # token -> (normalised key, whether a term may start with it), for the words of the texts scanned
        self._keys: dict[str, tuple[str, bool]] = {}
        self._inflected: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
        self._lemmatise = english.lemma_candidates if lang.lower().startswith("en") else dutch.lemma_candidates
        self._compounding = lang.lower().startswith("nl")  # closed compounds are Dutch
        self._function_words = english.FUNCTION_WORDS if lang.lower().startswith("en") else dutch.FUNCTION_WORDS
        self._compounds: dict[str, tuple[str, str, int, int] | None] = {}
        self._lemmas: dict[str, list[str]] = {}
        self._termbase = termbase
        # What the recogniser has looked up in the termbase, for the words of the texts scanned:
        # first word -> (words, concept id, term position), longest first (concepts are built
        # only for hits); the same split by a term's second word, for the usual case of two
        # plain words in a row; a one-word term's concept and position
        self._by_first: dict[str, list[_Candidate]] = {}
        self._by_second: dict[str, tuple[list[tuple[int, _Candidate]], dict[str, list[tuple[int, _Candidate]]]]] = {}
        self._single: dict[str, tuple[str, int]] = {}
        self._one_word = termbase.one_word_keys(lang)
        self._english_cache: dict[str, str | None] = {}  # by Dutch key
        self._english_by_concept: dict[str, str | None] = {}
        self._quick: dict[str, tuple[str, int, frozenset[str]] | object | None] = {}  # by word as written
        self._closed: dict[str, frozenset[str]] = {}  # a hyphenated word read closed: its key and lemmas
        self._longest_first, self._digit_starts = termbase.first_words(lang)
        # A word much longer than any term's word is none and holds none: it is passed over
        # unremembered, so that a 10 MB "word" costs its length, not its square
        self._longest_word = max(64, 2 * self._longest_first)

    def _starts(self, word: str, remember: bool = True) -> list[_Candidate]:
        """The terms whose first word is `word`, longest first; where concepts share the words,
        the one lookup names first among equals (by id), and a concept's own terms in their
        order, whatever order the index gives them in. Words read joined (over a line
        break or a hyphen), which are many, are not remembered."""
        found = self._by_first.get(word)
        if found is None:
            number = word.isdigit()
            found = _NOTHING
            if len(word) <= self._longest_first and (self._digit_starts or not number):
                found = sorted(self._termbase.starting(word, self.lang), key=lambda c: (-len(c[0]), c[1], c[2])) or _NOTHING
            if remember and not number:  # numbers vary without end: not worth remembering
                _remember(self._by_first, word, found)
        return found

    def _seconds(self, word: str) -> tuple[list[tuple[int, _Candidate]], dict[str, list[tuple[int, _Candidate]]]]:
        """`_starts`, split: its one-word terms, and its longer terms by their second word, each
        with its place among all."""
        found = self._by_second.get(word)
        if found is None:
            singles: list[tuple[int, _Candidate]] = []
            seconds: dict[str, list[tuple[int, _Candidate]]] = {}
            for index, candidate in enumerate(self._starts(word)):
                if len(candidate[0]) == 1:
                    singles.append((index, candidate))
                else:
                    seconds.setdefault(candidate[0][1], []).append((index, candidate))
            found = _remember(self._by_second, word, (singles, seconds))
        return found

    def _single_of(self, key: str) -> tuple[str, int] | None:
        """The concept and position of the one-word term `key` (of four letters or more), if there is one."""
        if key not in self._one_word:
            return None  # (the parts a compound is tried for are many, and most are none)
        found = self._single.get(key)
        if found is None:
            found = min((c, p) for words, c, p in self._starts(key) if len(words) == 1)
            _remember(self._single, key, found)
        return found

    def _term(self, concept_id: str, position: int) -> tuple[Concept, Term]:
        concept = self._termbase[concept_id]
        return concept, concept.terms[position]

    def _english(self, key: str) -> str | None:
        """The preferred English of the single-word term `key`, if there is one."""
        if key in self._english_cache:
            return self._english_cache[key]
        found = self._single_of(key)
        english = self._term(*found)[0].preferred("en") if found else None
        return _remember(self._english_cache, key, english.text if english else None)

    # -- words -------------------------------------------------------------------------

    def _words(self, text: str) -> tuple[list[_Word], list[int]]:
        """The words of a text with their offsets, worked out from the lengths of the
        tokens and of the gaps between them (one `findall`, which is fast); and which
        of them may start a hit (a term's first word, a word that may be joined with
        another, a word long enough to be a compound that is not known to be none)."""
        keys = self._keys
        compounds = self._compounds
        compounding = self._compounding
        words: list[_Word] = []
        append = words.append
        starts: list[int] = []
        mark = starts.append
        pairs = _GAP_AND_TOKEN.findall(text)
        last = len(pairs) - 1
        position = line = 0
        for number, (gap, token) in enumerate(pairs):
            if "\n" in gap:
                line += gap.count("\n")
            start = position + len(gap)
            position = start + len(token)
            line_end = number == last or "\n" in pairs[number + 1][0]
            if "-" not in token and "'" not in token and "’" not in token:  # the usual case: one word
                key, known = keys.get(token) or self._entry(token)
                if key:
                    if known or line_end or (compounding and len(key) >= 7 and compounds.get(key, 0) is not None):
                        mark(len(words))
                    append((key, line, start, position, number, line_end, False))
                continue
            pieces = []
            for piece in _SPLIT.split(token):
                key = normalise(piece) if piece and piece not in "-'’" else ""
                if key:
                    pieces.append((key, start, start + len(piece)))
                start += len(piece)
            for index, (key, begin, end) in enumerate(pieces):
                end_of_token = index == len(pieces) - 1
                mark(len(words))
                append((key, line, begin, end, number, line_end and end_of_token, end_of_token and token.endswith("-")))
        return words, starts

    # -- matching --------------------------------------------------------------------------

    def _units(self, words: list[_Word], i: int) -> Iterator[tuple[str, int]]:
        """What may be read at word i: (key, index after it). The word itself; the closed
        spelling of its hyphenated token; the word joined with the next across a line break."""
        yield words[i][_KEY], i + 1
        if not words[i][_LINE_END] and (i + 1 >= len(words) or words[i + 1][_TOKEN_NO] != words[i][_TOKEN_NO]):
            return  # a plain word: nothing more to read here
        j = i
        while j + 1 < len(words) and words[j + 1][_TOKEN_NO] == words[i][_TOKEN_NO]:
            j += 1
        if j > i and (i == 0 or words[i - 1][_TOKEN_NO] != words[i][_TOKEN_NO]):
            yield "".join(w[_KEY] for w in words[i : j + 1]), j + 1
        if words[i][_LINE_END] and i + 1 < len(words) and words[i + 1][_KEY] not in self._function_words:
            yield words[i][_KEY] + words[i + 1][_KEY], i + 2  # (`asiel` / `zoekers`, not `grens` / `en`)

    def _match(self, words: list[_Word], i: int, pattern: tuple[str, ...]) -> int | None:
        """The index after a match of `pattern` starting at word i, or None. A plain word
        (no line end after it, not part of a hyphenated token) can be read only as
        itself, so it is compared at once; the other readings go through `_units`."""
        count = len(words)
        for index, want in enumerate(pattern):
            if i >= count:
                return None
            word = words[i]
            if word[_LINE_END] or (i + 1 < count and words[i + 1][_TOKEN_NO] == word[_TOKEN_NO]):
                return self._match_units(words, i, pattern[index:])
            if word[_KEY] != want and not (index == len(pattern) - 1 and want in self._lemma_candidates(word[_KEY])):
                return None
            i += 1
        return i

    def _match_units(self, words: list[_Word], i: int, pattern: tuple[str, ...]) -> int | None:
        """`_match` where word i may be read in more than one way."""
        if not pattern:
            return i
        if i >= len(words):
            return None
        for key, after in self._units(words, i):
            last = len(pattern) == 1
            if key == pattern[0] or (last and pattern[0] in self._lemma_candidates(key)):
                end = self._match(words, after, pattern[1:])
                if end is not None:
                    return end
            # a term word may be split over units too (`keten` / `partners` read as one word)
        return None

    def _compound(self, word: str) -> tuple[str, str, int, int] | None:
        """A known term inside a longer word: (known key, unknown rest, start, end of known part)."""
        if word in self._compounds:
            return self._compounds[word]
        if len(word) > self._longest_word:
            return None
        return _remember(self._compounds, word, self._find_compound(word))

    def _lemma_candidates(self, key: str) -> list[str]:
        found = self._lemmas.get(key)
        if found is None:
            if len(key) > self._longest_word or key.isdigit():
                return []  # (a number has no lemma, and numbers are many)
            found = _remember(self._lemmas, key, self._lemmatise(key) or _NOTHING)
        return found

    def _inflected_candidates(self, key: str) -> list[tuple[tuple[str, ...], str, int]]:
        """One-word terms of which `key` may be an inflected form the termbase does not record."""
        found = self._inflected.get(key)
        if found is None:
            if key.isdigit():
                return []  # (as above)
            found = _remember(self._inflected, key, [c for lemma in self._lemma_candidates(key) for c in self._starts(lemma) if len(c[0]) == 1] or _NOTHING)
        return found

    def _find_compound(self, word: str) -> tuple[str, str, int, int] | None:
        best = None
        for k in range(3, len(word) - 2):
            left, right = word[:k], word[k:]
            for stem, link in ((left, ""), *((left[: -len(s)], s) for s in ("s", "e", "en") if left.endswith(s))):
                if len(right) >= 3 and self._single_of(stem) is not None:
                    candidate = (stem, right, 0, len(stem))
                    # the longest known part; for the same part, the split whose rest is a known word
                    if best is None or len(stem) > len(best[0]) or (len(stem) == len(best[0]) and right in _HEADS and best[1] not in _HEADS):
                        best = candidate
            for head in (right, *self._lemma_candidates(right)):
                if len(left) >= 3 and not left.endswith(_PREFIXES) and self._single_of(head) is not None:
                    candidate = (head, left, k, len(word))
                    if best is None or len(head) > len(best[0]):
                        best = candidate
        return best

    def _suggest(self, known: str, rest: str, known_first: bool) -> str | None:
        rest_key = rest[:-1] if rest.endswith("s") and (rest[:-1] in _HEADS or self._single_of(rest[:-1]) is not None) else rest
        rest_en = self._english(rest_key) or _HEADS.get(rest_key) or next((_HEADS[c] for c in dutch.lemma_candidates(rest) if c in _HEADS), None)
        known_en = self._english(known)
        if not rest_en or not known_en:
            return None
        return f"{known_en} {rest_en}" if known_first else f"{rest_en} {known_en}"

    def _longest(self, text: str, words: list[_Word], i: int, limit: int, skip: str | None = None) -> tuple[int, Concept, Term] | None:
        """The longest term starting at word i and ending by word `limit`."""
        best: tuple[int, Concept, Term] | None = None
        key = words[i][_KEY]
        for pattern, concept_id, position in [*self._starting(words, i, key), *self._inflected_candidates(key), *self._joined_candidates(words, i)]:
            if concept_id == skip:
                continue
            end = self._match(words, i, pattern)
            if end is None or end > limit or (best is not None and end <= best[0]):
                continue
            concept, term = self._term(concept_id, position)
            if matches_as_written(term) and not self._as_written(text[words[i][_START] : words[end - 1][_END]], (term.text, *term.inflected_forms)):
                continue
            best = (end, concept, term)
        elliptic = self._elliptic(words, i)
        if elliptic is not None and elliptic[0] <= limit and elliptic[1].id != skip and (best is None or elliptic[0] > best[0]):
            best = elliptic
        return best

    def _starting(self, words: list[_Word], i: int, key: str) -> list[_Candidate]:
        """The terms whose first word is `key` that may match at word i. Where word i and
        the next are plain words, each read only as itself, a longer term must go on with
        the next word (or, as its last word, with a lemma of it): the others are left out
        before `_match` is asked, in their order."""
        candidates = self._starts(key)
        if not candidates:
            return []
        count = len(words)
        j = i + 1
        plain = (not words[i][_LINE_END] and (j >= count or words[j][_TOKEN_NO] != words[i][_TOKEN_NO])
                 and (j >= count or (not words[j][_LINE_END] and (j + 1 >= count or words[j + 1][_TOKEN_NO] != words[j][_TOKEN_NO]))))
        if not plain:
            return candidates
        return self._followed_by(key, words[j][_KEY] if j < count else None)

    def _followed_by(self, key: str, after: str | None) -> list[_Candidate]:
        """The terms starting with the plain word `key` that may go on with the plain word
        `after` (None: no word follows), in their order: the one-word terms, and the longer
        ones whose second word is `after` (or, as their last word, a lemma of it)."""
        singles, seconds = self._seconds(key)
        if after is None or not seconds:
            return [candidate for _, candidate in singles]
        chosen = [*singles, *seconds.get(after, ())]
        for lemma in self._lemma_candidates(after):
            chosen.extend(item for item in seconds.get(lemma, ()) if len(item[1][0]) == 2)
        if len(chosen) > len(singles):
            chosen.sort(key=lambda item: item[0])
        return [candidate for _, candidate in chosen]

    def _inflected_by_join(self, key: str, joined: str) -> bool:
        """Whether a word joined with the next one is an inflected form of the word's own
        term (`lidstat` / `en`): only an ending can follow, and the joined words, which
        are many, are not remembered."""
        after = joined[len(key):]
        if len(after) > 4 or not (any(ending.endswith(after) for ending in _ENDINGS) or (after[:1] == key[-1:] and after[1:] in _ENDINGS)):
            return False
        return not self._firsts(key).isdisjoint(self._lemmatise(joined))

    def _firsts(self, key: str) -> set[str]:
        """The first words of the one-word terms a word may be (itself, or its lemma)."""
        return {key, *(pattern[0] for pattern, _, _ in self._inflected_candidates(key))}

    def _elliptic(self, words: list[_Word], i: int) -> tuple[int, Concept, Term] | None:
        """`migratieherkomst- en transitlanden`: the first word completed with the head of the last."""
        if not (words[i][_HYPHEN_END] and i + 2 < len(words) and words[i + 1][_KEY] in ("en", "of")):
            return None
        last = words[i + 2][_KEY]
        for cut in range(1, len(last) - 2):
            for pattern, concept_id, position in self._starts(words[i][_KEY] + last[cut:], remember=False):
                if len(pattern) == 1:
                    return (i + 3, *self._term(concept_id, position))
        return None

    def scan(self, text: str, *, nested: bool = False) -> list[Hit]:
        """Every hit in `text`, in order; overlapping terms resolved longest first. With
        `nested`, the shorter terms inside a longer hit are reported too."""
        if INVISIBLE.search(text):
            return self._scan_invisible(text, nested)
        return self._scan(text, nested, plain=False)  # type: ignore[return-value]

    def _scan(self, text: str, nested: bool, plain: bool) -> list[Hit] | list[tuple[Concept, Term, str]]:
        """`scan`; or, `plain`, its term hits only, as (concept, term, surface), without
        working out their place, their English or the compounds."""
        text = _FOOTNOTE_LINE.sub(lambda m: " " * len(m.group()), text)  # same length: offsets and lines hold
        words, starts = self._words(text)
        hits: list[Any] = []
        free = 0  # the first word not taken by a hit
        by_first = self._by_first
        quick = self._quick
        compounds = self._compounds
        count = len(words)
        for i in starts:
            if i < free:
                continue
            word = words[i]
            key = word[_KEY]
            # only a word that starts a term, or may join the next one, can start a hit
            whole = not (word[_HYPHEN_END] or (i + 1 < count and words[i + 1][_TOKEN_NO] == word[_TOKEN_NO]))
            known = bool(by_first[key] if key in by_first else self._starts(key)) or bool(self._inflected_candidates(key))
            if known or not whole or word[_LINE_END]:
                direct = None
                if whole and not nested and known:
                    piece = text[word[_START] : word[_END]]
                    info = quick[piece] if piece in quick else self._word_info(piece)
                    if isinstance(info, tuple):
                        direct = info
                if direct is not None and i + 1 < count and (direct[2] or word[_LINE_END]):
                    # might a longer term go on with the next word, or the word be joined with it?
                    after = words[i + 1]
                    joined = key + after[_KEY]
                    if (after[_LINE_END] or after[_HYPHEN_END] or (i + 2 < count and words[i + 2][_TOKEN_NO] == after[_TOKEN_NO])
                            or after[_KEY] in direct[2] or not direct[2].isdisjoint(self._lemma_candidates(after[_KEY]))
                            or (word[_LINE_END] and after[_KEY] not in self._function_words
                                and (self._starts(joined, remember=False) or self._inflected_by_join(key, joined)))):
                        direct = None
                if direct is not None and direct[0] is None:
                    continue  # it starts only longer terms, and the next word goes on with none
                if direct is not None:
                    start, end = word[_START], word[_END]
                    concept, term = self._term(direct[0], direct[1])
                    hits.append((concept, term, text[start:end]) if plain else
                                Hit(start, end, word[_LINE] + 1, start - text.rfind("\n", 0, start), text[start:end], concept, term, "term", self._english_of(concept)))
                    free = i + 1
                    continue
                best = self._longest(text, words, i, count)
            else:
                best = None
            if best is not None:
                end, concept, term = best
                hits.append((concept, term, _surface(text, word[_START], words[end - 1][_END])) if plain else
                            self._hit(text, word, words[end - 1], concept, term, "term"))
                if nested:
                    for j in range(i, end):
                        inner = self._longest(text, words, j, end if j > i else end - 1, skip=concept.id)
                        if inner is not None:
                            hits.append(self._hit(text, words[j], words[inner[0] - 1], inner[1], inner[2], "nested"))
                free = end
                continue
            if self._compounding and not plain and len(key) >= 7:
                found = compounds[key] if key in compounds else (self._compound(key) if key.isalpha() else None)
                if found is not None:
                    part, rest, start, stop = found
                    concept, term = self._term(*self._single_of(part))  # type: ignore[misc]
                    surface = text[word[_START] : word[_END]]
                    hits.append(self._hit(text, word, word, concept, term, "compound",
                                          part=surface[start:stop] if len(surface) == len(key) else part,
                                          suggestion=self._suggest(part, rest, start == 0)))
        return hits

    def _scan_invisible(self, text: str, nested: bool) -> list[Hit]:
        """`scan` of a text with invisible characters (`terug\u00adkeer`): the hits of the
        text without them, placed in the text as it was."""
        kept = [i for i, c in enumerate(text) if not INVISIBLE.match(c)]
        clean = "".join(text[i] for i in kept)
        hits = []
        for hit in self.scan(clean, nested=nested):
            start = kept[hit.start]
            end = kept[hit.end - 1] + 1 if hit.end > hit.start else start
            hits.append(dataclasses.replace(hit, start=start, end=end, column=start - text.rfind("\n", 0, start)))
        return hits

    def terms(self, text: str) -> list[tuple[Concept, Term, str]]:
        """The terms in `text` (no compounds, no nested terms) as (concept, term, surface),
        in order: what `scan` finds, but for a one-line text whose words are whole
        one-word terms or no terms, found without its full search (the common case
        of a translation unit, and a good deal faster)."""
        if "\n" not in text and "- " not in text and not text.rstrip().endswith("-"):
            found = self._quick_terms(text)
            if found is not None:
                return found
        if INVISIBLE.search(text):
            return [(hit.concept, hit.term, hit.surface) for hit in self.scan(text) if hit.kind == "term"]
        return self._scan(text, False, plain=True)  # type: ignore[return-value]

    def _quick_terms(self, text: str) -> list[tuple[Concept, Term, str]] | None:
        """The terms of a one-line text, or None when a word needs the full search."""
        closed_forms: list[frozenset[str]] = []  # hyphenated words read closed (and their lemmas), which a longer term may go on with
        hyphenated = "-" in text or "'" in text or "’" in text
        if hyphenated:
            for joined in _JOINED.findall(text):  # a hyphenated word may also be read closed
                closed = joined.replace("-", "").replace("'", "").replace("’", "")
                info = self._quick.get(closed, _UNKNOWN)
                if (self._word_info(closed) if info is _UNKNOWN else info) is not None:
                    return None
                forms = self._closed.get(closed)
                if forms is None:
                    key = self._key(closed)
                    forms = _remember(self._closed, closed, frozenset((key, *self._lemma_candidates(key))))
                closed_forms.append(forms)
        pieces = _PIECE.findall(text)
        get = self._quick.get
        found = []
        free = 0  # the first piece not taken by a longer term
        keys: list[str] | None = None
        spans: list[tuple[int, int]] | None = None
        known_keys = self._keys
        concept_id: str | None
        position: int
        seconds: frozenset[str]
        for index, info in [(i, info) for i, info in enumerate(map(get, pieces, repeat(_UNKNOWN))) if info is not None]:
            if index < free:
                continue
            if info is _UNKNOWN:
                piece = pieces[index]
                if piece.isdigit() and not self._digit_starts:
                    continue  # numbers vary without end: not worth remembering
                info = self._word_info(piece)
                if info is None:
                    continue
            concept_id, position, seconds = info  # type: ignore[misc]
            if seconds and index + 1 < len(pieces):
                if closed_forms and any(not seconds.isdisjoint(forms) for forms in closed_forms):
                    return None  # a longer term may go on with a hyphenated word read closed
                entry = known_keys.get(pieces[index + 1])
                after = entry[0] if entry is not None else self._key(pieces[index + 1])
                if after in seconds or not seconds.isdisjoint(self._lemma_candidates(after)):
                    if hyphenated:
                        return None  # a longer term may go on here, over words that may be read in more than one way
                    if keys is None:
                        keys = [self._key(piece) for piece in pieces]
                        if not all(keys):
                            return None
                    longest = self._plain_longest(pieces, keys, index)
                    if longest is not None:
                        end, concept, term = longest
                        if end > index + 1:
                            spans = spans or [m.span() for m in _PIECE.finditer(text)]
                            start, stop = spans[index][0], spans[end - 1][1]
                            found.append((concept, term, " ".join(text[start:stop].split())))
                            free = end
                        else:
                            found.append((concept, term, pieces[index]))
                        continue
                    elif concept_id is None:
                        continue
            if concept_id is not None:
                found.append((*self._term(concept_id, position), pieces[index]))
        return found

    def _plain_longest(self, pieces: list[str], keys: list[str], i: int) -> tuple[int, Concept, Term] | None:
        """`_longest` at piece i of a one-line text of plain words, each read only as itself."""
        best: tuple[int, Concept, Term] | None = None
        count = len(keys)
        key = keys[i]
        starting = self._followed_by(key, keys[i + 1] if i + 1 < count else None) if self._starts(key) else []
        for pattern, concept_id, position in [*starting, *self._inflected_candidates(key)]:
            end = i + len(pattern)
            if end > count or (best is not None and end <= best[0]):
                continue
            last = len(pattern) - 1
            for k, want in enumerate(pattern):
                if keys[i + k] != want and not (k == last and want in self._lemma_candidates(keys[i + k])):
                    break
            else:
                concept, term = self._term(concept_id, position)
                if matches_as_written(term) and not self._as_written("".join(pieces[i:end]), (term.text, *term.inflected_forms)):
                    continue
                best = (end, concept, term)
        return best

    def _entry(self, token: str) -> tuple[str, bool]:
        """A word as written: its normalised key, and whether a term may start with it (remembered)."""
        entry = self._keys.get(token)
        if entry is None:
            if len(token) > self._longest_word:
                return normalise(token), False
            key = normalise(token)
            entry = (key, bool(key) and (bool(self._starts(key)) or bool(self._inflected_candidates(key))))
            if not token.isdigit():  # numbers are many, and quick to work out
                _remember(self._keys, token, entry)
        return entry

    def _key(self, token: str) -> str:
        if token.isdigit() and token.isascii():
            return token  # its own key, and not worth remembering
        return self._entry(token)[0]

    def _word_info(self, piece: str) -> tuple[str, int, frozenset[str]] | object | None:
        """What a word of a text is, once worked out: no term start (None), or a whole
        one-word term (concept id, term position) or none (None, 0), with the second
        words of the longer terms it may start. The same choice as `_longest` makes.
        (Ids, not concepts: a memory of concepts would hold much of a large termbase.)"""
        info: tuple[str | None, int, frozenset[str]] | object | None = None
        if len(piece) > self._longest_word:
            return None
        key = normalise(piece)
        starting = self._starts(key) if key else _NOTHING
        if starting or (key and self._inflected_candidates(key)):
            seconds = frozenset(pattern[1] for pattern, _, _ in starting if len(pattern) > 1) or _NONE
            info = (None, 0, seconds) if seconds else None  # no term of its own, but longer ones may start here
            for pattern, concept_id, position in (*starting, *self._inflected_candidates(key)):
                if len(pattern) == 1:
                    concept, term = self._term(concept_id, position)
                    if not matches_as_written(term) or self._as_written(piece, (term.text, *term.inflected_forms)):
                        info = (concept_id, position, seconds)
                        break
        return _remember(self._quick, piece, info)

    @staticmethod
    def _as_written(surface: str, forms: tuple[str, ...]) -> bool:
        """Whether the text spells an abbreviation as the termbase does (or in capitals)."""
        surface = re.sub(r"[^\w&]", "", surface)
        for form in forms:
            wanted = re.sub(r"[^\w&]", "", form)
            if surface in (wanted, wanted.upper()):
                return True
        return False

    def _joined_candidates(self, words: list[_Word], i: int) -> list[tuple[tuple[str, ...], str, int]]:
        """Terms whose first word is a joined reading at i (line break or hyphen) rather than the word itself."""
        out: list[_Candidate] = []
        for key, _ in list(self._units(words, i))[1:]:
            out.extend(self._starts(key, remember=False))
        return out

    def _english_of(self, concept: Concept) -> str | None:
        if concept.id in self._english_by_concept:
            return self._english_by_concept[concept.id]
        preferred = concept.preferred("en")
        return _remember(self._english_by_concept, concept.id, preferred.text if preferred else None)

    def _hit(self, text: str, first: _Word, last: _Word, concept: Concept, term: Term, kind: str, **extra: str | None) -> Hit:
        start, end = first[_START], last[_END]
        return Hit(start, end, first[_LINE] + 1, start - text.rfind("\n", 0, start), _surface(text, start, end), concept, term, kind,
                   self._english_of(concept), **extra)


def _surface(text: str, start: int, end: int) -> str:
    """A hit's words as they stand, a line break read as a space (and a hyphen before it kept)."""
    return " ".join(re.sub(r"-[ \t]*\n\s*", "-", text[start:end]).split())


def scan(text: str, termbase: Termbase | None = None, lang: str = "nl", *, nested: bool = False) -> list[Hit]:
    """The termbase terms (by default the shipped termbase's) found in `text`.

    >>> [(h.surface, h.english) for h in scan("De buitengrenzen van het Schengen-\\ngebied.")]
    [('buitengrenzen', 'external border'), ('Schengen-gebied', 'Schengen area')]
    """
    if termbase is None:
        from .glossary import load

        termbase = load()
    return Recogniser(termbase, lang).scan(text, nested=nested)
