"""The model of a translation unit: the variants of a bilingual file's unit, each a
`Segment` of text and inline `Code`s. What the exchange formats read and write,
and `check` checks; a look-up needs none of it (it is kept apart from the
termbase's model for that).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .errors import ModelError
from .model import lang_matches

__all__ = ["CODE_KINDS", "Code", "Segment", "Unit"]


CODE_KINDS = ("open", "close", "placeholder")


@dataclass(frozen=True, slots=True)
class Code:
    """An inline code of a segment: formatting, a tag or a placeholder, which is no text.

    An `open` and a `close` code with the same `id` enclose text (bold, a link);
    a `placeholder` stands alone (a line break, a variable). `data` is the native
    code it stands for (`<b>`, `%s`) where the file gives it; `isolated` marks an
    open or close code whose partner is in another segment (TMX `<it>`, XLIFF
    `isolated="yes"`). Codes with the same id in the source and the target
    correspond.
    """

    kind: str
    id: str
    data: str = ""
    type: str | None = None
    isolated: bool = False

    def __post_init__(self) -> None:
        if self.kind not in CODE_KINDS:
            raise ModelError(f"inline code kind {self.kind!r} is not one of: {', '.join(CODE_KINDS)}")


@dataclass(frozen=True, slots=True)
class Segment:
    """The text of one language variant of a translation unit.

    `text` is the words without the inline codes; `parts` is the text and the
    codes in order (strings and `Code`s) when the segment has codes, else None.
    """

    text: str
    parts: tuple[str | Code, ...] | None = None

    @classmethod
    def of(cls, parts: Iterable[str | Code]) -> Segment:
        """A segment from text and codes in order (adjacent strings joined, empty ones dropped)."""
        merged: list[str | Code] = []
        for part in parts:
            if isinstance(part, str):
                if not part:
                    continue
                if merged and isinstance(merged[-1], str):
                    merged[-1] += part
                    continue
            merged.append(part)
        text = "".join(p for p in merged if isinstance(p, str))
        return cls(text, tuple(merged)) if any(isinstance(p, Code) for p in merged) else cls(text)

    @property
    def codes(self) -> tuple[Code, ...]:
        return tuple(p for p in self.parts if isinstance(p, Code)) if self.parts else ()

    def pieces(self) -> tuple[str | Code, ...]:
        """The text and codes in order, also for a segment without codes."""
        return self.parts if self.parts is not None else ((self.text,) if self.text else ())


@dataclass(frozen=True, slots=True)
class Unit:
    """One translation unit of a bilingual file: its variants by language, and what the file says of it.

    `source_lang` is the variant the file gives as the source, where it says;
    `attrs` are the unit's own attributes in its format (TMX `creationdate`…),
    named `format:name`, which only a writer of that format writes back.
    """

    id: str
    variants: Mapping[str, Segment]
    line: int | None = None
    props: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()
    fuzzy: bool = False
    obsolete: bool = False
    source_lang: str | None = None
    attrs: tuple[tuple[str, str], ...] = ()

    def text(self, lang: str) -> str | None:
        """The text in `lang` (or a regional variant of it), if the unit has it."""
        for tag, segment in self.variants.items():
            if lang_matches(tag, lang):
                return segment.text
        return None

    def source_key(self) -> str | None:
        """The key of the source variant: the one in `source_lang`, else the first."""
        if self.source_lang is not None:
            for tag in self.variants:
                if tag == self.source_lang or lang_matches(tag, self.source_lang):
                    return tag
        return next(iter(self.variants), None)
