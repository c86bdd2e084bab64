"""Undoing English plural and possessive endings to find a lemma."""

from __future__ import annotations

__all__ = ["FUNCTION_WORDS", "lemma_candidates"]

# Words that are never part of a word split by a line break.
FUNCTION_WORDS = frozenset("a an and as at by for from in into is of on or the to with".split())


def lemma_candidates(word: str) -> list[str]:
    """Candidate lemmas of a normalised English word.

    >>> lemma_candidates("applications"), lemma_candidates("countries")[0], lemma_candidates("states")
    (['application'], 'country', ['state', 'stat'])
    """
    out: list[str] = []
    if len(word) > 4 and word.endswith("ies"):
        out.append(word[:-3] + "y")
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
        if word.endswith("es"):
            out.append(word[:-2])
    return out
