from __future__ import annotations

import os
from pathlib import Path

import pytest

import migterm

REPO = Path(__file__).resolve().parents[1]
GLOSSARY = REPO / "glossary"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory):
    """Keep the compiled-termbase cache of the test run away from the user's."""
    old = os.environ.get("MIGTERM_CACHE_DIR")
    os.environ["MIGTERM_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        del os.environ["MIGTERM_CACHE_DIR"]
    else:
        os.environ["MIGTERM_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def termbase() -> migterm.Termbase:
    """The repository's glossary, parsed afresh."""
    return migterm.load(GLOSSARY, cache=False)
