"""The termbase: concepts plus the index built once, and look-up.

The index maps the normalised form (see `text.normalise`) of every term and
every recorded form to the terms it names; a second index, consulted only when
the first finds nothing, maps the same forms without spaces, so that open,
hyphenated and closed spellings of a compound meet. Concepts are kept as plain records and
built into `Concept` objects when first asked for, so a termbase of any size
answers its first look-up without building every concept.
"""

from __future__ import annotations

import itertools
import marshal
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar

from . import dutch, english
from .errors import MigtermError
from .model import Concept, Source, Status, Term, check_concepts, from_record, lang_matches, to_record
from .text import WORD, compact, normalise, tokens

__all__ = ["Termbase", "Match", "MatchKind"]

# An index entry: (concept id, position of the term in the concept, language, form)
# where form is 0 for the term's own text and 1 for a recorded inflected form.
# An index maps a key to its entries encoded as one string ("id\tpos\tlang\tform"
# lines), so that a large compiled termbase loads as few objects.
_Entry = tuple[str, int, str, int]
_V = TypeVar("_V")
_TERM, _FORM = 0, 1
_MAX_CANDIDATES = 64
_LONGEST_QUERY = 500  # characters: far beyond any term
# How many concepts, and index buckets of each index, of a compiled termbase stay built
# once asked for: all of a termbase of 10,000 concepts (a text that names most of them
# is scanned as fast as if all were kept), and of a larger one what a text meets again
# soon, so that a scan does not come to hold it all (either is rebuilt in microseconds)
_BUILT = 16_384
_UNPACKED = 4096


class MatchKind(StrEnum):
    """How a query found a term, from the most direct to the least."""

    EXACT = "exact"  # the term's text as written
    NORMALISED = "normalised"  # ignoring case, diacritics, hyphens, apostrophes, spacing
    INFLECTED = "inflected"  # a recorded form of the term (plural, inflected adjective...)
    LEMMATISED = "lemmatised"  # a form migterm's inflection rules lead back to the term


@dataclass(frozen=True, slots=True)
class Match:
    """One concept found by a look-up, and the term that led to it."""

    concept: Concept
    term: Term
    how: MatchKind
    query: str

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "match": self.how.value, "matched_term": self.term.to_dict(), "concept": self.concept.to_dict()}


def _lemma_keys(query: str, lang: str) -> list[str]:
    """Normalised keys of the lemmas the query may be an inflection of, word by word."""
    rules = dutch.lemma_candidates if lang == "nl" else english.lemma_candidates
    words = tokens(normalise(query))
    if not words or len(words) > 6:
        return []
    options = [[w, *rules(w)] for w in words]
    combos = itertools.islice(itertools.product(*options), 1, _MAX_CANDIDATES + 1)  # the first is the query itself
    return list(dict.fromkeys(" ".join(c) for c in combos))


_KINDS = list(MatchKind)
_STATUSES = list(Status)


def _closeness(match: Match) -> tuple[int, int, str]:
    """Sort key of a match: how it matched, the status of the matched term, the concept id."""
    return (_KINDS.index(match.how), _STATUSES.index(match.term.status), match.concept.id)


class FileBlob:
    """Part of a file, read only where its bytes are asked for (`bytes(blob[a:b])`): a
    compiled termbase's records and index buckets, taken from the file as a command
    needs them. The file stays open while a part of it is in use, so what is read is
    what the file held when it was opened, even if it is replaced meanwhile. (Not
    mapped: the pages of a mapping that were read would count as the process's own
    memory.)"""

    def __init__(self, file: _OpenFile, start: int, stop: int) -> None:
        self._file = file
        self._start = start
        self._stop = stop

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> FileBlob:
        file = _OpenFile(os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0)), os.fspath(path))
        return cls(file, 0, os.fstat(file.fd).st_size)

    def __len__(self) -> int:
        return self._stop - self._start

    def __getitem__(self, part: slice) -> FileBlob:
        start, stop, _ = part.indices(len(self))
        return FileBlob(self._file, self._start + start, self._start + max(start, stop))

    def __bytes__(self) -> bytes:
        data = self._file.read(self._start, len(self))
        if len(data) != len(self):  # (migterm replaces a cache, never changes one in place: another program did)
            raise MigtermError(f"the file was cut short while it was read (it ends at byte {self._start + len(data)}, "
                               f"not after {self._stop}): run the command again", path=self._file.path)
        return data


