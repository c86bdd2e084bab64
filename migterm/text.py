"""Search keys: the form in which user input and terms are compared.

Look-up is insensitive to case, diacritics, hyphens, apostrophes and spacing,
as a translator typing at a terminal expects: `geintegreerd grensbeheer`
finds `geïntegreerd grensbeheer`, `schengen gebied` finds `Schengengebied`.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["WORD", "INVISIBLE", "normalise", "compact", "tokens", "visible", "printable"]

# Characters that show nothing and change no word: the soft hyphen (PDF and Word text is
# full of it), zero-width spaces, joiners and the word joiner, a byte-order mark inside
# text, and the bidirectional controls. Text is compared without them.
INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212/"
_APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4"
_EDGE_PUNCTUATION = " .,;:!?()[]{}\"\u201c\u201d\u201e«»"
_SPACES = re.compile(r"\s+")
# A word of running text: hyphenated and apostrophe parts kept together, and a hyphen
# at its end kept (a word split by a line break, or the first of `grens- en kustwacht`).
WORD = re.compile(r"[\w&]+(?:[-'’][\w&]+)*-?")
_TABLE = {**{ord(c): " " for c in _DASHES}, **{ord(c): None for c in _APOSTROPHES},
          **{c: None for c in [0xAD, 0x61C, 0x180E, *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065),
                               *range(0x2066, 0x206A), 0xFEFF]}}


def normalise(text: str) -> str:
    """The look-up key of a text: case-folded, without diacritics, apostrophes
    or hyphens (read as spaces), white space collapsed.

    >>> normalise("Geïntegreerd  grensbeheer")
    'geintegreerd grensbeheer'
    >>> normalise("EU-terugkeercoördinator")
    'eu terugkeercoordinator'
    >>> normalise("grensregio’s"), normalise("DT&V")
    ('grensregios', 'dt&v')
    >>> normalise(normalise("  Schengen-Gebied. ")) == normalise("  Schengen-Gebied. ")
    True
    """
    if text.isascii():  # no diacritics to take off, nothing to decompose: the common case, done at once
        return _SPACES.sub(" ", text.lower().translate(_TABLE)).strip(_EDGE_PUNCTUATION)
    return _normalise_unicode(text)


def _normalise_unicode(text: str) -> str:
    key = text
    while True:  # case folding and decomposition can feed each other; stop at the fixed point
        decomposed = unicodedata.normalize("NFKD", key)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        folded = folded.translate(_TABLE)
        folded = _SPACES.sub(" ", folded).strip(_EDGE_PUNCTUATION)
        if folded == key:
            return key
        key = folded


def visible(text: str) -> str:
    """`text` without its invisible characters.

    >>> visible("terug\u00adkeer"), visible("re\u200bturn")
    ('terugkeer', 'return')
    """
    return INVISIBLE.sub("", text) if INVISIBLE.search(text) else text


def printable(text: str) -> str:
    r"""`text` fit to echo to a terminal: control and invisible characters written as escapes.

    >>> print(printable("terug\u202ekeer\x1b[2J"))
    terug\u202ekeer\x1b[2J
    """
    return "".join(c if c.isprintable() and not INVISIBLE.match(c) else c.encode("unicode_escape").decode("ascii") for c in text)


def compact(key: str) -> str:
    """A normalised key without spaces, so that open, hyphenated and closed
    spellings of a compound meet.

    >>> compact(normalise("Schengen-gebied")) == compact(normalise("Schengengebied"))
    True
    """
    return key.replace(" ", "")


def tokens(key: str) -> list[str]:
    """The words of a normalised key."""
    return key.split(" ") if key else []
