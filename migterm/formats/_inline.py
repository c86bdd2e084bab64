"""What the memory writers share: inline codes nested into pairs where they nest,
code numbers that are the same for the same code in every variant of a unit,
the tally of what a target format could not hold, and the record of what a
stream has written that must not be written twice."""

from __future__ import annotations

import hashlib
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..units import Code

__all__ = ["Pair", "nest", "Numbers", "Losses", "Written", "xml_safe", "append_text"]


@dataclass(frozen=True, slots=True)
class Pair:
    """An open and a close code that enclose `children` and nest properly."""

    open: Code
    close: Code
    children: tuple[str | Code | Pair, ...]


def nest(parts: Iterable[str | Code]) -> list[str | Code | Pair]:
    """The parts with each properly nested open/close pair as a `Pair`; codes that do
    not nest (overlapping, unclosed, isolated) stay flat."""
    stack: list[tuple[Code | None, list[str | Code | Pair]]] = [(None, [])]
    for part in parts:
        if isinstance(part, Code) and part.kind == "open" and not part.isolated:
            stack.append((part, []))
        elif isinstance(part, Code) and part.kind == "close" and not part.isolated and len(stack) > 1 and stack[-1][0].id == part.id:  # type: ignore[union-attr]
            opened, children = stack.pop()
            stack[-1][1].append(Pair(opened, part, tuple(children)))  # type: ignore[arg-type]
        else:
            stack[-1][1].append(part)
    while len(stack) > 1:  # unclosed: flat again
        opened, children = stack.pop()
        stack[-1][1].extend([opened, *children])  # type: ignore[list-item]
    return stack[0][1]


class Numbers:
    """Code numbers 1, 2, … for one unit: an open and its close share one, and so do
    the codes of the same id in the source and the target."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[bool, str], int] = {}

    def __call__(self, code: Code) -> str:
        key = (code.kind == "placeholder", code.id)
        if key not in self._numbers:
            self._numbers[key] = len(self._numbers) + 1
        return str(self._numbers[key])


@dataclass
class Losses:
    """What a writer could not carry into its format, counted by what it was."""

    counts: Counter[str] = field(default_factory=Counter)

    def add(self, what: str, n: int = 1) -> None:
        self.counts[what] += n

    def lines(self) -> Iterator[str]:
        for what, n in sorted(self.counts.items()):
            yield f"{n:,} unit{'s' * (n != 1)}: {what}"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str, losses: Losses | None) -> str:
    """`text` with the characters XML 1.0 cannot carry replaced by U+FFFD."""
    if _NOT_XML.search(text) is None:
        return text
    if losses is not None:
        losses.add("characters XML cannot carry, replaced by U+FFFD")
    return _NOT_XML.sub("\ufffd", text)


def append_text(element: Any, text: str, losses: Losses | None) -> None:
    """Add `text` to an XML element under construction: after its last child, or as its text."""
    text = xml_safe(text, losses)
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


class Written:
    """The keys a streaming writer has written (a PO entry's context and msgid, an
    XLIFF 2 id), which the format allows only once in a file. The one thing such a
    writer keeps for each unit: a 128-bit digest of the key, however long, as two
    64-bit words in one open-addressing table kept between a third and two thirds
    full: 24 to 48 bytes a unit (72 while it doubles), where a set of digests takes
    about 100."""

    def __init__(self) -> None:
        self._table = array("Q", bytes(8 * 2 * 1024))  # (low, high) pairs; (0, 0) is free
        self._count = 0

    def add(self, key: str) -> bool:
        """Record `key`; False if it was written before."""
        digest = int.from_bytes(hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).digest(), "little") or 1
        low, high = digest & 0xFFFFFFFFFFFFFFFF, digest >> 64
        table, mask = self._table, len(self._table) // 2 - 1
        index = low & mask
        while table[2 * index] or table[2 * index + 1]:
            if table[2 * index] == low and table[2 * index + 1] == high:
                return False
            index = (index + 1) & mask
        table[2 * index], table[2 * index + 1] = low, high
        self._count += 1
        if self._count * 3 > (mask + 1) * 2:
            self._grow()
        return True

    def _grow(self) -> None:
        old, self._table = self._table, array("Q", bytes(8 * 2 * len(self._table)))
        table, mask = self._table, len(self._table) // 2 - 1
        for start in range(0, len(old), 2):
            low, high = old[start], old[start + 1]
            if low or high:
                index = low & mask
                while table[2 * index] or table[2 * index + 1]:
                    index = (index + 1) & mask
                table[2 * index], table[2 * index + 1] = low, high
