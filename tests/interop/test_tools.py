"""Interoperability, proven with the real tools translators use: xmllint and jing
validate against the published schemas, msgfmt checks the PO, translate-toolkit
reads our files, and OmegaT loads our TMX and reads our glossaries. A test whose
tool is missing skips and says which package provides it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

import migterm
from migterm import formats
from migterm.formats.tbx import check_tbx_basic

from ..conftest import GLOSSARY, REPO

SPECS = REPO.parent / "shared" / "specs"
OMEGAT = Path("/usr/share/omegat/OmegaT.jar")


def need(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (Debian package {package})")
    return path


def spec(*parts: str) -> Path:
    path = SPECS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"the schema {'/'.join(parts)} is not beside this checkout (shared/specs)")
    return path


@pytest.fixture(scope="module")
def termbase() -> migterm.Termbase:
    return migterm.load(GLOSSARY, cache=False)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, termbase: migterm.Termbase) -> Path:
    out = tmp_path_factory.mktemp("exported")
    for name, file in {"tbx": "g.tbx", "tbx-v2": "g.martif.tbx", "tmx": "g.tmx", "po": "g.po", "tsv": "g.txt", "csv": "g.csv", "json": "g.json"}.items():
        formats.write(termbase, out / file, name)
    return out


def run(*command: str | Path, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, timeout=600, **kwargs)


def test_tmx_is_valid_against_the_tmx_1_4_dtd(exported):
    result = run(need("xmllint", "libxml2-utils"), "--noout", "--nonet", "--dtdvalid", spec("tmx", "tmx14.dtd"), exported / "g.tmx")
    assert result.returncode == 0, result.stderr


def test_an_invalid_tmx_is_caught_by_the_same_check(tmp_path, exported):
    broken = tmp_path / "broken.tmx"
    broken.write_text((exported / "g.tmx").read_text(encoding="utf-8").replace(' srclang="nl"', ""), encoding="utf-8")
    result = run(need("xmllint", "libxml2-utils"), "--noout", "--nonet", "--dtdvalid", spec("tmx", "tmx14.dtd"), broken)
    assert result.returncode != 0 and "srclang" in result.stderr


def test_tbx_is_valid_against_the_tbx_core_relaxng(exported):
    rng = spec("tbx", "core", "TBXcoreStructV03.rng")
    result = run(need("xmllint", "libxml2-utils"), "--noout", "--relaxng", rng, exported / "g.tbx")
    assert result.returncode == 0, result.stderr
    result = run(need("jing", "jing"), rng, exported / "g.tbx")
    assert result.returncode == 0, result.stdout + result.stderr


def test_tbx_keeps_the_tbx_basic_picklist_rules(tmp_path, exported):
    assert check_tbx_basic(exported / "g.tbx") == []
    assert check_tbx_basic(spec("tbx", "basic-1.2.1", "Example_Astronomy_DCA_VALID.tbx")) == []
    broken = tmp_path / "broken.tbx"
    text = (exported / "g.tbx").read_text(encoding="utf-8")
    broken.write_text(text.replace("preferredTerm-admn-sts", "approvedTerm", 1).replace('type="subjectField"', 'type="domain"', 1), encoding="utf-8")
    problems = check_tbx_basic(broken)
    assert any("administrativeStatus 'approvedTerm' is not in the TBX-Basic picklist" in p for p in problems)
    assert any("<descrip type='domain'> is not a TBX-Basic data category" in p for p in problems)


def test_po_passes_msgfmt_check(exported, tmp_path):
    result = run(need("msgfmt", "gettext"), "--check", "-o", tmp_path / "g.mo", exported / "g.po")
    assert result.returncode == 0, result.stderr


def expected_pairs(termbase: migterm.Termbase) -> list[tuple[str, str]]:
    return [(t.text, c.preferred("en").text) for c in termbase for t in c.terms_in("nl") if c.preferred("en")]


def test_translate_toolkit_reads_our_tmx_po_and_martif_tbx(exported, termbase):
    storage = pytest.importorskip("translate.storage", reason="translate-toolkit is not installed (pip install translate-toolkit)")
    from translate.storage import po, tbx, tmx

    units = tmx.tmxfile.parsefile(str(exported / "g.tmx")).units
    assert sorted((u.source, u.target) for u in units) == sorted(expected_pairs(termbase))
    entries = [u for u in po.pofile.parsefile(str(exported / "g.po")).units if not u.isheader()]
    assert sorted((u.source, u.target) for u in entries) == sorted(expected_pairs(termbase))
    assert {u.getcontext().split(" ")[0] for u in entries} == {c.id for c in termbase}
    entries = tbx.tbxfile.parsefile(str(exported / "g.martif.tbx")).units
    first = [([t.text for t in c.terms if t.lang == "nl"][0], [t.text for t in c.terms if t.lang == "en"][0]) for c in termbase]
    assert [(u.source, u.target) for u in entries] == first
    assert storage


def omegat(project: Path, config: Path, *, java_options: tuple[str, ...] = (), options: tuple[str, ...] = ()) -> str:
    need("java", "openjdk-17-jre-headless")
    if not OMEGAT.exists():
        pytest.skip("OmegaT is not installed (Debian package omegat)")
    command = ["java", "-Djava.awt.headless=true", *java_options, "-jar", str(OMEGAT), "--mode=console-translate", f"--config-dir={config}",
               "--disable-project-locking", "--no-team", *options, str(project)]
    result = run(*command)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    log = result.stdout + result.stderr
    assert "TF_TM_LOAD_ERROR" not in log
    return log


PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>nl</source_lang>
    <target_lang>en</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneDutchTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def omegat_project(root: Path) -> Path:
    for folder in ("source", "target", "tm/auto", "glossary", "omegat", "config"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "omegat.project").write_text(PROJECT, encoding="utf-8")
    return root


def test_omegat_loads_our_tmx_and_translates_the_glossary_terms(tmp_path, exported, termbase):
    project = omegat_project(tmp_path / "project")
    shutil.copy(exported / "g.tmx", project / "tm" / "auto" / "migterm.tmx")
    dutch = ["terugkeer", "asielaanvraag", "grenstoezicht", "Koninklijke Marechaussee", "geïntegreerd grensbeheer"]
    (project / "source" / "terms.txt").write_text("\n\n".join([*dutch, "een zin die migterm niet kent"]) + "\n", encoding="utf-8")
    log = omegat(project, project / "config")
    assert "Reading of TMX file complete" in log or "TMXR_INFO_READING_COMPLETE" in log
    translated = (project / "target" / "terms.txt").read_text(encoding="utf-8").split("\n\n")
    english = [termbase.lookup(d, lang="nl")[0].concept.preferred("en").text for d in dutch]
    assert [t.strip() for t in translated[: len(dutch)]] == english
    assert translated[-1].strip() == "een zin die migterm niet kent"  # no match, left as it was
    stats = (project / "omegat" / "project_stats.txt").read_text(encoding="utf-8")
    assert re.search(r"Remaining:\s+1\s", stats), stats


SCRIPT = """
import org.omegat.gui.glossary.GlossaryReaderTSV
import org.omegat.gui.glossary.GlossaryReaderTBX
GlossaryReaderTSV.read(new File(System.getProperty("migterm.tsv")), false).each { e -> println("TSV\\t" + e.getSrcText() + "\\t" + e.getLocText()) }
GlossaryReaderTBX.read(new File(System.getProperty("migterm.tbx")), false).each { e -> println("TBX\\t" + e.getSrcText() + "\\t" + e.getLocText()) }
"""


def test_omegat_glossary_readers_read_our_tsv_and_martif_tbx(tmp_path, exported, termbase):
    project = omegat_project(tmp_path / "project")
    (project / "source" / "empty.txt").write_text("terugkeer\n", encoding="utf-8")
    script = tmp_path / "read-glossaries.groovy"
    script.write_text(SCRIPT, encoding="utf-8")
    log = omegat(
        project, project / "config",
        java_options=(f"-Dmigterm.tsv={exported / 'g.txt'}", f"-Dmigterm.tbx={exported / 'g.martif.tbx'}"), options=(f"--script={script}",),
    )
    rows = {tuple(line.split("\t")) for line in log.splitlines() if line.startswith(("TSV\t", "TBX\t"))}
    tsv = {(src, tgt) for kind, src, tgt in rows if kind == "TSV"}
    tbx = {(src, tgt) for kind, src, tgt in rows if kind == "TBX"}
    assert tsv == set(expected_pairs(termbase))
    assert set(expected_pairs(termbase)) <= tbx  # OmegaT also lists each concept's other English terms, whatever their status


# -- the translation memory of the source documents, and what `check` reads ---------------

TM = REPO / "tmx" / "source-documents.tmx"


def test_the_translation_memory_is_valid_against_the_tmx_1_4_dtd():
    result = run(need("xmllint", "libxml2-utils"), "--noout", "--nonet", "--dtdvalid", spec("tmx", "tmx14.dtd"), TM)
    assert result.returncode == 0, result.stderr


def test_omegat_translates_both_source_documents_from_the_translation_memory(tmp_path, termbase):
    """The repaired Dutch text of both documents, as paragraphs, segmented by OmegaT's
    own sentence rules: every segment comes out in English from tm/auto."""
    from migterm.segment import segment

    project = omegat_project(tmp_path / "project")
    (project / "omegat.project").write_text(PROJECT.replace("<sentence_seg>false", "<sentence_seg>true"), encoding="utf-8")
    shutil.copy(TM, project / "tm" / "auto" / "source-documents.tmx")
    lexicon = {f for c in termbase for t in c.terms_in("nl") for f in (t.text, *t.inflected_forms)}
    documents = [(name, (GLOSSARY / "sources" / name).read_text(encoding="utf-8")) for name in ("000_01aad2d1b28122a7.txt", "002_d574fbd45873f2a3.txt")]
    for name, sentences in segment(documents, lexicon):
        paragraphs: list[list[str]] = []  # running text as one paragraph; headings and footnotes their own
        for index, sentence in enumerate(sentences):
            if not index or sentence.kind != "text" or sentences[index - 1].kind != "text":
                paragraphs.append([])
            paragraphs[-1].append(sentence.text)
        (project / "source" / name).write_text("\n\n".join(" ".join(p) for p in paragraphs) + "\n", encoding="utf-8")
    omegat(project, project / "config")
    translated = "\n".join((project / "target" / name).read_text(encoding="utf-8") for name, _ in documents)
    units = list(formats.read_units(TM))
    assert [u.text("en") for u in units if u.text("en") not in translated] == []
    assert [u.text("nl") for u in units if u.text("nl") in translated] == []
    stats = (project / "omegat" / "project_stats.txt").read_text(encoding="utf-8")
    assert re.search(r"Remaining:\s+0\s", stats), stats


def test_xliff_fixtures_are_valid_xliff_1_2():
    result = run(need("xmllint", "libxml2-utils"), "--noout", "--nonet", "--schema", spec("xliff", "xliff-core-1.2-strict.xsd"),
                 REPO / "tests" / "data" / "xliff" / "delivery-1.2.xlf")
    assert result.returncode == 0, result.stderr


def test_check_reads_the_xliff_translate_toolkit_writes(tmp_path, termbase):
    from translate.storage import xliff

    from migterm.check import check_file

    store = xliff.xlifffile(sourcelanguage="nl", targetlanguage="en")
    for source, target in [("De asielaanvragen.", "The asylum applications."), ("De asielzoekers.", "The refugees."), ("De terugkeer.", "The departure.")]:
        unit = store.addsourceunit(source)
        unit.target = target
    path = tmp_path / "toolkit.xlf"
    path.write_bytes(bytes(store))
    assert [(f.kind, f.concept) for f in check_file(path, termbase)] == [("deprecated", "asylum-seeker"), ("mismatch", "return")]


# -- translation memories converted as memories --------------------------------------------

REAL = REPO / "tests" / "data" / "real"
CODED = [REAL / "tmx" / "omegat--ImportTest2A.tmx", REAL / "tmx" / "omegat--ImportTest2C.tmx", REAL / "tmx" / "omegat--test-level2.tmx",
         REAL / "tmx" / "okapi--a_small_test2.tmx", REAL / "xliff" / "okapi--test.txt_en-US_fr-FR.sdlxliff", REAL / "xliff" / "okapi--withReorderedCodes.xlf"]


def convert(source: Path, target: Path, *options: str) -> None:
    result = run("migterm", "convert", *options, source, target)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr


@pytest.mark.parametrize("source", CODED, ids=lambda p: p.name)
def test_memories_with_inline_codes_convert_to_valid_tmx_xliff_and_po(tmp_path, source):
    convert(source, tmp_path / "out.tmx")
    result = run(need("xmllint", "libxml2-utils"), "--noout", "--nonet", "--dtdvalid", spec("tmx", "tmx14.dtd"), tmp_path / "out.tmx")
    assert result.returncode == 0, result.stderr
    convert(source, tmp_path / "out.xlf")
    result = run(need("xmllint", "libxml2-utils"), "--noout", "--nonet", "--schema", spec("xliff", "xliff-core-1.2-strict.xsd"), tmp_path / "out.xlf")
    assert result.returncode == 0, result.stderr
    convert(source, tmp_path / "out.po")
    result = run(need("msgfmt", "gettext"), "--check-format", "--check-header", "-o", tmp_path / "out.mo", tmp_path / "out.po")
    assert result.returncode == 0, result.stderr


def test_translate_toolkit_reads_the_memory_converted_to_xliff_po_and_tmx(tmp_path):
    pytest.importorskip("translate.storage", reason="translate-toolkit is not installed (pip install translate-toolkit)")
    from translate.storage import po, tmx, xliff

    expected = [(u.text("nl"), u.text("en")) for u in formats.read_units(TM)]
    for suffix, reader in ((".xlf", xliff.xlifffile), (".po", po.pofile), (".tmx", tmx.tmxfile)):
        convert(TM, tmp_path / f"memory{suffix}")
        units = [u for u in reader.parsefile(str(tmp_path / f"memory{suffix}")).units if not u.isheader()]
        assert [(u.source, u.target) for u in units] == expected, suffix
    store = xliff.xlifffile.parsefile(str(tmp_path / "memory.xlf"))
    assert [u.getid().split("\x04")[-1] for u in store.units] == [u.id for u in formats.read_units(TM)]  # after the file's name


def test_omegat_translates_both_documents_from_the_memory_after_a_round_trip_through_po_and_xliff(tmp_path, termbase):
    """TMX → PO → XLIFF 2 → TMX, and OmegaT still finds every segment: the memory path loses nothing OmegaT needs."""
    convert(TM, tmp_path / "memory.po")
    convert(tmp_path / "memory.po", tmp_path / "memory.xlf", "--to", "xliff2")
    convert(tmp_path / "memory.xlf", tmp_path / "again.tmx")
    again = list(formats.read_units(tmp_path / "again.tmx"))
    assert [(u.id, u.text("nl"), u.text("en")) for u in again] == [(u.id, u.text("nl"), u.text("en")) for u in formats.read_units(TM)]
    project = omegat_project(tmp_path / "project")
    shutil.copy(tmp_path / "again.tmx", project / "tm" / "auto" / "again.tmx")
    dutch = [u.text("nl") for u in again[:12]]
    (project / "source" / "sentences.txt").write_text("\n\n".join(dutch) + "\n", encoding="utf-8")
    omegat(project, project / "config")
    translated = (project / "target" / "sentences.txt").read_text(encoding="utf-8").split("\n\n")
    assert [t.strip() for t in translated] == [u.text("en") for u in again[:12]]


def test_migterm_reads_the_tbx_and_po_translate_toolkit_writes(tmp_path):
    pytest.importorskip("translate.storage", reason="translate-toolkit is not installed (pip install translate-toolkit)")
    from translate.storage import po, tbx

    store = tbx.tbxfile(sourcelanguage="nl", targetlanguage="en")
    for source, target in [("terugkeer", "return"), ("asielzoeker", "asylum seeker")]:
        store.addsourceunit(source).target = target
    (tmp_path / "toolkit.tbx").write_bytes(bytes(store))
    termbase = migterm.read(tmp_path / "toolkit.tbx")
    assert [(c.preferred("nl").text, c.preferred("en").text) for c in termbase] == [] or [
        ({t.lang: t.text for t in c.terms}["nl"], {t.lang: t.text for t in c.terms}["en"]) for c in termbase] == [
        ("terugkeer", "return"), ("asielzoeker", "asylum seeker")]
    catalog = po.pofile()
    catalog.updateheader(add=True, Language="en")
    unit = catalog.addsourceunit("De terugkeer van de vreemdeling.")
    unit.target = "The départure."
    catalog.addsourceunit("onvertaald")
    (tmp_path / "toolkit.po").write_bytes(bytes(catalog))
    units = list(migterm.read_units(tmp_path / "toolkit.po", source_lang="nl"))
    assert [(u.text("nl"), u.text("en")) for u in units] == [("De terugkeer van de vreemdeling.", "The départure."), ("onvertaald", "")]
