"""JSON: everything the termbase holds, sources included, for scripts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from ..errors import MigtermError
from ..model import Concept, Source
from ..termbase import Termbase
from ..errors import FormatError

__all__ = ["write_json", "read_json"]

FORMAT = "migterm-termbase"


def write_json(termbase: Termbase, out: IO[bytes], **_: Any) -> None:
    document = {
        "format": FORMAT,
        "version": 1,
        "sources": [s.to_dict() for s in termbase.sources.values()],
        "concepts": [c.to_dict() for c in termbase],
    }
    out.write((json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def read_json(source: str | Path | IO[bytes], *, path: str | None = None, **_: Any) -> Termbase:
    shown = path or str(source)
    try:
        data = json.loads(source.read() if hasattr(source, "read") else Path(source).read_bytes())  # type: ignore[union-attr]
    except OSError as error:
        raise FormatError(f"cannot read: {error.strerror or error}", path=shown) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FormatError(f"not valid JSON: {getattr(error, 'msg', error)}", path=shown, line=getattr(error, "lineno", None)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FormatError(f"not a migterm JSON termbase (no \"format\": \"{FORMAT}\")", path=shown)
    try:
        sources = [Source.from_dict(s) for s in data.get("sources", [])]
        concepts = []
        for entry in data.get("concepts", []):
            concepts.append(Concept.from_dict(entry))
        return Termbase(concepts, sources)
    except MigtermError as error:
        raise FormatError(error.message, path=shown, concept=error.concept) from None
