"""The quote check: verbatim, and inside the article (or paragraph) it cites."""

from __future__ import annotations

import textwrap

from migterm import Concept, Context, Source, Status, Term, Termbase
from migterm.sources import check_quotes, divisions

ACT = textwrap.dedent("""\
    ##Wet

    ### Artikel  1  

    vreemdeling: ieder die de Nederlandse nationaliteit niet bezit;  

    ### Artikel  29  

    1. De verblijfsvergunning asiel voor bepaalde tijd kan worden verleend aan de vreemdeling die verdragsvluchteling is;
    """)
PUBLICATION = "Een deel van de personen die asiel aanvraagt in Neder-\nland.\n"


def _problems(tmp_path, *contexts: Context) -> list[str]:
    sources = tmp_path / "sources"
    sources.mkdir(exist_ok=True)
    (sources / "act.md").write_text(ACT, encoding="utf-8")
    (sources / "doc.txt").write_text(PUBLICATION, encoding="utf-8")
    termbase = Termbase(
        [Concept("x", (Term("vreemdeling", "nl", Status.PREFERRED, contexts=contexts), Term("foreign national", "en", Status.PREFERRED)))],
        [Source("act", "Wet", 2000, short="Vw 2000", file="act.md"), Source("doc", "Doc", 2023, "Ministerie", file="doc.txt")],
    )
    return [p.reason for p in check_quotes(termbase, tmp_path)]


def test_a_quote_from_an_act_stands_in_the_article_it_cites(tmp_path):
    assert _problems(tmp_path, Context("vreemdeling: ieder die de Nederlandse nationaliteit niet bezit;", "act", article="1")) == []
    assert _problems(tmp_path, Context("verleend aan de vreemdeling die verdragsvluchteling is", "act", article="29")) == []


def test_a_quote_cited_to_the_wrong_article_is_caught_and_the_right_one_named(tmp_path):
    assert _problems(tmp_path, Context("ieder die de Nederlandse nationaliteit niet bezit", "act", article="29")) == [
        "not found in article 29 of act.md but in 1"]
    assert _problems(tmp_path, Context("ieder die de Nederlandse nationaliteit niet bezit", "act", article="30")) == ["act.md has no article (or paragraph) 30"]


def test_a_quote_from_an_act_must_name_its_article_and_one_from_a_publication_must_not(tmp_path):
    assert _problems(tmp_path, Context("ieder die de Nederlandse nationaliteit niet bezit", "act")) == [
        "a quote from act.md must name its article (or paragraph)"]
    assert _problems(tmp_path, Context("personen die asiel aanvraagt in Nederland.", "doc")) == []
    assert _problems(tmp_path, Context("personen die asiel aanvraagt in Nederland.", "doc", article="1")) == [
        "doc.txt has no articles or paragraphs, so the quote cannot cite article 1"]


def test_a_source_that_is_not_utf8_is_a_problem_not_a_crash(tmp_path):
    (tmp_path / "sources").mkdir()
    problems = _problems(tmp_path, Context("vreemdeling", "act", article="1"))
    assert problems == []
    (tmp_path / "sources" / "latin.md").write_bytes("Artikel é".encode("latin-1"))
    termbase = Termbase([Concept("y", (Term("y", "nl", Status.PREFERRED, contexts=(Context("é", "latin", article="1"),)),))],
                        [Source("latin", "L", 2000, file="latin.md")])
    assert [p.reason for p in check_quotes(termbase, tmp_path)] == ["latin.md is not UTF-8 text"]


def test_the_circular_is_divided_by_chapter_and_paragraph():
    circular = "### B1  \n####Regulier\n### 2  \n### 2.1  \nDe VOG.\n### * * *Ad b.* * * \nMeer.\n### B8\n### 1\nBuitenschuld.\n"
    parts = divisions(circular)
    assert sorted(parts) == ["B1/2", "B1/2.1", "B8/1"]
    (start, end), = parts["B1/2.1"]
    assert circular[start:end] == "### 2.1  \nDe VOG.\n### * * *Ad b.* * * \nMeer.\n"  # unnumbered headings stay inside