class _OpenFile:
    """A file open for reading, closed when nothing uses it any more."""

    def __init__(self, fd: int, path: str) -> None:
        self.fd = fd
        self.path = path

    def read(self, start: int, size: int) -> bytes:
        if hasattr(os, "pread"):
            return os.pread(self.fd, size, start)
        os.lseek(self.fd, start, os.SEEK_SET)  # (where there is no pread)
        return os.read(self.fd, size)

    def __del__(self) -> None:
        os.close(self.fd)


Blob = memoryview | FileBlob


class _Packed(Generic[_V]):
    """An index of a compiled termbase, in buckets by the CRC-32 of a key: finding a key
    unpacks its bucket alone, so that a look-up in a large termbase does not wait for
    the whole index; going through it all (the recogniser's forms, the suggestions)
    unpacks every bucket once."""

    _KEYS_PER_BUCKET = 16  # a bucket unpacks in microseconds

    def __init__(self, ends: tuple[int, ...], blob: Blob) -> None:
        self._ends = ends  # where each bucket ends in the blob
        self._blob = blob
        self._buckets: dict[int, dict[str, _V]] = {}

    @classmethod
    def pack(cls, index: Iterable[tuple[str, Any]]) -> tuple[tuple[int, ...], bytes]:
        """(the buckets' ends, the buckets) of an index's (key, entries) pairs."""
        pairs = list(index)
        buckets: list[dict[str, Any]] = [{} for _ in range(max(1, len(pairs) // cls._KEYS_PER_BUCKET))]
        for key, value in pairs:
            buckets[_bucket_of(key, len(buckets))][key] = value
        packed = [marshal.dumps(bucket) for bucket in buckets]
        return tuple(itertools.accumulate(len(b) for b in packed)), b"".join(packed)

    def _bucket(self, number: int) -> dict[str, _V]:
        found = self._buckets.get(number)
        if found is None:
            start = self._ends[number - 1] if number else 0
            found = marshal.loads(bytes(self._blob[start : self._ends[number]]))
            if len(self._buckets) >= _UNPACKED:
                self._buckets.pop(next(iter(self._buckets)), None)  # the one unpacked longest ago
            self._buckets[number] = found
        return found

    def get(self, key: str) -> _V | None:
        return self._bucket(_bucket_of(key, len(self._ends))).get(key)

    def items(self) -> Iterator[tuple[str, _V]]:
        for number in range(len(self._ends)):
            yield from self._bucket(number).items()

    def values(self) -> Iterator[_V]:
        return (value for _, value in self.items())

    def __iter__(self) -> Iterator[str]:
        return (key for key, _ in self.items())


class _Records:
    """Where each concept's record is in a compiled termbase: (start, length) by concept id,
    in buckets as an index is, and the ids in their order, read when the termbase is
    gone through. Loading a large termbase builds no table of all its concepts."""

    def __init__(self, where: _Packed[tuple[int, int]], ids: Blob, count: int) -> None:
        self._where = where
        self._ids = ids
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __contains__(self, concept_id: object) -> bool:
        return isinstance(concept_id, str) and self._where.get(concept_id) is not None

    def __getitem__(self, concept_id: str) -> tuple[int, int]:
        found = self._where.get(concept_id)
        if found is None:
            raise KeyError(concept_id)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(bytes(self._ids).decode("utf-8", "surrogatepass").split("\n") if self._count else ())


def _bucket_of(key: str, buckets: int) -> int:
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % buckets


def _firsts(index: Iterable[tuple[str, list[str]]]) -> tuple[dict[str, str], dict[str, tuple[int, bool]], dict[str, list[str]]]:
    """The keys of more than one word (as running text is read) by their first word; and,
    by the language of its terms, the length of the longest first word and whether
    a first word is a number, and the one-word keys of four letters or more."""
    firsts: dict[str, list[str]] = {}
    first_words: dict[str, tuple[int, bool]] = {}
    one_word: dict[str, set[str]] = {}
    for key, entries in index:
        words = WORD.findall(key)
        if not words:
            continue
        if words != [key]:
            firsts.setdefault(words[0], []).append(key)
        for lang in {entry.split("\t")[2] for entry in entries}:
            longest, digits = first_words.get(lang, (0, False))
            first_words[lang] = (max(longest, len(words[0])), digits or words[0].isdigit())
            if len(words) == 1 and len(words[0]) >= 4:
                one_word.setdefault(lang, set()).add(words[0])
    return {k: "\n".join(v) for k, v in firsts.items()}, first_words, {lang: sorted(keys) for lang, keys in one_word.items()}


class Termbase:
    """Concepts with their index. Build one from `Concept`s, or load the glossary with `migterm.load()`."""

    def __init__(self, concepts: Iterable[Concept] = (), sources: Iterable[Source] = ()) -> None:
        listed = list(concepts)
        self.sources: dict[str, Source] = {s.id: s for s in sources}
        check_concepts(listed, self.sources.keys() if self.sources else None)
        self._records: dict[str, Concept] | _Records = {c.id: c for c in listed}
        self._blob: Blob = memoryview(b"")  # a compiled termbase's records, read as they are asked for
        self._built: dict[str, Concept] = {}  # the concepts of a compiled termbase built last
        index: dict[str, list[str]] = {}
        compact_index: dict[str, list[str]] = {}
        for concept in listed:
            for position, term in enumerate(concept.terms):
                seen: set[str] = set()
                seen_compact: set[str] = set()
                for text, form in [(term.text, _TERM), *((f, _FORM) for f in term.inflected_forms)]:
                    key = normalise(text)
                    if not key:
                        continue
                    entry = f"{concept.id}\t{position}\t{term.lang}\t{form}"
                    if key not in seen:
                        seen.add(key)
                        index.setdefault(key, []).append(entry)
                    key = compact(key)
                    if key not in seen_compact:
                        seen_compact.add(key)
                        compact_index.setdefault(key, []).append(entry)
        self._index: dict[str, str] | _Packed[str] = {k: "\n".join(v) for k, v in index.items()}
        self._compact: dict[str, str] | _Packed[str] = {k: "\n".join(v) for k, v in compact_index.items()}
        self._firsts: dict[str, str] | _Packed[str]
        self._first_words: dict[str, tuple[int, bool]]
        self._one_word: dict[str, list[str]] | None  # a compiled termbase unpacks it when first asked
        self._firsts, self._first_words, self._one_word = _firsts(index.items())
        self._one_word_blob: Blob = memoryview(b"")
        self._origins: dict[str, tuple[int, str]] = {}  # a combined termbase: each concept's part, by rank and name
        self._inverse: dict[str, dict[str, tuple[str, ...]]] = {"broader": {}, "superseded_by": {}}
        for concept in listed:
            for relation, inverse in self._inverse.items():
                for target in getattr(concept, relation):
                    inverse[target] = (*inverse.get(target, ()), concept.id)

    @staticmethod
    def _entries(index: dict[str, str] | _Packed[str], key: str) -> list[_Entry]:
        encoded = index.get(key)
        if not encoded:
            return []
        out = []
        for line in encoded.split("\n"):
            concept_id, position, lang, form = line.split("\t")
            out.append((concept_id, int(position), lang, int(form)))
        return out

    # -- the compiled form, for the cache -------------------------------------------------

    def compiled(self) -> bytes:
        """The termbase as one blob that `from_compiled` reads back without parsing the
        glossary (`compiled_parts`, joined)."""
        return b"".join(self.compiled_parts())

    def compiled_parts(self) -> Iterator[bytes]:
        """The compiled termbase a part at a time, to be written as it is made: the
        concepts' records; the index, the index without spaces, the index by first word
        and where each record is, in buckets; the one-word keys; the concepts' ids in
        order; and last a tail (what is where, the sources, the relations) and its
        length. A bucket or a record is unpacked only when it is asked for."""
        where: dict[str, tuple[int, int]] = {}
        size = 0
        for concept_id in self._records:
            record = self._record_bytes(concept_id)
            where[concept_id] = (size, len(record))
            size += len(record)
            yield record
        ends = []
        for index in (self._index, self._compact, self._firsts, where):
            bucket_ends, blob = _Packed.pack(index.items())
            ends.append(bucket_ends)
            yield blob
        one_word = marshal.dumps(self._one_words())
        yield one_word
        ids = "\n".join(where).encode("utf-8", "surrogatepass")
        yield ids
        sources = [s.to_dict() for s in self.sources.values()]
        tail = marshal.dumps((size, ends, len(one_word), len(ids), len(where), self._first_words, sources, self._inverse))
        yield tail
        yield len(tail).to_bytes(8, "big")

    def _record_bytes(self, concept_id: str) -> bytes:
        record = self._records[concept_id]
        if isinstance(record, Concept):
            return marshal.dumps(to_record(record))
        start, length = record
        return bytes(self._blob[start : start + length])

    @classmethod
    def from_compiled(cls, blob: bytes | memoryview | FileBlob) -> Termbase:
        """The termbase `compiled` gave `blob` for: bytes, or a file's bytes read as they are asked for."""
        view: Blob = blob if isinstance(blob, FileBlob) else memoryview(blob)
        end = len(view) - 8
        tail = end - int.from_bytes(bytes(view[end:]), "big")
        if not 0 <= tail <= end:
            raise ValueError("not a compiled termbase")
        records_size, packed, one_word_size, ids_size, count, first_words, sources, inverse = marshal.loads(bytes(view[tail:end]))
        termbase = cls.__new__(cls)
        termbase._blob = view[:records_size]
        indexes: list[_Packed[Any]] = []
        start = records_size
        for ends in packed:
            indexes.append(_Packed(ends, view[start : start + ends[-1]]))
            start += ends[-1]
        termbase._index, termbase._compact, termbase._firsts, where = indexes
        termbase._first_words = first_words
        termbase._one_word = None
        termbase._one_word_blob = view[start : start + one_word_size]
        start += one_word_size
        termbase._records = _Records(where, view[start : start + ids_size], count)
        termbase._inverse = inverse
        termbase._built = {}
        termbase._origins = {}
        termbase.sources = {s["id"]: Source.from_dict(s) for s in sources}
        return termbase

    @classmethod
    def combine(cls, parts: Iterable[tuple[str, Termbase]]) -> Termbase:
        """One termbase of several, searched in the order given: `lookup` answers from an
        earlier part first, and `check` takes an earlier part's concept over a later
        one's that shares the source term. A concept whose id an earlier part uses
        already is renamed `NAME:ID` (its relations follow). `origin` names each
        concept's part."""
        import dataclasses

        from .model import RELATIONS

        concepts: list[Concept] = []
        origins: dict[str, tuple[int, str]] = {}
        sources: dict[str, Source] = {}
        for rank, (name, part) in enumerate(parts):
            renamed = {c.id: (c.id if c.id not in origins else f"{name}:{c.id}") for c in part}
            for concept in part:
                new_id = renamed[concept.id]
                if new_id in origins:
                    raise MigtermError(f"the termbase {name} has a concept {concept.id!r}, whose id another termbase uses", concept=concept.id)
                if new_id != concept.id or any(renamed.get(r, r) != r for relation in RELATIONS for r in getattr(concept, relation)):
                    relations = {relation: tuple(renamed.get(r, r) for r in getattr(concept, relation)) for relation in RELATIONS}
                    concept = dataclasses.replace(concept, id=new_id, **relations)  # type: ignore[arg-type]
                origins[new_id] = (rank, name)
                concepts.append(concept)
            for source in part.sources.values():
                sources.setdefault(source.id, source)
        combined = cls(concepts)
        combined.sources = sources
        combined._origins = origins
        return combined

    def origin(self, concept_id: str) -> str | None:
        """The name of the part of a combined termbase that a concept comes from (None: not combined)."""
        found = self._origins.get(concept_id)
        return found[1] if found else None

    def rank(self, concept_id: str) -> int:
        """The position of a concept's part in a combined termbase: 0 is searched first."""
        found = self._origins.get(concept_id)
        return found[0] if found else 0

    # -- concepts -------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._records)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._records

    def __iter__(self) -> Iterator[Concept]:
        for concept_id in self._records:
            yield self[concept_id]

    def __getitem__(self, concept_id: str) -> Concept:
        built = self._built.get(concept_id)  # (before the record: finding that is longer)
        if built is not None:
            return built
        record = self._records[concept_id]
        if isinstance(record, Concept):
            return record
        built = from_record(Concept, marshal.loads(self._record_bytes(concept_id)))
        if len(self._built) >= _BUILT:
            self._built.pop(next(iter(self._built)), None)  # the one built longest ago
        self._built[concept_id] = built
        return built

    def get(self, concept_id: str) -> Concept | None:
        return self[concept_id] if concept_id in self._records else None

    def narrower(self, concept_id: str) -> tuple[str, ...]:
        """The ids of the concepts that name `concept_id` as broader."""
        return self._inverse["broader"].get(concept_id, ())

    def supersedes(self, concept_id: str) -> tuple[str, ...]:
        """The ids of the concepts (instruments, bodies) that `concept_id` replaced."""
        return self._inverse["superseded_by"].get(concept_id, ())

    def forms(self, lang: str) -> Iterator[tuple[str, str, int]]:
        """(normalised form, concept id, position of the term) for every term and recorded
        form in `lang`, straight from the index: no concept is built."""
        for key, encoded in self._index.items():
            for line in encoded.split("\n"):
                concept_id, position, term_lang, _ = line.split("\t")
                if lang_matches(term_lang, lang):
                    yield key, concept_id, int(position)

    def starting(self, word: str, lang: str) -> list[tuple[tuple[str, ...], str, int]]:
        """(the words of a normalised form, concept id, position of the term) for every term
        and recorded form in `lang` whose first word, as running text is read, is
        `word`: what the recogniser looks for there, without going through the index."""
        keys = [word] if self._index.get(word) is not None else []
        more = self._firsts.get(word)
        if more:
            keys += more.split("\n")
        out = []
        for key in keys:
            words = tuple(WORD.findall(key))
            for concept_id, position, term_lang, _ in self._entries(self._index, key):
                if lang_matches(term_lang, lang):
                    out.append((words, concept_id, position))
        return out

    def _one_words(self) -> dict[str, list[str]]:
        if self._one_word is None:  # (not kept: the recogniser keeps the set it makes of them)
            return marshal.loads(bytes(self._one_word_blob))  # type: ignore[no-any-return]
        return self._one_word

    def one_word_keys(self, lang: str) -> frozenset[str]:
        """The keys of one word, of four letters or more, of the terms and recorded forms in
        `lang`: the known parts a compound may hold."""
        return frozenset(itertools.chain.from_iterable(keys for term_lang, keys in self._one_words().items() if lang_matches(term_lang, lang)))

    def first_words(self, lang: str) -> tuple[int, bool]:
        """The length of the longest first word of a form in `lang`, and whether a first word is a number."""
        found = [stats for term_lang, stats in self._first_words.items() if lang_matches(term_lang, lang)]
        return max((longest for longest, _ in found), default=0), any(digits for _, digits in found)

    @property
    def languages(self) -> list[str]:
        return sorted({line.split("\t")[2] for encoded in self._index.values() for line in encoded.split("\n")})

    # -- look-up --------------------------------------------------------------------------

    def lookup(self, query: str, lang: str | None = None) -> list[Match]:
        """Concepts with a term (or a form of one) matching `query`, the closest first:
        by how directly the query matched (`MatchKind`), then by the status of the
        term it matched (a preferred term before an admitted, deprecated or
        superseded one), then by concept id, so that concepts sharing a form
        always come in the same order.

        `lang` restricts the search to terms in that language (regional variants
        included); without it the query is looked up in every language.
        """
        query = query.strip()
        if len(query) > _LONGEST_QUERY:
            return []  # no term is that long: answered at once, in no more memory than the query
        found: dict[str, Match] = {}
        wanted = normalise(query)
        for spaced in (True, False):  # the index without spaces is looked in only when the first finds nothing
            index, k = (self._index, wanted) if spaced else (self._compact, compact(wanted))
            for entry in self._entries(index, k):
                if lang is None or lang_matches(entry[2], lang) or lang_matches(lang, entry[2]):  # en-GB finds en
                    term = self[entry[0]].terms[entry[1]]
                    how = MatchKind.EXACT if term.text == query else MatchKind.NORMALISED if entry[3] == _TERM else MatchKind.INFLECTED
                    self._keep(found, Match(self[entry[0]], term, how, query))
            if found:
                break
        # a combined termbase looks further where an earlier part has no direct match: its
        # lemmatised match comes before a later part's direct one
        if not found or self._origins and min(self.rank(cid) for cid in found) > 0:
            for rules_lang in ("nl", "en"):
                if lang is not None and not lang_matches(lang, rules_lang) and not lang_matches(rules_lang, lang):
                    continue
                for candidate in _lemma_keys(query, rules_lang):
                    for entry in [*self._entries(self._index, candidate), *self._entries(self._compact, compact(candidate))]:
                        if lang_matches(entry[2], rules_lang) and (lang is None or lang_matches(entry[2], lang) or lang_matches(lang, entry[2])):
                            self._keep(found, Match(self[entry[0]], self[entry[0]].terms[entry[1]], MatchKind.LEMMATISED, query))
        if self._origins:
            return sorted(found.values(), key=lambda m: (self.rank(m.concept.id), *_closeness(m)))
        return sorted(found.values(), key=_closeness)

    @staticmethod
    def _keep(found: dict[str, Match], match: Match) -> None:
        best = found.get(match.concept.id)
        if best is None or _closeness(match) < _closeness(best):
            found[match.concept.id] = match

    def suggest(self, query: str, lang: str | None = None, limit: int = 5) -> list[str]:
        """Terms spelt like `query`, for a "did you mean" after a miss."""
        import difflib

        if len(query) > _LONGEST_QUERY:
            return []
        wanted = compact(normalise(query))
        if not wanted:
            return []
        near = [k for k in self._compact if abs(len(k) - len(wanted)) <= max(2, len(wanted) // 4)]
        close = difflib.get_close_matches(wanted, near, n=limit * 2, cutoff=0.75)
        out: list[str] = []
        for k in close:
            for concept_id, position, term_lang, _ in self._entries(self._compact, k):
                if lang is None or lang_matches(term_lang, lang):
                    out.append(self[concept_id].terms[position].text)
        return list(dict.fromkeys(out))[:limit]
