"""What the termbase holds: the figures of `migterm stats` without a file, counted
again from the glossary's TOML, and docs/coverage.md in step with them."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from collections import Counter

from migterm import coverage
from migterm.cli import COVERAGE_COMMAND

from .conftest import GLOSSARY, REPO


def _toml_concepts():
    for path in sorted(GLOSSARY.glob("*.toml")):
        for concept in tomllib.loads(path.read_text(encoding="utf-8")).get("concept", []):
            yield path.stem, concept


def test_the_figures_are_those_of_the_glossary_files(termbase):
    figures = coverage.coverage(termbase)
    concepts = list(_toml_concepts())
    assert figures["concepts"] == len(concepts)
    by_field = Counter(field for field, _ in concepts)
    assert {name: f["concepts"] for name, f in figures["subject fields"].items()} == dict(by_field)
    terms = Counter((field, term["lang"].split("-")[0]) for field, c in concepts for term in c["term"])
    for name, field in figures["subject fields"].items():
        assert field["terms"] == {lang: terms[name, lang] for lang in field["terms"]}
        assert field["with a context"] == sum(any(t.get("contexts") for t in c["term"]) for f, c in concepts if f == name)
    kinds = Counter(r["kind"] for _, c in concepts for r in c.get("references", []))
    assert figures["references by kind"] == dict(kinds)
    assert figures["relations"]["related"] == sum(len(c.get("related", [])) for _, c in concepts)
    assert figures["relations"]["broader"] == sum(len(c.get("broader", [])) for _, c in concepts)
    statuses = Counter((t["lang"], t["status"]) for _, c in concepts for t in c["term"])
    assert {(lang, s): n for lang, row in figures["terms by language and status"].items() for s, n in row.items() if n} == dict(statuses)
    quotes = Counter(ctx["source"] for _, c in concepts for t in c["term"] for ctx in t.get("contexts", []))
    assert figures["context quotes by source"] == dict(sorted(quotes.items()))


def test_the_coverage_page_is_in_step_with_the_glossary(termbase):
    page = (REPO / "docs" / "coverage.md").read_text(encoding="utf-8")
    assert page == coverage.to_markdown(coverage.coverage(termbase), COVERAGE_COMMAND), f"regenerate it: {COVERAGE_COMMAND}"


def test_the_command_prints_the_page_and_refuses_a_file_with_it(tmp_path):
    out = subprocess.run([sys.executable, "-m", "migterm", "stats", "--markdown"], capture_output=True, text=True, check=True, cwd=REPO).stdout
    assert out == (REPO / "docs" / "coverage.md").read_text(encoding="utf-8")
    wrong = subprocess.run([sys.executable, "-m", "migterm", "stats", "--markdown", "tmx/source-documents.tmx"], capture_output=True, text=True, cwd=REPO)
    assert wrong.returncode == 2 and wrong.stderr.count("\n") == 1 and "without a FILE" in wrong.stderr
