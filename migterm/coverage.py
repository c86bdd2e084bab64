"""What a termbase holds: concepts and terms by subject field and language, the
terms' statuses, and the evidence behind them (context quotes, references of each
kind, relations). `migterm stats` prints it; `docs/coverage.md` is it as markdown.

>>> import migterm
>>> figures = coverage(migterm.load())
>>> figures["concepts"] == sum(field["concepts"] for field in figures["subject fields"].values())
True
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .model import Concept, ReferenceKind, Status
from .termbase import Termbase

__all__ = ["coverage", "to_text", "to_markdown"]

_STATUSES = [s.value for s in Status]
_KINDS = [k.value for k in ReferenceKind]
_RELATIONS = ("broader", "related", "superseded-by")


def _relations(concept: Concept) -> dict[str, int]:
    return {"broader": len(concept.broader), "related": len(concept.related), "superseded-by": len(concept.superseded_by)}


def _base(lang: str) -> str:
    return lang.split("-")[0].lower()


def _field(concepts: list[Concept], languages: list[str]) -> dict[str, Any]:
    terms = Counter(_base(t.lang) for c in concepts for t in c.terms)
    return {
        "concepts": len(concepts),
        "terms": {lang: terms[lang] for lang in languages},
        "with a context": sum(any(t.contexts for t in c.terms) for c in concepts),
        "with a reference": sum(bool(c.references) for c in concepts),
        "with a relation": sum(bool(c.broader or c.related or c.superseded_by) for c in concepts),
    }


def coverage(termbase: Termbase) -> dict[str, Any]:
    """The figures, as plain data (what `migterm stats --json` prints)."""
    concepts = list(termbase)
    languages = sorted({t.lang for c in concepts for t in c.terms})
    bases = sorted({_base(lang) for lang in languages})  # a subject field's terms in en and en-US are its English terms
    fields: dict[str, list[Concept]] = {}
    for concept in concepts:
        fields.setdefault(concept.subject or "(none)", []).append(concept)
    statuses = {lang: Counter(t.status.value for c in concepts for t in c.terms if t.lang == lang) for lang in languages}
    references = Counter(r.kind.value for c in concepts for r in c.references)
    backed = {kind: sum(any(r.kind.value == kind for r in c.references) for c in concepts) for kind in _KINDS}
    relations: Counter[str] = Counter()
    for concept in concepts:
        relations.update(_relations(concept))
    quotes = Counter(ctx.source for c in concepts for t in c.terms for ctx in t.contexts)
    return {
        "concepts": len(concepts),
        "terms": sum(len(c.terms) for c in concepts),
        "subject fields": {name: _field(members, bases) for name, members in sorted(fields.items())},
        "terms by language and status": {lang: {s: statuses[lang][s] for s in _STATUSES} for lang in languages},
        "concepts with a definition": sum(bool(c.definitions) for c in concepts),
        "concepts with a context": sum(any(t.contexts for t in c.terms) for c in concepts),
        "context quotes by source": {source: quotes[source] for source in sorted(termbase.sources) if quotes[source]}
        | {source: count for source, count in sorted(quotes.items()) if source not in termbase.sources},
        "references by kind": {kind: references[kind] for kind in _KINDS if references[kind]},
        "concepts with a reference of each kind": {kind: backed[kind] for kind in _KINDS if backed[kind]},
        "concepts without a reference": sum(not c.references for c in concepts),
        "relations": {name: relations[name] for name in _RELATIONS},
        "concepts with a relation": sum(bool(c.broader or c.related or c.superseded_by) for c in concepts),
    }


def to_text(figures: dict[str, Any]) -> str:
    """The figures for a terminal: one line for each figure, a table of the subject fields."""
    languages = _field_languages(figures)
    lines = [f"{'concepts:':<30}{figures['concepts']:,}", f"{'terms:':<30}{figures['terms']:,}", ""]
    head = f"{'subject field':<28}{'concepts':>9}" + "".join(f"{lang + ' terms':>10}" for lang in languages)
    lines.append(head + f"{'with a context':>16}{'a reference':>13}{'a relation':>12}")
    for name, field in figures["subject fields"].items():
        lines.append(f"{name:<28}{field['concepts']:>9}" + "".join(f"{field['terms'][lang]:>10}" for lang in languages)
                     + f"{field['with a context']:>16}{field['with a reference']:>13}{field['with a relation']:>12}")
    lines.append("")
    for lang, statuses in figures["terms by language and status"].items():
        lines.append(f"{lang + ' terms by status:':<30}" + ", ".join(f"{s} {n:,}" for s, n in statuses.items()))
    for name in ("concepts with a definition", "concepts with a context", "context quotes by source", "references by kind",
                 "concepts with a reference of each kind", "concepts without a reference", "relations", "concepts with a relation"):
        value = figures[name]
        shown = (", ".join(f"{k} {v:,}" for k, v in value.items()) or "none") if isinstance(value, dict) else f"{value:,}"
        lines.append(f"{name + ':':<30}{shown}" if len(name) < 29 else f"{name}:\n{'':<30}{shown}")
    return "\n".join(lines) + "\n"


def _field_languages(figures: dict[str, Any]) -> list[str]:
    return list(next(iter(figures["subject fields"].values()))["terms"]) if figures["subject fields"] else []


def to_markdown(figures: dict[str, Any], command: str) -> str:
    """The figures as a markdown page, saying the command that generates it."""
    languages = _field_languages(figures)
    out = [
        "# What the termbase holds",
        "",
        f"Generated from the glossary by `{command}`; a test keeps this page in step",
        "with the glossary. Do not edit it by hand.",
        "",
        f"**{figures['concepts']:,} concepts** and **{figures['terms']:,} terms**; "
        f"{figures['concepts with a context']:,} concepts have a context quote from a source document, "
        f"{figures['concepts'] - figures['concepts without a reference']:,} a reference for their English, "
        f"{figures['concepts with a relation']:,} a relation to another concept.",
        "",
        "## By subject field",
        "",
        "| subject field | concepts | " + " | ".join(f"{lang} terms" for lang in languages) + " | with a context | with a reference | with a relation |",
        "| --- | ---: | " + " | ".join("---:" for _ in languages) + " | ---: | ---: | ---: |",
    ]
    for name, field in figures["subject fields"].items():
        out.append(f"| {name} | {field['concepts']} | " + " | ".join(str(field["terms"][lang]) for lang in languages)
                   + f" | {field['with a context']} | {field['with a reference']} | {field['with a relation']} |")
    out += ["", "## Terms by language and status", "", "| language | " + " | ".join(_STATUSES) + " |",
            "| --- | " + " | ".join("---:" for _ in _STATUSES) + " |"]
    for lang, statuses in figures["terms by language and status"].items():
        out.append(f"| {lang} | " + " | ".join(str(statuses[s]) for s in _STATUSES) + " |")
    out += ["", "## Evidence", "", "| references of the kind | references | concepts |", "| --- | ---: | ---: |"]
    for kind, count in figures["references by kind"].items():
        out.append(f"| {kind} | {count} | {figures['concepts with a reference of each kind'][kind]} |")
    out += ["", f"Concepts without a reference: {figures['concepts without a reference']} (each says why in a note).", "",
            "| context quotes from | quotes |", "| --- | ---: |"]
    out += [f"| {source} | {count} |" for source, count in figures["context quotes by source"].items()]
    out += ["", "## Relations", "", "| relation | links |", "| --- | ---: |"]
    out += [f"| {name} | {count} |" for name, count in figures["relations"].items()]
    out += ["", "Narrower links are the broader ones read the other way, and are not counted again.", ""]
    return "\n".join(out)
