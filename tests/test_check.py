"""`migterm check`: terminology QA of bilingual files."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import polib
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from migterm import formats
from migterm.check import Checker, check_file, check_units
from migterm.units import Code, Segment, Unit

from .conftest import REPO

XLIFF = REPO / "tests" / "data" / "xliff"
TM = REPO / "tmx" / "source-documents.tmx"


@pytest.fixture(scope="module")
def checker(termbase):
    return Checker(termbase)


def problems(checker, source, target):
    return [(kind, concept.id, found) for kind, concept, _, found in checker.check(source, target)]


@pytest.mark.parametrize("target", [
    "The asylum applications are assessed.",
    "The asylum application's assessment.",
    "The ASYLUM APPLICATIONS are assessed.",
    "The Asylum-Application is assessed.",
    "The application for international protection is assessed.",  # an admitted synonym
    "The asylum\napplications are assessed.",
])
def test_approved_terms_in_any_inflection_pass(checker, target):
    assert problems(checker, "De asielaanvragen worden beoordeeld.", target) == []


def test_a_missing_key_term_is_a_mismatch(checker):
    assert problems(checker, "De asielaanvragen worden beoordeeld.", "The requests are assessed.") == [("mismatch", "asylum-application", None)]


def test_a_deprecated_term_is_reported_as_written(checker):
    assert problems(checker, "De asielzoekers wachten.", "The Refugees are waiting.") == [("deprecated", "asylum-seeker", "Refugees")]
    # beside the approved term it is still reported: the target uses it
    assert problems(checker, "De asielzoekers wachten.", "The asylum seekers (refugees) wait.") == [("deprecated", "asylum-seeker", "refugees")]


def test_a_deprecated_word_inside_a_longer_term_is_no_deprecated_term(checker):
    assert problems(checker, "De toelating.", "The Entry/Exit System.") == [("mismatch", "admission", None)]


def test_a_dutch_term_left_in_the_target_is_untranslated(checker):
    assert problems(checker, "Met de Koninklijke Marechaussee.", "With the Koninklijke Marechaussee.") == [("untranslated", "kmar", "Koninklijke Marechaussee")]
    assert problems(checker, "Met de asielzoekers.", "With the asielzoekers.") == [("untranslated", "asylum-seeker", "asielzoekers")]


def test_abbreviations_shared_by_both_languages_are_no_untranslated_terms(checker):
    assert problems(checker, "De IND en het COA.", "The IND and COA.") == []
    assert problems(checker, "De IND.", "The ind.") == [("mismatch", "ind", None)]  # an abbreviation only as written
    assert problems(checker, "De NGO’s.", "The NGOs.") == []


def test_source_terms_are_found_the_way_scan_finds_them(checker):
    # split by a PDF line break; the longest term; an inflected multiword term
    assert problems(checker, "van de keten\npartners", "of the chain members") == [("mismatch", "chain-partner", None)]
    assert problems(checker, "De Europese Grens- en Kustwacht.", "The European Border and Coast Guard.") == []
    assert problems(checker, "kansarme asielaanvragen", "asylum applications with little chance of success") == []


def test_compounds_are_not_checked(checker):
    assert problems(checker, "Het terugkeerbeleid.", "The policy.") == []


def test_a_unit_can_accept_a_concept(checker, tmp_path):
    tmx = tmp_path / "accept.tmx"
    tmx.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="nl" datatype="plaintext"/>
<body>
<tu tuid="a"><prop type="x-migterm-accept">asylum-application</prop><tuv xml:lang="nl"><seg>De asielaanvragen.</seg></tuv><tuv xml:lang="en"><seg>The requests.</seg></tuv></tu>
<tu tuid="b"><note>migterm-accept: asylum-seeker</note><tuv xml:lang="nl"><seg>De asielzoekers.</seg></tuv><tuv xml:lang="en"><seg>The people.</seg></tuv></tu>
<tu tuid="c"><tuv xml:lang="nl"><seg>De asielzoekers.</seg></tuv><tuv xml:lang="en"><seg>The people.</seg></tuv></tu>
</body></tmx>""", encoding="utf-8")
    assert [(f.unit, f.kind) for f in check_file(tmx, checker.termbase)] == [("c", "mismatch")]


