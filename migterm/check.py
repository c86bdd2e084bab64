"""Terminology QA of a translation: did each unit use the approved terms?

For every unit of a bilingual file, the termbase's terms are found in the
source the way `scan` finds them (inflections, longest match first, terms
split by line breaks); for each concept found, the target should hold one of
its approved terms (preferred or admitted) in the target language, in any
inflection (plural, possessive, capitalised, hyphen or space between words).
What is reported:

- `deprecated`: the target uses a deprecated (or superseded) term of that
  concept, confirmed as a term of its own there (the `entry` of
  `Entry/Exit System` is no deprecated `entry`);
- `untranslated`: no approved term, but a source-language term of the concept
  stands in the target (unless it is also an approved target term, as `IND`);
- `mismatch`: no approved term, and none of the above.

Where the source term names several concepts (`inzet`: effort, or deployment),
an approved term of any of them will do.

A unit can accept a concept it deliberately renders otherwise (an official
title that words it differently): a TMX `<prop type="x-migterm-accept">`, or a
note (PO translator comment, XLIFF or TMX note) `migterm-accept: ID ID…`.
"""

from __future__ import annotations

import collections
import itertools
import os
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeVar

from .errors import FormatError, MigtermError
from .model import Concept, Term, lang_matches
from .units import Unit
from .recognise import Recogniser, matches_as_written
from .termbase import Termbase
from .text import INVISIBLE, normalise, visible

__all__ = ["Finding", "Checker", "check_file", "check_units"]

_T = TypeVar("_T")
_SEPARATOR = r"[\s\-\u2010\u2011\u2013/()\[\]\"“”‘’']+"
_POSSESSIVE = r"(?:['’]s?)?"
_ACCEPT = re.compile(r"migterm-accept:\s*(.+)")


@dataclass(frozen=True, slots=True)
class Finding:
    """One terminology problem in one unit."""

    file: str
    unit: str | None  # the unit's id, where the format gives units one
    line: int | None
    kind: str  # "mismatch", "deprecated" or "untranslated"
    concept: str
    source_term: str  # the term as it stands in the source
    expected: tuple[str, ...]  # the approved target terms, preferred first
    found: str | None = None  # the deprecated or untranslated term as it stands in the target
    termbase: str | None = None  # where the termbases were combined: the one the concept comes from

    def to_dict(self) -> dict[str, object]:
        return {"file": self.file, "unit": self.unit, "line": self.line, "kind": self.kind, "concept": self.concept,
                "source_term": self.source_term, "expected": list(self.expected), "found": self.found,
                **({"termbase": self.termbase} if self.termbase else {})}

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        unit = f" unit {self.unit}:" if self.unit else ""
        use = f"'{self.expected[0]}'" + (f" (or {', '.join(repr(e) for e in self.expected[1:])})" if len(self.expected) > 1 else "")
        if self.kind == "deprecated":
            what = f"deprecated term '{self.found}' for '{self.source_term}'; use {use}"
        elif self.kind == "untranslated":
            what = f"'{self.found}' left untranslated; use {use}"
        else:
            what = f"key term mismatch: '{self.source_term}' should be {use}"
        named = f"{self.termbase}: {self.concept}" if self.termbase else self.concept
        return f"{where}:{unit} {what} [{named}]"


def _inflected_word(word: str, lang: str) -> str:
    """A regular expression for a word and its plural, possessive included."""
    forms = [re.escape(word)]
    if lang == "en" and word[-1:].isalpha():
        lower = word.lower()
        if lower.endswith("y") and lower[-2:-1] not in tuple("aeiou"):
            forms.append(re.escape(word[:-1]) + "ies")
        elif lower.endswith(("s", "x", "z", "ch", "sh")):
            forms.append(re.escape(word) + "es")
        else:
            forms.append(re.escape(word) + "s")
    elif word[-1:].isalpha():
        forms.append(re.escape(word) + "(?:e|en|s|n)")
    return f"(?:{'|'.join(forms)}){_POSSESSIVE}"


def _term_pattern(text: str, lang: str, *, inflect: bool) -> str:
    words = [w for w in re.split(_SEPARATOR, text) if w]
    if not inflect:  # an abbreviation: as written, with a plural s (NGOs)
        return _SEPARATOR.join(re.escape(w) for w in words) + "s?" + _POSSESSIVE
    return _SEPARATOR.join(_inflected_word(w, lang) for w in words)


