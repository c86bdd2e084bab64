"""gettext PO: the source-language term as msgid, the preferred target-language
term as msgstr, the concept id as msgctxt; the definition, subject, notes and
the terms' properties as extracted comments (`#. name: value`), which
migterm reads back. Any PO that polib reads is read: any charset, plurals,
msgctxt, fuzzy and obsolete entries."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import polib

from .. import __version__
from ..model import RELATIONS, Segment, Status, Unit
from ..termbase import Termbase
from ._bilingual import ConceptBuilder, pairs, slug, term_fields, term_from_fields
from ..errors import FormatError

__all__ = ["write_po", "read_po", "iter_po_units"]


def _comment(name: str, value: str) -> str:
    return f"{name}: {value}"


def write_po(termbase: Termbase, out: IO[bytes], *, source_lang: str = "nl", target_lang: str = "en", **_: Any) -> None:
    catalog = polib.POFile(wrapwidth=0)  # no wrapping: a comment line is one field
    catalog.metadata = {
        "Project-Id-Version": f"migterm {__version__}",
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "migterm",
        "Language-Team": "migterm",
        "Language": target_lang.replace("-", "_"),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": source_lang,
        "X-Generator": f"migterm {__version__}",
    }
    written: set[tuple[str, str]] = set()
    for concept, term, target in pairs(termbase, source_lang, target_lang):
        # msgctxt and msgid identify an entry: the same text in two regional variants needs its own context
        context = concept.id if (concept.id, term.text) not in written else f"{concept.id} ({term.lang})"
        written.add((concept.id, term.text))
        lines = []
        for lang, definition in concept.definitions.items():
            lines.append(_comment(f"definition {lang}", definition))
        if concept.subject:
            lines.append(_comment("subject", concept.subject))
        lines.extend(_comment("note", note) for note in concept.notes)
        for relation, name in RELATIONS.items():
            lines.extend(_comment(name, rid) for rid in getattr(concept, relation))
        if term.lang != source_lang:
            lines.append(_comment("source lang", term.lang))
        lines.extend(_comment(f"source {name}", value) for name, value in term_fields(term))
        if target is not None:
            lines.append(_comment("target lang", target.lang))
            lines.extend(_comment(f"target {name}", value) for name, value in term_fields(target))
        catalog.append(
            polib.POEntry(msgctxt=context, msgid=term.text, msgstr=target.text if target else "", comment="\n".join(lines).replace("\r", " "))
        )
    out.write(str(catalog).encode("utf-8"))


def _load(source: str | Path | IO[bytes], shown: str) -> polib.POFile:
    try:
        if hasattr(source, "read"):
            data = source.read()  # type: ignore[union-attr]
            return polib.pofile(data.decode("utf-8") if isinstance(data, bytes) else data)
        return polib.pofile(str(source))
    except (OSError, ValueError, UnicodeDecodeError) as error:
        # polib reports syntax errors only as prose, "... (line N)"
        message = str(error)
        m = re.search(r"\(line (\d+)\)", message)
        reason = re.sub(r"\s*\(line \d+\)", "", message)
        raise FormatError(f"not a PO file polib can read: {reason}", path=shown, line=int(m.group(1)) if m else None) from None


def iter_po_units(source: str | Path | IO[bytes], *, path: str | None = None, source_lang: str | None = None, **_: Any) -> Iterator[Unit]:
    """The entries of a PO file as units (the header left out, obsolete entries marked)."""
    shown = path or str(source)
    catalog = _load(source, shown)
    target_lang = (catalog.metadata.get("Language") or "und").replace("_", "-")
    src = source_lang or catalog.metadata.get("X-Source-Language") or "und"
    for entry in catalog:  # obsolete entries included
        if not entry.msgid and not entry.msgctxt:
            continue
        target = entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr
        props = [("comment", entry.comment)] if entry.comment else []
        if entry.msgid_plural:
            props.append(("msgid_plural", entry.msgid_plural))
            props.extend((f"msgstr[{k}]", v) for k, v in sorted(entry.msgstr_plural.items()))
        yield Unit(
            id=f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid,
            variants={src: Segment(entry.msgid), target_lang: Segment(target)},
            line=entry.linenum,
            props=(("msgctxt", entry.msgctxt),) * bool(entry.msgctxt) + tuple(props),
            notes=tuple(n for n in (entry.tcomment,) if n),
            fuzzy=bool(entry.fuzzy),
            obsolete=bool(entry.obsolete),
        )


def read_po(source: str | Path | IO[bytes], *, path: str | None = None, source_lang: str | None = None, **_: Any) -> Termbase:
    """A PO file as a termbase: migterm's own PO back into its concepts; any other PO one
    concept per entry (obsolete entries left out, fuzzy translations admitted, not preferred)."""
    shown = path or str(source)
    builder = ConceptBuilder(shown)
    for unit in iter_po_units(source, path=shown, source_lang=source_lang):
        if unit.obsolete:
            continue
        props = dict(unit.props)
        (src, source_segment), (tgt, target_segment) = list(unit.variants.items())
        comments = [line.partition(": ")[::2] for line in props.get("comment", "").splitlines()]
        source_fields = [(n[len("source "):], v) for n, v in comments if n.startswith("source ") and n != "source lang"]
        src = next((v for n, v in comments if n == "source lang"), src)
        target_fields = [(n[len("target "):], v) for n, v in comments if n.startswith("target ") and n != "target lang"]
        tgt = next((v for n, v in comments if n == "target lang"), tgt)
        terms = [term_from_fields(source_segment.text, src, source_fields, Status.PREFERRED)]
        if "msgid_plural" in props and not any(n == "plural" for n, _ in source_fields):
            terms[0] = term_from_fields(source_segment.text, src, [*source_fields, ("plural", props["msgid_plural"])], Status.PREFERRED)
        if target_segment.text:
            status = Status.ADMITTED if unit.fuzzy else Status.PREFERRED
            terms.append(term_from_fields(target_segment.text, tgt, target_fields, status))
        builder.add(
            props["msgctxt"].split(" ")[0] if props.get("msgctxt") else builder.unique_id(slug(source_segment.text)),
            terms=terms,
            line=unit.line,
            subject=next((v for n, v in comments if n == "subject"), None),
            definitions={n[len("definition "):]: v for n, v in comments if n.startswith("definition ")},
            notes=[v for n, v in comments if n == "note"],
            relations={r: [v for n, v in comments if n == name] for r, name in RELATIONS.items()},
        )
    return builder.termbase()
