from __future__ import annotations

import pytest

import migterm

from ..conftest import GLOSSARY

GOLDEN_CONCEPTS = ["return", "asylum-application", "kmar", "mobile-security-monitor"]


@pytest.fixture(scope="session")
def small_termbase() -> migterm.Termbase:
    """Four concepts of the glossary, with all kinds of data: the input of the golden files."""
    full = migterm.load(GLOSSARY, cache=False)
    concepts = [full[c] for c in GOLDEN_CONCEPTS]
    # keep only what these concepts relate to, so the small termbase is whole
    kept = {c.id for c in concepts}
    import dataclasses

    from migterm.model import RELATIONS

    concepts = [dataclasses.replace(c, **{r: tuple(i for i in getattr(c, r) if i in kept) for r in RELATIONS}) for c in concepts]
    return migterm.Termbase(concepts, full.sources.values())