EXPECTED = [("deprecated", "asylum-seeker", "refugees"), ("untranslated", "kmar", "Koninklijke Marechaussee"), ("mismatch", "return", None)]


@pytest.mark.parametrize("name, units, lines", [
    ("delivery-1.2.xlf", ["2", "3", "4"], [9, 13, 17]),
    ("delivery-2.0.xlf", ["u1/s2", "u2", "u3"], [12, 18, 24]),
])
def test_xliff_units_inline_codes_and_untranslatable_units(termbase, name, units, lines):
    findings = list(check_file(XLIFF / name, termbase))
    assert [(f.kind, f.concept, f.found) for f in findings] == EXPECTED
    assert [f.unit for f in findings] == units and [f.line for f in findings] == lines


def test_xliff_reader_keeps_codes_out_of_the_text():
    units = list(formats.read_units(XLIFF / "delivery-2.0.xlf"))
    assert [u.id for u in units] == ["u1/s1", "u1/s2", "u2", "u3", "u4"]
    assert [u.id for u in units if ("xliff:translate", "no") in u.attrs] == ["u4"]  # which check and scan leave out
    assert units[0].variants["nl"] == Segment("De asielaanvragen worden beoordeeld.", ("De ", Code("open", "1"), "asielaanvragen", Code("close", "1"), " worden beoordeeld."))
    assert units[3].text("nl") == "Het terugkeerbeleid en de terugkeer\u00a0nu."
    old = list(formats.read_units(XLIFF / "delivery-1.2.xlf"))
    assert [u.id for u in old] == ["1", "2", "3", "4", "5"] and old[3].text("nl") == "Het terugkeerbeleid en de terugkeer."
    assert list(old[0].variants) == ["nl-NL", "en-GB"]


def bilingual(tmp_path, suffix):
    """The XLIFF delivery's pairs written as TMX, PO or TSV."""
    pairs = [(u.text("nl"), next(s.text for k, s in u.variants.items() if k.startswith("en"))) for u in formats.read_units(XLIFF / "delivery-1.2.xlf")]
    path = tmp_path / f"delivery{suffix}"
    if suffix == ".po":
        catalog = polib.POFile()
        catalog.metadata = {"Language": "en", "Content-Type": "text/plain; charset=UTF-8"}
        for source, target in pairs:
            catalog.append(polib.POEntry(msgid=source, msgstr=target))
        catalog.save(str(path))
    elif suffix == ".tsv":
        path.write_text("".join(f"{s}\t{t}\n" for s, t in pairs), encoding="utf-8")
    else:
        with path.open("wb") as out:
            formats.tmx.write_tmx_units([Unit(str(n), {"en": Segment(t), "nl": Segment(s)}) for n, (s, t) in enumerate(pairs, 1)], out, source_lang="nl")
    return path


@pytest.mark.parametrize("suffix", [".tmx", ".po", ".tsv"])
def test_tmx_po_and_tsv_give_the_same_findings(termbase, tmp_path, suffix):
    findings = list(check_file(bilingual(tmp_path, suffix), termbase))
    assert [(f.kind, f.concept, f.found) for f in findings] == EXPECTED
    assert all(f.line for f in findings)


def migterm(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "migterm", *map(str, args)], capture_output=True, text=True, **kwargs)


def test_command_exit_status_text_and_json(tmp_path):
    result = migterm("check", XLIFF / "delivery-1.2.xlf")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (f"{XLIFF / 'delivery-1.2.xlf'}:9: unit 2: deprecated term 'refugees' for 'asielzoekers'; "
                                             "use 'asylum seeker' (or 'applicant for international protection') [asylum-seeker]")
    assert result.stderr == "3 findings in 3 of 4 units checked\n"
    records = [json.loads(line) for line in migterm("check", "--json", XLIFF / "delivery-2.0.xlf").stdout.splitlines()]
    assert records[2] == {"file": str(XLIFF / "delivery-2.0.xlf"), "unit": "u3", "line": 24, "kind": "mismatch", "concept": "return",
                          "source_term": "terugkeer", "expected": ["return", "repatriation"], "found": None}
    clean = tmp_path / "clean.tsv"
    clean.write_text("De terugkeer.\tThe return.\n", encoding="utf-8")
    assert migterm("check", clean).returncode == 0


