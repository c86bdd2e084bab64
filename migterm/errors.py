"""The one error family of migterm.

Every error names where it happened (a file and line, or a concept id) so the
command line can print one precise line and callers never parse prose.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["MigtermError", "GlossaryError", "ModelError", "FormatError"]


class MigtermError(Exception):
    """Base of every error migterm raises on bad input.

    >>> str(MigtermError("no such file", path="x.toml", line=3))
    'x.toml:3: no such file'
    >>> str(MigtermError("two preferred English terms", path="glossary/visas.toml", concept="visa-exemption"))
    'glossary/visas.toml: concept visa-exemption: two preferred English terms'
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        concept: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.concept = concept

    def located(self, *, path: str | Path | None = None, concept: str | None = None) -> MigtermError:
        """Fill in the location where the raiser did not know it."""
        if self.path is None and path is not None:
            self.path = str(path)
        if self.concept is None and concept is not None:
            self.concept = concept
        return self

    def __str__(self) -> str:
        where = []
        if self.path is not None:
            where.append(self.path if self.line is None else f"{self.path}:{self.line}")
        if self.concept is not None:
            where.append(f"concept {self.concept}")
        return ": ".join([*where, self.message])


class ModelError(MigtermError, ValueError):
    """An object of the data model was built in breach of an invariant."""


class GlossaryError(MigtermError):
    """A glossary source file cannot be read or does not describe a valid termbase."""


class FormatError(MigtermError):
    """A file that cannot be read in the format it claims, or cannot be written in the format asked for."""
