"""The one safe way migterm reads XML, and the one way it writes any file.

XML is untrusted input. The parser never fetches a DTD or anything else from
the network or the disk, never expands entities, and refuses documents that
declare entities at all (the billion-laughs, quadratic-blowup and
external-entity attacks all need a declaration); a reference to an undeclared
entity is refused where its text is read. XInclude is never processed.
Large files stream: `iter_elements` hands over each finished element and then
frees it and everything before it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from lxml import etree

from ..errors import FormatError

__all__ = ["FormatError", "iter_elements", "local_name", "text_of", "atomic_output", "serialise"]

_SAFE = {"resolve_entities": False, "no_network": True, "load_dtd": False, "dtd_validation": False, "huge_tree": False}


def local_name(element: Any) -> str:
    """An element's name without its namespace."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _refuse_entity_declarations(root: Any, path: str) -> None:
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None:
        for entity in dtd.iterentities():
            raise FormatError(f"declares the entity '{entity.name}'; entity declarations are refused", path=path, line=1)


def iter_elements(source: str | Path | IO[bytes], tags: list[str], *, root_names: set[str], path: str | None = None) -> Iterator[tuple[str, Any]]:
    """Stream an XML file, yielding ("root", root) first and then (name, element) for
    every finished element matching one of `tags` (lxml tag patterns: "tu",
    "{*}conceptEntry"). Only those reach Python (lxml filters in C), and each is freed,
    with everything before it, once the consumer is done with it."""
    shown = path or str(source)
    started = False

    def start(element: Any) -> Any:
        root = element.getroottree().getroot()
        _refuse_entity_declarations(root, shown)
        if local_name(root) not in root_names:
            expected = " or ".join(f"<{n}>" for n in sorted(root_names))
            raise FormatError(f"the root element is <{local_name(root)}>, not {expected}", path=shown, line=root.sourceline)
        return root

    # one plain tag ("tu"): every element streamed has that name, which need not be worked out each time
    only = tags[0] if len(tags) == 1 and tags[0].isalnum() else None
    try:
        events = etree.iterparse(source, events=("end",), tag=tags[0] if len(tags) == 1 else tags, remove_comments=True, remove_pis=True, **_SAFE)
        for _, element in events:
            if not started:
                started = True
                yield "root", start(element)
            yield only or local_name(element), element
            element.clear(keep_tail=True)
            parent = element.getparent()
            if parent is not None:
                while element.getprevious() is not None:
                    del parent[0]
        if not started and events.root is not None:
            yield "root", start(events.root)
    except etree.XMLSyntaxError as error:
        message = str(error.msg or error).split(", line ")[0]
        raise FormatError(f"not well-formed XML: {message}", path=shown, line=error.lineno or None) from None
    except OSError as error:
        raise FormatError(f"cannot read: {error.strerror or error}", path=shown) from None


def text_of(element: Any, path: str, *, markup: bool = False) -> str:
    """The text of an element. Entity references are refused; child elements are
    refused too unless `markup` is true, in which case they are kept as XML."""
    if not len(element):
        return element.text or ""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child, etree._Entity):
            raise FormatError(f"the entity reference {child.text} is not allowed", path=path, line=child.sourceline or element.sourceline)
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        if not markup:
            raise FormatError(f"<{local_name(element)}> holds the element <{local_name(child)}>, which is not allowed there", path=path, line=child.sourceline)
        parts.append(etree.tostring(child, encoding="unicode", with_tail=True))
    return "".join(parts)


def serialise(root: Any, *, doctype: str | None = None) -> bytes:
    """An element tree as UTF-8 XML, indented, the same bytes for the same tree."""
    etree.indent(root, space="  ")
    body = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    head = b'<?xml version="1.0" encoding="UTF-8"?>\n' + (doctype.encode() + b"\n" if doctype else b"")
    return head + body + b"\n"


def _refuse_to_replace(target: Path, force: bool) -> int | None:
    """The mode of the file at `target` (None: there is none), after refusing what an
    output file must not replace without `force`: a symbolic link, a directory, a
    device or other special file, a file we may not write."""
    import stat

    try:
        status = target.lstat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise FormatError(f"cannot write: {error.strerror or error}", path=target) from None
    if stat.S_ISDIR(status.st_mode):
        raise FormatError("is a directory", path=target)
    if not force:
        if stat.S_ISLNK(status.st_mode):
            raise FormatError("is a symbolic link, which writing would replace with a file; give --force to do so", path=target)
        if not stat.S_ISREG(status.st_mode):
            raise FormatError("is not a regular file (a device, a pipe or a socket); give --force to replace it", path=target)
        if not status.st_mode & 0o222:  # no write permission for anyone (root could write it all the same)
            raise FormatError("is read-only; give --force to replace it", path=target)
    return stat.S_IMODE(status.st_mode) if stat.S_ISREG(status.st_mode) else None


@contextlib.contextmanager
def atomic_output(path: str | Path | None, *, binary: bool = True, force: bool = False) -> Iterator[IO[Any]]:
    """A file to write to that appears at `path` only when the writing succeeded
    (an interrupted write leaves the old file, or none). `None` or "-" is standard
    output. A file it replaces keeps its mode; a symbolic link, a device or a
    read-only file is not replaced unless `force`, and a directory never is."""
    if path is None or str(path) == "-":
        import sys

        stream = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return
    target = Path(path)
    mode = _refuse_to_replace(target, force)
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    handle = tempfile.NamedTemporaryFile(  # type: ignore[call-overload]
        mode="wb" if binary else "w", dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.", suffix=".tmp", delete=False,
        **({} if binary else {"encoding": "utf-8", "newline": ""}),
    )
    _PENDING.add(handle.name)
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, mode)
        os.replace(handle.name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise
    finally:
        _PENDING.discard(handle.name)


# Temporary files being written, for a signal handler to remove when the process is
# ended (SIGTERM, SIGHUP) without the chance to unwind.
_PENDING: set[str] = set()


def remove_pending() -> None:
    """Remove the temporary files of writes still under way."""
    for name in list(_PENDING):
        with contextlib.suppress(OSError):
            os.unlink(name)
        _PENDING.discard(name)