@pytest.mark.parametrize("content, message", [
    ("<tmx version='1.4'><header srclang='nl'/><body><tu><tuv xml:lang='nl'><seg>x</seg></tuv>", "not well-formed XML"),
    ("<?xml version='1.0'?><!DOCTYPE tmx [<!ENTITY a 'b'>]><tmx version='1.4'><header srclang='nl'/><body/></tmx>", "entity"),
    ("<tmx version='1.4'><header srclang='de'/><body><tu><tuv xml:lang='de'><seg>x</seg></tuv><tuv xml:lang='fr'><seg>y</seg></tuv></tu></body></tmx>", "no terms in 'de'"),
])
def test_bad_input_is_one_line_and_exit_status_2(tmp_path, content, message):
    bad = tmp_path / "bad.tmx"
    bad.write_text(content, encoding="utf-8")
    result = migterm("check", bad)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    wrong_language = migterm("check", "--source-lang", "de", TM)
    assert wrong_language.returncode == 2 and wrong_language.stderr == f"migterm: {TM}: the termbase has no terms in 'de'\n"
    missing = migterm("check", tmp_path / "none.xlf")
    assert missing.returncode == 2 and "none.xlf" in missing.stderr


def test_the_python_entry_point():
    assert check_units([("De terugkeer.", "The return.")], None or __import__("migterm").load()) == [[]]


# -- consistency, as properties over the project's own translation memory -----------------

def tm_units():
    return [(u.id, u.text("nl"), u.text("en")) for u in formats.read_units(TM)]


def test_the_translation_memory_passes_the_check(termbase):
    assert list(check_file(TM, termbase)) == []


@st.composite
def unit_and_concept(draw, checker):
    units = tm_units()
    unit_id, source, target = draw(st.sampled_from(units))
    concepts = []
    for hit in checker._source.scan(source):
        if hit.kind == "term" and hit.concept not in concepts:
            concepts.append(hit.concept)
    assume(concepts)
    concept = draw(st.sampled_from(concepts))
    assume(bool(checker._expectation(concept).approved))
    return source, target, concept


def replaced(checker, source, target, concept, replacement):
    """The target with every approved term of `concept` replaced; only where no other
    concept of the unit depends on the replaced text."""
    spans = checker._expectation(concept).approved.spans(target)
    assume(spans and all(a[1] <= b[0] for a, b in zip(spans, spans[1:])))
    changed = target
    for start, end in reversed(spans):
        changed = changed[:start] + replacement(changed[start:end]) + changed[end:]
    others = [c for c in {h.concept.id: h.concept for h in checker._source.scan(source) if h.kind == "term"}.values() if c.id != concept.id]
    assume(problems(checker, source, changed) == [] or all(p[1] == concept.id for p in problems(checker, source, changed)) or not others)
    for other in others:
        approved = checker._expectation(other).approved
        assume(not approved or approved.search(changed, changed.lower()))
    return changed


@pytest.fixture(scope="module")
def tm_checker(termbase):
    return Checker(termbase)


@given(data=st.data(), wrong=st.from_regex(r"\A[a-z]{5,9}\Z"))
@settings(max_examples=100, deadline=None)
def test_a_wrong_term_always_yields_exactly_that_finding(tm_checker, data, wrong):
    source, target, concept = data.draw(unit_and_concept(tm_checker))
    changed = replaced(tm_checker, source, target, concept, lambda _: wrong)
    expectation = tm_checker._expectation(concept)
    assume(not expectation.approved.search(changed, changed.lower()))  # the wrong word is no approved term
    left = expectation.untranslated.search(changed, changed.lower())  # (MTV) after the name
    assert problems(tm_checker, source, changed) == [("untranslated", concept.id, left) if left else ("mismatch", concept.id, None)]


