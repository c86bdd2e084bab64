"""What is special about Dutch: undoing inflection to find a lemma.

The glossary records the plural and the other forms the documents use, so
the usual inflections are found by exact look-up. These rules cover the rest
(a plural the glossary did not record, an inflected adjective in a multiword
term): they propose candidate lemmas, and only candidates that the termbase
knows are ever shown, so a wrong candidate costs nothing.
"""

from __future__ import annotations

import re

__all__ = ["FUNCTION_WORDS", "lemma_candidates"]

# Words that are never the first or last part of a closed compound split by a line break.
FUNCTION_WORDS = frozenset("""
aan als bij dan dat de den der des die dit door een en er het hij in is maar met na naar niet of om op over te
ten ter tot uit van voor want wat wel zij zijn
""".split())

_VOWELS = "aeiou"
_SHORT_VOWEL_BEFORE_CONSONANT = re.compile(r"(.*[^aeiou]|)([aeiou])([^aeiouy])\Z")


def _lengthen(stem: str) -> str | None:
    """Restore the long vowel that an open syllable spelt single: `vrag` -> `vraag`."""
    m = _SHORT_VOWEL_BEFORE_CONSONANT.match(stem)
    if not m or m.group(2) == "i":
        return None
    return m.group(1) + m.group(2) * 2 + m.group(3)


def _stem_variants(stem: str) -> list[str]:
    """Spelling changes of a stem left by removing an ending."""
    variants = [stem]
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        variants.append(stem[:-1])  # bussen -> bus
    if stem.endswith("z"):
        variants.append(stem[:-1] + "s")  # grenzen -> grens
    if stem.endswith("v"):
        variants.append(stem[:-1] + "f")  # brieven -> brief
    for variant in list(variants):
        long = _lengthen(variant)
        if long:
            variants.append(long)  # staten -> staat, vragen -> vraag
    return variants


def lemma_candidates(word: str) -> list[str]:
    """Candidate lemmas of a normalised Dutch word, most likely first.

    >>> "asielaanvraag" in lemma_candidates("asielaanvragen")
    True
    >>> "lidstaat" in lemma_candidates("lidstaten"), "buitengrens" in lemma_candidates("buitengrenzen")
    (True, True)
    >>> lemma_candidates("overlastgevers")[0], "irregulier" in lemma_candidates("irreguliere")
    ('overlastgever', True)
    >>> "europees" in lemma_candidates("europese"), "herkomstland" in lemma_candidates("herkomstlanden")
    (True, True)
    >>> "asielzoekerscentrum" in lemma_candidates("asielzoekerscentra"), "vertrekmoratorium" in lemma_candidates("vertrekmoratoria")
    (True, True)
    >>> "gezinslid" in lemma_candidates("gezinsleden"), "promovendus" in lemma_candidates("promovendi")
    (True, True)
    """
    out: list[str] = []
    if len(word) < 3:
        return out
    if word.endswith("eren") and len(word) > 6:
        out.append(word[:-4])  # kinderen -> kind
    if word.endswith("en") and len(word) > 4:
        out.extend(_stem_variants(word[:-2]))
        out.append(word[:-1])  # mechanismen -> mechanisme, ziekten -> ziekte
    if word.endswith("s") and len(word) > 3:
        out.append(word[:-1])  # overlastgevers -> overlastgever, regio's -> regio
    if word.endswith("e") and len(word) > 3:
        out.extend(_stem_variants(word[:-1]))  # irreguliere -> irregulier, centrale -> centraal
    if word.endswith("a") and len(word) > 5:
        out.append(word[:-1] + "um")  # the Latin plural: centra -> centrum, moratoria -> moratorium
    if word.endswith("i") and len(word) > 5:
        out.append(word[:-1] + "us")  # the Latin plural: promovendi -> promovendus
    if word.endswith("leden"):
        out.append(word[:-5] + "lid")  # gezinsleden -> gezinslid, familieleden -> familielid
    return [c for c in dict.fromkeys(out) if c != word]