class _Terms:
    """Terms to look for in a target: most in its lower-cased text (the fast way for
    the regular-expression engine), abbreviations as written."""

    def __init__(self, terms: Iterable[Term], lang: str) -> None:
        exact, loose = set(), set()
        for term in terms:
            for text in dict.fromkeys([term.text, *term.inflected_forms]):
                if matches_as_written(term):
                    exact.add(_term_pattern(text, lang, inflect=False))
                    exact.add(_term_pattern(text.upper(), lang, inflect=False))
                else:
                    lowered = text.lower()
                    head, rest = lowered[:1], lowered[1:]
                    if rest[:1].isalnum():  # the first letter as a literal, then the word boundary behind it
                        loose.add(re.escape(head) + rf"(?<![\w&]{re.escape(head)})" + _term_pattern(rest, lang, inflect=True))
                    else:
                        loose.add(r"(?<![\w&])" + _term_pattern(lowered, lang, inflect=True))
        self.exact = re.compile(r"(?<![\w&])(?:" + "|".join(sorted(exact)) + r")(?![\w&])") if exact else None
        self.loose = re.compile("(?:" + "|".join(sorted(loose, key=lambda p: (-len(p), p))) + r")(?![\w&])") if loose else None

    def __bool__(self) -> bool:
        return self.exact is not None or self.loose is not None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the terms stand in `text`, in order (for scripts and tests; `search` is
        the fast way to ask whether one does)."""
        lowered = text.lower()
        found = []
        if self.loose is not None and len(lowered) == len(text):
            found += [m.span() for m in self.loose.finditer(lowered)]
        if self.exact is not None:
            found += [m.span() for m in self.exact.finditer(text)]
        return sorted(found)

    def search(self, text: str, lowered: str) -> str | None:
        """The first of the terms in `text` (`lowered` its lower-cased copy), as it stands there."""
        if self.loose is not None:
            found = self.loose.search(lowered)
            if found is not None:
                return text[found.start() : found.end()] if len(text) == len(lowered) else found.group()
        if self.exact is not None:
            found = self.exact.search(text)
            if found is not None:
                return found.group()
        return None


@dataclass(frozen=True, slots=True)
class _Expectation:
    approved: _Terms
    deprecated: _Terms
    untranslated: _Terms
    expected: tuple[str, ...]
    deprecated_keys: frozenset[str]


class Checker:
    """Checks source–target pairs against a termbase."""

    def __init__(self, termbase: Termbase, source_lang: str = "nl", target_lang: str = "en") -> None:
        self.termbase = termbase
        self.source_lang = source_lang.split("-")[0].lower()
        self.target_lang = target_lang.split("-")[0].lower()
        for lang in (self.source_lang, self.target_lang):
            if not any(True for _ in termbase.forms(lang)):
                raise MigtermError(f"the termbase has no terms in {lang!r}")
        self._source = Recogniser(termbase, self.source_lang)
        self._target: Recogniser | None = None  # built when a deprecated term needs confirming
        self._scanned: tuple[str | None, list[tuple[str, str]]] = (None, [])  # the last target scanned, and its terms
        self._keys: dict[str, str] = {}  # a target term's normalised text, by its text
        self._expectations: dict[str, _Expectation] = {}
        self._sharing: dict[tuple[str, str], tuple[Concept, ...]] = {}

    def _expectation(self, concept: Concept) -> _Expectation:
        found = self._expectations.get(concept.id)
        if found is None:
            target_terms = concept.terms_in(self.target_lang)
            approved = [t for t in target_terms if t.status.approved]
            approved_keys = {normalise(t.text) for t in approved}
            deprecated = [t for t in target_terms if not t.status.approved and normalise(t.text) not in approved_keys]
            source_terms = [t for t in concept.terms_in(self.source_lang) if normalise(t.text) not in approved_keys]
            found = self._expectations[concept.id] = _Expectation(
                _Terms(approved, self.target_lang), _Terms(deprecated, self.target_lang),
                _Terms(source_terms, self.source_lang), tuple(t.text for t in approved),
                frozenset(normalise(t.text) for t in target_terms if not t.status.approved),
            )
        return found

    def _concepts_named(self, concept: Concept, term: Term) -> tuple[Concept, ...]:
        """`concept` and the other concepts that have a term written as `term` in the source language."""
        key = (concept.id, term.text)
        found = self._sharing.get(key)
        if found is None:
            from .termbase import MatchKind

            others = [m.concept for m in self.termbase.lookup(term.text, lang=self.source_lang)
                      if m.concept.id != concept.id and m.how in (MatchKind.EXACT, MatchKind.NORMALISED)]
            named = [concept, *others]
            first = min(self.termbase.rank(c.id) for c in named)  # in a combined termbase, the earliest part decides
            found = self._sharing[key] = tuple(c for c in named if self.termbase.rank(c.id) == first)
        return found

    def _confirmed_deprecated(self, target: str, expectation: _Expectation) -> str | None:
        """The deprecated term of `concept` that the target uses as a term of its own.

        The target's terms are found the way `scan` finds them, so a longer term
        around it wins (`Entry/Exit System` holds no deprecated `entry`); a hit
        counts when its term is one of the concept's deprecated terms, even if
        the scan named another concept that approves the same words (`refugees`
        for `asielzoekers`: refugee is a concept of its own)."""
        if self._target is None:
            self._target = Recogniser(self.termbase, self.target_lang)
        if self._scanned[0] != target:  # a unit with several deprecated terms is scanned once
            keys = self._keys
            self._scanned = (target, [(surface, keys.get(term.text) or self._key(term.text)) for _, term, surface in self._target.terms(target)])
        deprecated = expectation.deprecated_keys
        return next((surface for surface, key in self._scanned[1] if key in deprecated), None)

    def _key(self, text: str) -> str:
        key = self._keys[text] = normalise(text)  # the termbase's terms: as many as it has
        return key

    def check(self, source: str, target: str, accepted: Collection[str] = ()) -> list[tuple[str, Concept, str, str | None]]:
        """The problems of one pair: (kind, concept, source term, what the target has)."""
        if INVISIBLE.search(source):
            source = visible(source)
        found = self._source.terms(source)
        if not found:
            return []
        if not target.isascii():
            target = unicodedata.normalize("NFC", visible(target))
        lowered = target.lower()
        seen: dict[str, tuple[Concept, str, Term]] = {}
        for concept, term, surface in found:
            if concept.id not in seen:
                seen[concept.id] = (concept, surface, term)
        problems: list[tuple[str, Concept, str, str | None]] = []
        expectations = self._expectations
        for concept_id, (concept, surface, term) in seen.items():
            if accepted and concept_id in accepted:
                continue
            named = self._sharing.get((concept_id, term.text)) or self._concepts_named(concept, term)
            if named[0] is not concept:  # an earlier termbase has a concept of its own for this term
                concept = named[0]
                concept_id = concept.id
                if accepted and concept_id in accepted:
                    continue
            expectation = expectations.get(concept_id) or self._expectation(concept)
            if not expectation.expected:
                continue  # no approved target term to expect
            if len(named) > 1 and any(self._approved_in(other, target, lowered) for other in named[1:]):
                continue  # the source term names another concept too, and the target has its term
            deprecated = None
            if expectation.deprecated and expectation.deprecated.search(target, lowered):
                deprecated = self._confirmed_deprecated(target, expectation)
                if deprecated is not None:
                    problems.append(("deprecated", concept, surface, deprecated))
            approved = expectation.approved
            if (approved.loose is not None and approved.loose.search(lowered)) or (approved.exact is not None and approved.exact.search(target)):
                continue  # (`_Terms.search`, inline: this is the hot path)
            left = expectation.untranslated.search(target, lowered)
            if left is not None:
                problems.append(("untranslated", concept, surface, left))
            elif deprecated is None:
                problems.append(("mismatch", concept, surface, None))
        return problems

    def _approved_in(self, concept: Concept, target: str, lowered: str) -> bool:
        return self._expectation(concept).approved.search(target, lowered) is not None

    def expected(self, concept: Concept) -> tuple[str, ...]:
        """The approved target terms of a concept, preferred first."""
        return self._expectation(concept).expected


def _accepted(props: Iterable[tuple[str, str]], notes: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for name, value in props:
        if name == "x-migterm-accept":
            out.update(re.split(r"[\s,]+", value.strip()))
    for note in notes:
        for match in _ACCEPT.finditer(note):
            out.update(re.split(r"[\s,]+", match.group(1).strip()))
    return out


def _tmx_source_lang(handle: IO[bytes], shown: str) -> str:
    from .formats._xml import iter_elements

    for name, element in iter_elements(handle, ["header"], root_names={"tmx"}, path=shown):
        if name == "header":
            lang = element.get("srclang")
            if not lang or lang == "*all*":
                raise FormatError("the TMX header gives no single srclang; give --source-lang", path=shown, line=element.sourceline)
            return lang
    raise FormatError("the TMX file has no <header>", path=shown)


def check_file(path: str | Path, termbase: Termbase, *, source_lang: str | None = None, target_lang: str | None = None,
               progress: Callable[[int], None] | None = None, parallel: bool | None = None,
               tally: dict[str, int] | None = None, format: str | None = None) -> Iterator[Finding]:
    """The findings of a TMX, PO, XLIFF or two-column tab-separated file, read as a
    stream. `progress` is told how many bytes of the file have been read so far.
    A large file is checked on two processors where there are two (`parallel`: None
    decides by the file's size); the findings are the same, in the same order.
    `tally["units"]` counts the units checked (those with a source and a target)."""
    from . import formats
    from .formats import tmx

    shown = str(path)
    fmt = formats.find_format(path, format)
    if fmt.units is None:
        raise FormatError(f"a {fmt.name} file holds concepts, not translations to check", path=shown)
    try:
        handle = open(path, "rb")  # noqa: SIM115 -- closed below, after the stream
    except OSError as error:
        raise FormatError(f"cannot read: {error.strerror}", path=shown) from None
    with handle:
        # each unit as (id, line, source text, target text, target language, props, notes)
        pairs: Iterator[tuple[str, int | None, str, str | None, str | None, tuple[tuple[str, str], ...], tuple[str, ...]]]
        if fmt.name == "tmx":
            source_lang = source_lang or _tmx_source_lang(handle, shown)
            handle.seek(0)
            pairs = tmx.iter_tmx_pairs(handle, source_lang, target_lang, path=shown, prop_types=frozenset(["x-migterm-accept"]))
        else:
            if fmt.name in ("po", "tsv"):
                source_lang = source_lang or "nl"
            if fmt.name == "tsv":
                target_lang = target_lang or "en"
            units = (u for u in fmt.units(handle, path=shown, **{k: v for k, v in (("source_lang", source_lang), ("target_lang", target_lang)) if v})
                     if ("xliff:translate", "no") not in u.attrs)
            pairs = _unit_pairs(units, source_lang, target_lang)
        pairs = _located(pairs, shown)
        first = next(pairs, None)
        try:
            checker = Checker(termbase, source_lang or "nl", target_lang or (first[4] if first else None) or "en")
        except MigtermError as error:  # a language the termbase does not have
            raise error.located(path=shown) from None
        if first is None:
            return
        with_ids = fmt.name in ("tmx", "xliff")

        def work() -> Iterator[tuple[tuple[str, int | None], str, str, tuple[str, ...]]]:
            for count, (unit_id, line, source, target, _, props, notes) in enumerate(itertools.chain([first], pairs)):
                if progress is not None and not count % 256 and not handle.closed:
                    progress(handle.tell())
                if target:  # an untranslated unit has nothing to check
                    if tally is not None:
                        tally["units"] = tally.get("units", 0) + 1
                    yield (unit_id, line), source, target, tuple(_accepted(props, notes)) if props or notes else ()

        if parallel is None:
            parallel = os.fstat(handle.fileno()).st_size >= _PARALLEL_FROM and _can_fork()
        for (unit_id, line), problems in (_checked_in_two(checker, work()) if parallel else _checked(checker, work())):
            for kind, concept_id, surface, what in problems:
                yield Finding(shown, unit_id if with_ids else None, line, kind, concept_id, surface,
                              checker.expected(termbase[concept_id]), what, termbase.origin(concept_id))
        if progress is not None:
            progress(os.fstat(handle.fileno()).st_size if not handle.closed else 0)


def _unit_pairs(units: Iterator[Unit], source_lang: str | None, target_lang: str | None) -> Iterator[
        tuple[str, int | None, str, str | None, str | None, tuple[tuple[str, str], ...], tuple[str, ...]]]:
    roles: dict[tuple[str, ...], tuple[str, str | None]] = {}  # by the unit's languages
    for unit in units:
        langs = tuple(unit.variants)
        found = roles.get(langs)
        if found is None:
            found = roles[langs] = _roles(unit, source_lang, target_lang)
        source_key, target_key = found
        target = unit.variants[target_key].text if target_key is not None else None
        yield unit.id, unit.line, unit.variants[source_key].text, target, target_key, unit.props, unit.notes


_Problem = tuple[str, str, str, "str | None"]  # kind, concept id, source term, what the target has
_PARALLEL_FROM = 4_000_000  # bytes: below, a second process costs more than it saves
_BATCH = 80  # units: the batches in flight fit the pipe's buffer, so sending seldom waits


def _can_fork() -> bool:
    import multiprocessing

    return (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()


def _problems(checker: Checker, source: str, target: str, accepted: tuple[str, ...]) -> list[_Problem]:
    return [(kind, concept.id, surface, found) for kind, concept, surface, found in checker.check(source, target, accepted)]


def _checked(checker: Checker, pairs: Iterator[tuple[Any, str, str, tuple[str, ...]]]) -> Iterator[tuple[Any, list[_Problem]]]:
    for key, source, target, accepted in pairs:
        yield key, _problems(checker, source, target, accepted)


def _work(connection: Any, checker: Checker) -> None:
    """The second process: check the batches it is sent, send back their problems.
    Ctrl-C is the first process's to handle: it ends this one."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        while True:
            batch = connection.recv()
            if batch is None:
                break
            try:
                answer: Any = [_problems(checker, *pair) for pair in batch]
            except Exception as error:  # a bug: hand it to the first process, which raises it
                answer = error
            connection.send(answer)
    except (EOFError, OSError):  # the first process went away (interrupted, or its output failed): so does this one
        pass
    finally:
        connection.close()
        os._exit(0)  # no exit handlers of the first process's, no traceback


def _checked_in_two(checker: Checker, pairs: Iterator[tuple[Any, str, str, tuple[str, ...]]]) -> Iterator[tuple[Any, list[_Problem]]]:
    """`_checked` on two processors: batches of pairs go to a second process (forked, so
    it has the termbase already) while this one reads the file, and this one checks
    a batch itself whenever the other has enough to do. Problems come out in the
    file's order; at most a few batches are held at a time."""
    import multiprocessing

    here, there = multiprocessing.get_context("fork").Pipe()
    worker = multiprocessing.get_context("fork").Process(target=_work, args=(there, checker), daemon=True)
    import signal

    interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)  # the second process starts deaf to Ctrl-C: it is the first's
    try:
        worker.start()
    finally:
        signal.signal(signal.SIGINT, interrupt)
    there.close()
    sent: collections.deque[tuple[int, list[Any]]] = collections.deque()  # batches at the other process, in order
    done: dict[int, list[tuple[Any, list[_Problem]]]] = {}
    emitted = 0

    def receive() -> None:
        index, batch = sent.popleft()
        answer = here.recv()
        if isinstance(answer, Exception):
            raise answer
        done[index] = [(pair[0], problems) for pair, problems in zip(batch, answer, strict=True)]

    try:
        batches = iter(lambda: list(itertools.islice(pairs, _BATCH)), [])
        for index, batch in enumerate(batches):
            if len(sent) < 4:
                here.send([pair[1:] for pair in batch])
                sent.append((index, batch))
            else:
                done[index] = [(pair[0], _problems(checker, *pair[1:])) for pair in batch]
            while sent and (here.poll() or len(done) > 8):
                receive()
            while emitted in done:
                yield from done.pop(emitted)
                emitted += 1
        while sent:
            receive()
        while emitted in done:
            yield from done.pop(emitted)
            emitted += 1
        here.send(None)
    finally:
        here.close()
        worker.join(timeout=5)
        if worker.is_alive():
            worker.terminate()