@given(data=st.data())
@settings(max_examples=100, deadline=None)
def test_an_admitted_synonym_never_yields_a_finding(tm_checker, data):
    source, target, concept = data.draw(unit_and_concept(tm_checker))
    synonym = data.draw(st.sampled_from(approved_english(concept)))
    changed = replaced(tm_checker, source, target, concept, lambda _: synonym)
    assert problems(tm_checker, source, changed) == []


def approved_english(concept):
    """From the termbase itself, not from the checker."""
    return [t.text for t in concept.terms_in("en") if t.status.value in ("preferred", "admitted")]


def inflect(text: str, how: str) -> str:
    if how == "capitalised":
        return text[:1].upper() + text[1:]
    if how == "title":
        return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))
    if how == "possessive":
        return text + "’s"
    words = text.split(" ")
    at = max(i for i, w in enumerate(words) if w.isalpha() or i == 0)  # the last word that is a word (not 2019/1896)
    last = words[at]
    words[at] = last[:-1] + "ies" if re.search(r"[^aeiou]y$", last) else last + "es" if re.search(r"(?:s|x|z|ch|sh)$", last) else last + "s"
    return " ".join(words)


@given(data=st.data(), how=st.sampled_from(["plural", "possessive", "capitalised", "title"]))
@settings(max_examples=100, deadline=None)
def test_an_inflected_approved_term_never_yields_a_finding(tm_checker, data, how):
    source, target, concept = data.draw(unit_and_concept(tm_checker))
    term = data.draw(st.sampled_from(approved_english(concept)))
    changed = replaced(tm_checker, source, target, concept, lambda _: inflect(term, how))
    assert problems(tm_checker, source, changed) == []


def test_two_processes_find_what_one_finds_in_the_same_order(termbase, tmp_path):
    """A large file is checked on two processors; the findings must not change."""
    units = list(formats.read_units(TM))
    damaged = []
    for copy in range(30):
        for n, unit in enumerate(units):
            english = unit.text("en")
            if (copy + n) % 7 == 0:
                english = re.sub(r"(?i)asylum seekers?|border|return|immigration system|Member States?", "xyzzy", english)
            damaged.append(Unit(f"{copy}.{unit.id}", {"nl": unit.variants["nl"], "en": Segment(english)}))
    path = tmp_path / "large.tmx"
    with path.open("wb") as out:
        formats.tmx.write_tmx_units(damaged, out)
    one = [f.to_dict() for f in check_file(path, termbase, parallel=False)]
    two = [f.to_dict() for f in check_file(path, termbase, parallel=True)]
    assert one == two and len(one) > 100
    assert [f["line"] for f in one] == sorted(f["line"] for f in one)
    by_jobs = [subprocess.run([sys.executable, "-m", "migterm", "check", "--jobs", jobs, str(path)], capture_output=True, text=True) for jobs in ("1", "2")]
    assert by_jobs[0].returncode == by_jobs[1].returncode == 1
    assert by_jobs[0].stdout == by_jobs[1].stdout and by_jobs[0].stdout.count("\n") == len(one)


def test_a_source_term_that_names_two_concepts_is_satisfied_by_either(checker):
    # 'inzet' is an actor's efforts (effort) or the deployment of people or means (deployment)
    assert problems(checker, "Dankzij de inzet van de KMar.", "Thanks to the deployment of the KMar.") == []
    assert problems(checker, "Dankzij de inzet van de KMar.", "Thanks to the efforts of the KMar.") == []
    missed = problems(checker, "Dankzij de inzet van de KMar.", "Thanks to the KMar.")
    assert [(kind, concept) for kind, concept, _ in missed] == [("mismatch", "deployment")]


def test_a_deprecated_term_that_another_concept_approves_is_still_reported(checker):
    # 'refugee' is a concept of its own, and a trap for 'asielzoeker'
    assert problems(checker, "De asielzoekers wachten.", "The refugees are waiting.") == [("deprecated", "asylum-seeker", "refugees")]
    assert problems(checker, "De vluchtelingen wachten.", "The refugees are waiting.") == []
