"""migterm: a Dutch–English termbase of migration policy, and the tools to use it.

>>> import migterm
>>> termbase = migterm.load()
>>> match = termbase.lookup("terugkeer")[0]
>>> match.concept.id, match.concept.preferred("en").text
('return', 'return')
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

from .errors import FormatError, GlossaryError, MigtermError, ModelError
from .glossary import default_glossary_dir, load, read_glossary
from .model import (
    Concept,
    Context,
    Gender,
    PartOfSpeech,
    Reference,
    ReferenceKind,
    Source,
    Status,
    Term,
    TermType,
)
from .termbase import Match, MatchKind, Termbase

if TYPE_CHECKING:
    from .formats import read, read_units, stats, write
    from .units import Code, Segment, Unit

__all__ = [
    "__version__",
    "load",
    "read",
    "write",
    "read_units",
    "stats",
    "FormatError",
    "Code",
    "Segment",
    "Unit",
    "read_glossary",
    "default_glossary_dir",
    "Termbase",
    "Match",
    "MatchKind",
    "Concept",
    "Term",
    "Context",
    "Reference",
    "ReferenceKind",
    "Source",
    "Status",
    "PartOfSpeech",
    "Gender",
    "TermType",
    "MigtermError",
    "GlossaryError",
    "ModelError",
]


def __getattr__(name: str) -> Any:
    """The exchange formats and the translation units are imported when first used: a look-up needs none of them."""
    if name in ("read", "read_units", "stats", "write"):
        from . import formats

        return getattr(formats, name)
    if name in ("Code", "Segment", "Unit"):
        from . import units

        return getattr(units, name)
    raise AttributeError(f"module 'migterm' has no attribute {name!r}")
