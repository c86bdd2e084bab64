"""Files from other tools: one registry decides their format, foreign termbases
are taken as they are, "do not use" is never admitted, the bilingual files of
Trados and memoQ are checked segment by segment, and a reviewer checks against
their own termbase."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import migterm
from migterm import Code, FormatError, Segment, Status, Unit, formats

from ..conftest import REPO

SHAPES = REPO / "tests" / "data" / "shapes"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "migterm", *args], capture_output=True, text=True, cwd=cwd)


def statuses(concept):
    return {(t.lang, t.text): t.status for t in concept.terms}


# -- 0. one registry ----------------------------------------------------------------------


def test_every_format_says_what_it_holds():
    kinds = {name: f.kinds for name, f in formats.FORMATS.items()}
    assert kinds["tbx"] == kinds["csv"] == kinds["json"] == ("termbase",)
    assert kinds["xliff"] == kinds["xliff2"] == ("memory",)
    assert kinds["tmx"] == kinds["po"] == kinds["tsv"] == ("termbase", "memory")


@pytest.mark.parametrize("content, shown", [
    (b'<?xml version="1.0"?>\n<!-- x -->\n<tmx version="1.4"><header srclang="nl"/><body/></tmx>', "tmx"),
    (b'\xef\xbb\xbf<martif type="TBX"/>', "tbx"),
    ('<?xml version="1.0" encoding="UTF-16"?><tbx xmlns="urn:iso:std:iso:30042:ed-2"/>'.encode("utf-16"), "tbx"),
    (b'<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"/>', "xliff"),
    (b'# header\nmsgid ""\nmsgstr ""\n', "po"),
    (b'{"format": "migterm-termbase"}', "json"),
    (b"asielzoeker\tasylum seeker\n", None),
])
def test_the_content_shows_the_format(tmp_path, content, shown):
    path = tmp_path / "file.dat"
    path.write_bytes(content)
    assert formats.detect(path) == shown


def test_a_misleading_suffix_does_not_win_and_a_named_format_does(tmp_path):
    path = tmp_path / "delivery.txt"
    path.write_bytes((SHAPES / "delivery.mqxliff").read_bytes())
    assert formats.find_format(path).name == "xliff"
    assert [u.id for u in migterm.read_units(path)] == ["1", "2"]
    with pytest.raises(FormatError, match="the root element is <xliff>, not <tmx>"):
        list(migterm.read_units(path, "tmx"))


def test_check_refuses_a_termbase_and_reads_a_tbx_as_one(tmp_path):
    result = run("check", str(SHAPES / "iate-export.tbx"))
    assert result.returncode == 2 and result.stderr == f"migterm: {SHAPES / 'iate-export.tbx'}: a tbx file holds concepts, not translations to check\n"


def test_an_xliff_1_2_file_with_a_unit_element_is_one_clear_error(tmp_path):
    path = tmp_path / "mixed.xlf"
    path.write_text('<xliff version="1.2"><file source-language="nl" target-language="en"><body>'
                    "<unit id='1'><segment><source>x</source></segment></unit></body></file></xliff>", encoding="utf-8")
    result = run("stats", str(path))
    assert result.returncode == 2 and "a <unit> in an XLIFF 1.2 file" in result.stderr and "Traceback" not in result.stderr


# -- 1. memories convert as memories ------------------------------------------------------


CODED = Unit("u1", {"nl": Segment.of(["De ", Code("open", "1", "<b>", "bold"), "terugkeer", Code("close", "1", "</b>"), ".",
                                      Code("placeholder", "2", "<br/>")]),
                    "en": Segment.of(["The ", Code("open", "1", "<b>", "bold"), "return", Code("close", "1", "</b>"), ".",
                                      Code("placeholder", "2", "<br/>")])},
             props=(("x-origin", "letter 12"),), notes=("checked",), source_lang="nl")


@pytest.mark.parametrize("fmt, suffix", [("tmx", "tmx"), ("xliff", "xlf"), ("xliff2", "xlf"), ("po", "po")])
def test_inline_codes_ids_props_and_notes_survive_every_memory_format(tmp_path, fmt, suffix):
    path = tmp_path / f"memory.{suffix}"
    losses = formats.write_units([CODED], path, fmt)
    assert not losses.counts
    (unit,) = migterm.read_units(path)
    assert unit.id == "u1" and unit.notes == ("checked",) and ("x-origin", "letter 12") in unit.props
    for lang in ("nl", "en"):
        assert [(c.kind, c.data) for c in unit.variants[lang].codes] == [(c.kind, c.data) for c in CODED.variants[lang].codes]
        assert unit.variants[lang].text == CODED.variants[lang].text


def test_po_shows_codes_as_placeholders_that_convert_back(tmp_path):
    formats.write_units([CODED], tmp_path / "m.po")
    text = (tmp_path / "m.po").read_text(encoding="utf-8")
    assert 'msgid "De <g1>terugkeer</g1>.<x2/>"' in text and 'msgstr "The <g1>return</g1>.<x2/>"' in text


def test_tsv_says_what_it_cannot_hold(tmp_path):
    losses = formats.write_units([CODED], tmp_path / "m.tsv")
    assert sorted(losses.counts) == ["inline codes, which a tab-separated file cannot hold (the text is kept)",
                                     "props, which a tab-separated file cannot hold"]
    assert (tmp_path / "m.tsv").read_text(encoding="utf-8") == "De terugkeer.\tThe return.\tchecked\n"


def test_the_memory_of_the_source_documents_converts_to_po_as_sentences_not_terms(tmp_path):
    result = run("convert", str(REPO / "tmx" / "source-documents.tmx"), str(tmp_path / "memory.po"))
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "memory.po").read_text(encoding="utf-8")
    assert "source status" not in text and "prop x-source: staat-van-migratie-2023" in text
    again = list(migterm.read_units(tmp_path / "memory.po"))
    assert [(u.id, u.text("nl"), u.text("en")) for u in again] == [
        (u.id, u.text("nl"), u.text("en")) for u in migterm.read_units(REPO / "tmx" / "source-documents.tmx")]


def test_a_memory_read_as_term_pairs_is_asked_for(tmp_path):
    result = run("convert", str(REPO / "tmx" / "source-documents.tmx"), str(tmp_path / "pairs.tbx"))
    assert result.returncode == 2 and "--as termbase" in result.stderr
    path = tmp_path / "lines.tmx"
    formats.write_units([Unit("1", {"nl": Segment("de\tterugkeer\nnu"), "en": Segment("the return")}, source_lang="nl")], path)
    assert run("convert", "--as", "termbase", str(path), str(tmp_path / "pairs.tbx")).returncode == 0
    assert migterm.read(tmp_path / "pairs.tbx")["u-1"].preferred("nl").text == "de terugkeer nu"


# -- 2 and 4. foreign termbases as they are; "do not use" is never admitted ---------------


def test_an_iate_download_reads_with_its_ids_reliability_codes_and_evaluations():
    (concept,) = migterm.read(SHAPES / "iate-export.tbx")
    assert concept.id == "1449914"
    assert statuses(concept)[("en", "refugee")] is Status.DEPRECATED
    assert statuses(concept)[("en", "asylum-seeker")] is Status.SUPERSEDED  # evaluation: obsolete
    seeker = next(t for t in concept.terms if t.text == "asylum seeker")
    assert ("descrip", "reliabilityCode", "9") in seeker.extra


def test_multiterm_status_forbidden_and_foreign_picklist_values():
    (concept,) = migterm.read(SHAPES / "multiterm-status.tbx")
    assert concept.id == "eid-Oracle-67"
    assert statuses(concept) == {("nl", "terugkeer"): Status.ADMITTED, ("en", "return"): Status.PREFERRED,
                                 ("en", "repatriation"): Status.DEPRECATED, ("en", "expulsion"): Status.SUPERSEDED}
    expulsion = next(t for t in concept.terms if t.text == "expulsion")
    assert expulsion.term_type.value == "fullForm" and ("note", "", "termType: synonym") in expulsion.extra


@pytest.mark.parametrize("value, status", [
    ("forbidden", Status.DEPRECATED), ("Forbidden", Status.DEPRECATED), ("deprecatedTerm-admn-sts", Status.DEPRECATED),
    ("supersededTerm-admn-sts", Status.SUPERSEDED), ("obsolete", Status.SUPERSEDED), ("deprecated", Status.DEPRECATED),
    ("notRecommended", Status.DEPRECATED), ("admittedTerm-admn-sts", Status.ADMITTED), ("preferred", Status.PREFERRED),
])
@pytest.mark.parametrize("where", ["termNote administrativeStatus", "termNote normativeAuthorization", "descrip Status",
                                   "descripGrp Status", "descrip evaluation", "DCT termStatus"])
def test_every_status_word_in_every_place_is_read_as_what_it_means(tmp_path, value, status, where):
    element, kind = where.split()
    if element == "descripGrp":
        note = f'<descripGrp><descrip type="{kind}">{value}</descrip></descripGrp>'
    elif element == "DCT":
        note = f"<{kind}>{value}</{kind}>"
    else:
        note = f'<{element} type="{kind}">{value}</{element}>'
    path = tmp_path / "t.tbx"
    path.write_text(f'<martif type="TBX"><text><body><termEntry id="x"><langSet xml:lang="en"><tig><term>refugee</term>{note}'
                    "</tig></langSet></termEntry></body></text></martif>", encoding="utf-8")
    (concept,) = migterm.read(path)
    assert concept.terms[0].status is status


def test_a_foreign_tbx_read_then_written_keeps_what_it_had(tmp_path):
    termbase = migterm.read(SHAPES / "iate-export.tbx")
    migterm.write(termbase, tmp_path / "again.tbx")
    assert [c.to_dict() for c in migterm.read(tmp_path / "again.tbx")] == [c.to_dict() for c in termbase]
    assert '<descrip type="reliabilityCode">9</descrip>' in (tmp_path / "again.tbx").read_text(encoding="utf-8")


def test_a_memoq_csv_export_with_forbidden_columns():
    termbase = migterm.read(SHAPES / "memoq-export.csv")
    first = termbase.lookup("terugkeer")[0].concept
    assert statuses(first) == {("nl", "terugkeer"): Status.PREFERRED, ("en", "return"): Status.PREFERRED, ("en", "deportation"): Status.DEPRECATED}
    assert first.definitions == {"en": "Leaving the territory."}


# -- 3. the files translators deliver -----------------------------------------------------


def test_a_trados_sdlxliff_is_checked_segment_by_segment_named_as_trados_shows_them():
    result = run("check", "--json", str(SHAPES / "delivery.sdlxliff"))
    findings = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(f["unit"], f["kind"], f["found"]) for f in findings] == [("2", "deprecated", "refugees")]
    units = list(migterm.read_units(SHAPES / "delivery.sdlxliff"))
    assert [u.id for u in units] == ["0c6e4e1d-0000-4000-8000-000000000001", "1", "2"]
    assert ("state", "ApprovedTranslation") in units[1].props and ("locked", "yes") in units[1].props
    assert ("trans-unit", "5a0f8c2e-1111-4c3a-9d6e-3c1f2e4b5a61") in units[2].props


def test_a_memoq_mqxliff_keeps_its_status_and_lock():
    first, second = migterm.read_units(SHAPES / "delivery.mqxliff")
    assert ("state", "ManuallyConfirmed") in first.props and ("locked", "yes") in second.props
    result = run("check", str(SHAPES / "delivery.mqxliff"))
    assert "delivery.mqxliff:9: unit 2: deprecated term 'deportation' for 'terugkeer'" in result.stdout


def test_check_takes_a_directory_and_several_files(tmp_path):
    delivery = tmp_path / "delivery"
    (delivery / "part").mkdir(parents=True)
    (delivery / "part" / "a.sdlxliff").write_bytes((SHAPES / "delivery.sdlxliff").read_bytes())
    (delivery / "b.mqxliff").write_bytes((SHAPES / "delivery.mqxliff").read_bytes())
    (delivery / "notes.docx").write_bytes(b"PK\x03\x04")
    result = run("check", str(delivery))
    assert result.returncode == 1
    assert result.stderr == "2 findings in 2 of 4 units checked in 2 files\n"  # a translate="no" unit is not checked


# -- 5. encodings and shapes --------------------------------------------------------------


def test_po_untranslated_bom_declared_charset_and_previous_msgids(tmp_path):
    path = tmp_path / "latin.po"
    path.write_bytes('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-15\\n"\n"Language: en\\n"\n\n'
                     '#| msgid "oude terugkeer"\nmsgid "terugkeer"\nmsgstr ""\n\nmsgid "De asielzoekers."\nmsgstr "The refugees \u20ac."\n'
                     .encode("iso-8859-15"))
    first, second = migterm.read_units(path, source_lang="nl")
    assert first.text("en") == "" and ("previous msgid", "oude terugkeer") in first.props
    assert second.text("en") == "The refugees \u20ac."
    result = run("check", str(path))  # read in its declared charset; the untranslated entry is not checked
    assert result.returncode == 1 and result.stderr == "1 finding in 1 of 1 unit checked\n"
    bom = tmp_path / "bom.po"
    bom.write_bytes(b"\xef\xbb\xbf" + 'msgid "terugkeer"\nmsgstr "return"\n'.encode())
    assert [u.text("und-x-target") for u in migterm.read_units(bom)] == ["return"]
    assert len(migterm.read(bom, source_lang="nl")) == 1
    empty = tmp_path / "empty.po"
    empty.write_bytes(b"")
    assert list(migterm.read_units(empty)) == []


# -- 6. the user's own termbase -----------------------------------------------------------


def test_check_against_the_clients_termbase_first(tmp_path):
    delivery = tmp_path / "d.tsv"
    delivery.write_text("De terugkeer.\tThe repatriation.\nDe terugkeer.\tThe return.\n", encoding="utf-8")
    result = run("check", "--json", "--termbase", str(SHAPES / "multiterm-status.tbx"), str(delivery))
    (finding,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert finding["kind"] == "deprecated" and finding["termbase"] == "multiterm-status.tbx" and finding["concept"] == "eid-Oracle-67"
    alone = run("check", "--no-builtin", "--termbase", str(SHAPES / "memoq-export.csv"), str(delivery))
    assert alone.returncode == 1 and "[memoq-export.csv: terugkeer]" not in alone.stdout  # repatriation is no term of that termbase
    text = run("lookup", "--termbase", str(SHAPES / "iate-export.tbx"), "asielzoekers").stdout
    assert text.startswith("2 concepts match 'asielzoekers', the closest first: asylum seeker [1449914]; asylum seeker [asylum-seeker]")
    assert "[iate-export.tbx: 1449914;" in text


def test_two_termbases_with_the_same_ids_are_told_apart(tmp_path):
    one = migterm.read(SHAPES / "memoq-export.csv")
    combined = migterm.Termbase.combine([("a.csv", one), ("b.csv", one)])
    assert sorted(c.id for c in combined) == ["asielzoeker", "b.csv:asielzoeker", "b.csv:terugkeer", "terugkeer"]
    assert combined.origin("b.csv:terugkeer") == "b.csv" and combined.lookup("terugkeer")[0].concept.id == "terugkeer"
