"""Reading the glossary: `glossary/*.toml` (one file per subject field) and
`glossary/sources/index.toml` (the documents the terms were mined from).

`load()` is the way in. It keeps a compiled copy of the termbase in a cache
(see `cache_dir`), keyed by the names, sizes and modification times of the
source files, so a command answers without parsing TOML when nothing changed.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import zlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .errors import GlossaryError, MigtermError
from .model import Concept, Source, is_glossary_id
from .termbase import FileBlob, Termbase
from .text import INVISIBLE

try:  # hashlib loads OpenSSL's library first, which takes longer than a look-up
    from _blake2 import blake2b
except ImportError:  # a Python without its own BLAKE2
    from hashlib import blake2b

__all__ = ["load", "read_glossary", "default_glossary_dir", "cache_dir", "SOURCES_INDEX"]

SOURCES_INDEX = Path("sources") / "index.toml"
_CACHE_FORMAT = "8"


def default_glossary_dir() -> Path:
    """The glossary shipped inside the package, or the repository's own in a checkout."""
    packaged = Path(__file__).parent / "glossary"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "glossary"


def cache_dir() -> Path | None:
    """Where compiled termbases are kept: `$MIGTERM_CACHE_DIR` (empty: no cache),
    else `$XDG_CACHE_HOME/migterm`, else `~/.cache/migterm`."""
    configured = os.environ.get("MIGTERM_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "migterm"


def _display(path: Path, directory: Path) -> str:
    """A path as people know it: `glossary/borders.toml` rather than an absolute path."""
    try:
        return str(Path(directory.name) / path.relative_to(directory))
    except ValueError:
        return str(path)


def _read_toml(path: Path, directory: Path) -> tuple[dict[str, Any], str]:
    """The file's tables, and its text."""
    import tomllib

    shown = _display(path, directory)
    try:
        text = path.read_bytes().decode("utf-8")
        return tomllib.loads(text), text
    except OSError as error:
        raise GlossaryError(f"cannot read: {error.strerror}", path=shown) from None
    except UnicodeDecodeError:
        raise GlossaryError("not UTF-8 text", path=shown) from None
    except RecursionError:
        raise GlossaryError("not valid TOML for a glossary: tables or arrays nested too deep", path=shown) from None
    except tomllib.TOMLDecodeError as error:
        m = re.search(r"\(at line (\d+), column \d+\)", str(error))
        message = re.sub(r"\s*\(at line.*\)", "", str(error))
        raise GlossaryError(f"not valid TOML: {message}", path=shown, line=int(m.group(1)) if m else None) from None


def _table_list(data: Mapping[str, Any], name: str, shown: str) -> list[Any]:
    value = data.get(name, [])
    unknown = sorted(set(data) - {name})
    if unknown:
        raise GlossaryError(f"unknown top-level key {unknown[0]!r} (expected [[{name}]] tables)", path=shown)
    if not isinstance(value, list):
        raise GlossaryError(f"{name!r} must be an array of tables ([[{name}]])", path=shown)
    return value


def _glossary_error(error: MigtermError, path: str) -> GlossaryError:
    """A model error found while reading a glossary file, as an error of that file."""
    return GlossaryError(error.message, path=error.path or path, line=error.line, concept=error.concept)


def _glossary_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.toml"))


def read_glossary(directory: str | Path | None = None) -> tuple[list[Concept], list[Source]]:
    """Parse and check every glossary file; the first problem raises `GlossaryError`."""
    directory = Path(directory) if directory is not None else default_glossary_dir()
    if not directory.is_dir():
        raise GlossaryError("no such glossary directory", path=directory)
    sources: list[Source] = []
    index_path = directory / SOURCES_INDEX
    if index_path.exists():
        shown = _display(index_path, directory)
        for entry in _table_list(_read_toml(index_path, directory)[0], "source", shown):
            try:
                sources.append(Source.from_dict(entry))
            except MigtermError as error:
                raise _glossary_error(error, shown) from None
    concepts: list[Concept] = []
    origin: dict[str, str] = {}
    for path in _glossary_files(directory):
        shown = _display(path, directory)
        data, text = _read_toml(path, directory)
        may_hide = INVISIBLE.search(text) is not None or "\\u" in text or "\\U" in text  # a character or an escape of one
        for entry in _table_list(data, "concept", shown):
            cid = entry.get("id") if isinstance(entry, dict) else None
            if cid is not None and not (isinstance(cid, str) and is_glossary_id(cid)):
                raise GlossaryError(f"concept id {cid!r} is not a lower-case slug such as 'external-border'", path=shown)
            hidden = _invisible(entry) if may_hide else None
            if hidden is not None:
                raise GlossaryError(f"{hidden[0]} holds the invisible character U+{ord(hidden[1]):04X}, which no one can see or type; "
                                    "take it out", path=shown, concept=cid if isinstance(cid, str) else None)
            try:
                concept = Concept.from_dict(entry, subject=path.stem)
            except MigtermError as error:
                raise _glossary_error(error, shown) from None
            if concept.id in origin:
                raise GlossaryError(f"id already used in {origin[concept.id]}", path=shown, concept=concept.id)
            origin[concept.id] = shown
            concepts.append(concept)
    if not concepts:
        raise GlossaryError("holds no concepts (no *.toml file with [[concept]] tables)", path=directory)
    return concepts, sources


def _invisible(value: Any, where: str = "concept") -> tuple[str, str] | None:
    """The first invisible character (soft hyphen, zero-width, bidi control) in a glossary
    entry's text, and where it is; context quotes may hold what their source holds."""
    if isinstance(value, str):
        hidden = INVISIBLE.search(value)
        return (where, hidden.group()) if hidden else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if key == "contexts":  # verbatim quotes: as their source has them
            continue
        found = _invisible(item, f"{where} {key}" if isinstance(key, str) else where)
        if found is not None:
            return found
    return None


def _build(directory: Path) -> Termbase:
    concepts, sources = read_glossary(directory)
    try:
        return Termbase(concepts, sources)
    except MigtermError as error:
        concept = next((c for c in concepts if c.id == error.concept), None)
        where = f"{directory.name}/{concept.subject}.toml" if concept is not None and concept.subject else directory.name
        raise _glossary_error(error, where) from None


def _fingerprint(directory: Path) -> bytes:
    """What the cache must match: migterm and Python versions, and each glossary file's
    name and contents (not its size or time, which an edit can leave as they were).
    Each file's contents count by their 64-bit SipHash, the hash by which Python
    trusts a hash-based .pyc to match its source, and several times quicker than
    hashing them with BLAKE2."""
    from importlib.util import source_hash

    from . import __version__

    digest = blake2b(digest_size=32)
    for part in (_CACHE_FORMAT, __version__, sys.version, str(directory.resolve())):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for path in [*_glossary_files(directory), directory / SOURCES_INDEX]:
        try:
            data = _mapped(path) if path.stat().st_size else b""  # (mapped: a large file is not copied to be hashed)
        except (OSError, ValueError):
            continue
        digest.update(path.name.encode("utf-8", "surrogatepass") + b"\0" + len(data).to_bytes(8, "big") + source_hash(data))
    return digest.digest()


_MAGIC = b"migterm-cache\0"


def _crc(text: str) -> str:
    return format(zlib.crc32(text.encode("utf-8", "surrogatepass")), "08x")


def load(directory: str | Path | None = None, *, cache: bool = True) -> Termbase:
    """The termbase of a glossary directory (by default the one migterm ships).

    >>> termbase = load()
    >>> termbase.lookup("asielaanvragen")[0].concept.preferred("en").text
    'asylum application'
    """
    directory = Path(directory) if directory is not None else default_glossary_dir()
    if not directory.is_dir():
        raise GlossaryError("no such glossary directory", path=directory)
    where = cache_dir() if cache else None
    if where is None:
        return _build(directory)
    fingerprint = _fingerprint(directory)
    prefix = f"termbase-{_crc(str(directory.resolve()))}"
    cached = where / f"{prefix}-{fingerprint[:4].hex()}.bin"
    header = _MAGIC + fingerprint
    try:
        data = FileBlob.open(cached)
        # the cache is used only when it is the one of these files and its contents are intact
        if bytes(data[: len(header)]) == header and bytes(data[len(header) : len(header) + 4]) == _crc_of(cached, len(header) + 4):
            return Termbase.from_compiled(data[len(header) + 4 :])
    except Exception:  # noqa: BLE001 -- absent, stale or damaged in any way: rebuild below
        pass
    termbase = _build(directory)
    _write_quietly(cached, header, termbase.compiled_parts())
    for stale in where.glob(f"{prefix}-*.bin"):
        if stale != cached:
            try:
                stale.unlink(missing_ok=True)
            except OSError:
                pass
    return termbase


def _crc_of(path: Path, start: int) -> bytes:
    """The CRC-32 of a file from `start`, read a piece at a time (through a mapping, the
    whole file would count in the process's memory once it had been read)."""
    crc = 0
    piece = bytearray(1 << 18)
    with open(path, "rb", buffering=0) as handle:
        handle.seek(start)
        while read := handle.readinto(piece):
            crc = zlib.crc32(memoryview(piece)[:read], crc)
    return crc.to_bytes(4, "big")


def _mapped(path: Path) -> memoryview:
    """A file's bytes, mapped rather than read, to be hashed without being copied."""
    import mmap

    with open(path, "rb") as handle:
        return memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))


def _write_quietly(path: Path, header: bytes, parts: Iterable[bytes]) -> None:
    """Write the cache atomically: the header, the CRC-32 of what follows, and the
    compiled termbase, part after part as it is made (a large one is neither kept whole
    nor copied to be joined); a cache that cannot be written is simply not used."""
    import tempfile

    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as handle:
            temporary = handle.name
            handle.write(header + bytes(4))
            crc = 0
            for part in parts:
                handle.write(part)
                crc = zlib.crc32(part, crc)
            handle.seek(len(header))
            handle.write(crc.to_bytes(4, "big"))
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