def _located(items: Iterator[_T], shown: str) -> Iterator[_T]:
    """A reader's items, with errors placed in the file (the readers were handed an open file)."""
    try:
        yield from items
    except MigtermError as error:
        raise error.located(path=shown) from None


def _roles(unit: Unit, source_lang: str | None, target_lang: str | None) -> tuple[str, str | None]:
    """Which of a unit's variants is the source and which the target."""
    keys = list(unit.variants)
    if source_lang is None:
        source_key = keys[0]
    else:
        source_key = next((k for k in keys if lang_matches(k, source_lang.split("-")[0])), keys[0])
    others = [k for k in keys if k != source_key]
    if target_lang is not None:
        return source_key, next((k for k in others if lang_matches(k, target_lang.split("-")[0])), None)
    return source_key, others[0] if others else None


def check_units(units: Iterable[tuple[str, str]], termbase: Termbase, source_lang: str = "nl", target_lang: str = "en") -> list[list[tuple[str, str, str | None]]]:
    """For scripts: the problems of each (source, target) pair, as (kind, concept id, found) triples.

    >>> from migterm import load
    >>> check_units([("De asielaanvragen.", "The asylum applications."), ("De asielzoekers.", "The refugees.")], load())
    [[], [('deprecated', 'asylum-seeker', 'refugees')]]
    """
    checker = Checker(termbase, source_lang, target_lang)
    return [[(kind, concept.id, found) for kind, concept, _, found in checker.check(source, target)] for source, target in units]
