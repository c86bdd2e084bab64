"""Reading files migterm did not write: TMX 1.1 to 1.4b, encodings, inline markup,
both TBX generations, PO as polib reads it; and one clear error for a bad file."""

from __future__ import annotations

import subprocess
import sys

import pytest

import migterm
from migterm import Code, FormatError, Status

from ..conftest import REPO

DATA = REPO / "tests" / "data"


def test_tmx_1_1_with_lang_attributes():
    units = list(migterm.read_units(DATA / "tmx" / "version-1.1-lang-attribute.tmx"))
    assert [u.text("nl") for u in units] == ["terugkeer", "asielzoeker"]
    assert units[1].text("en") == "asylum seeker" and "en-GB" in units[1].variants
    termbase = migterm.read(DATA / "tmx" / "version-1.1-lang-attribute.tmx")
    assert termbase.lookup("asielzoekers")[0].concept.preferred("en").text == "asylum seeker"


@pytest.mark.parametrize("name", ["utf16-bom.tmx", "utf16le-no-bom.tmx", "utf8-bom.tmx"])
def test_tmx_in_utf16_and_utf8_with_or_without_bom(name):
    (unit,) = migterm.read_units(DATA / "tmx" / name)
    assert unit.text("nl") == "geïntegreerd grensbeheer"


def test_inline_markup_is_kept_as_codes_never_turned_into_text():
    first, second = migterm.read_units(DATA / "tmx" / "inline-markup.tmx")
    segment = first.variants["nl"]
    assert segment.text == "De buitengrens is lang"
    assert segment.parts == ("De ", Code("open", "1", "<b>"), "buitengrens", Code("close", "1", "</b>"), " is lang", Code("placeholder", "2", "<br/>"))
    # hi is a pair with text inside, sub a sub-flow whose text is text, it an isolated code, ut native code
    nl = second.variants["nl"]
    assert nl.text == "zie noot x"
    assert [(c.kind, c.data, c.type, c.isolated) for c in nl.codes] == [
        ("open", "", "italic", False), ("close", "", None, False), ("open", "<i>", None, True), ("placeholder", "{x}", None, False)]
    # read as term pairs, a unit's text is the term, its codes left out
    assert migterm.read(DATA / "tmx" / "inline-markup.tmx")["b1"].preferred("en").text == "The external border is long"


def test_tbx_2008_with_tig_and_ntig():
    (concept,) = migterm.read(DATA / "tbx" / "tig-and-ntig.tbx")
    assert concept.subject == "return" and concept.definitions == {"en": "Going back."}
    assert [(t.lang, t.text, t.status) for t in concept.terms] == [
        ("nl", "terugkeer", Status.PREFERRED), ("en", "return", Status.PREFERRED), ("en", "deportation", Status.DEPRECATED)
    ]


def test_tbx_in_the_3_0_namespace_and_any_languages():
    (concept,) = migterm.read(DATA / "tbx" / "namespace-3.0.tbx")
    assert {t.lang: t.text for t in concept.terms} == {"de": "Rückkehr", "fr": "retour"}


def test_the_official_tbx_basic_example_reads():
    termbase = migterm.read(REPO.parent / "shared" / "specs" / "tbx" / "basic-1.2.1" / "Example_Astronomy_DCA_VALID.tbx") if (REPO.parent / "shared").exists() else None
    if termbase is None:
        pytest.skip("the shared specs are not beside this checkout")
    assert len(termbase) > 10 and {"en", "es"} <= {t.lang for c in termbase for t in c.terms}


def test_po_with_plurals_fuzzy_obsolete_entries_and_a_latin1_charset():
    units = list(migterm.read_units(DATA / "po" / "plurals-fuzzy-obsolete-latin1.po", source_lang="nl"))
    assert [(u.text("nl"), u.text("en"), u.fuzzy, u.obsolete) for u in units] == [
        ("geïntegreerd grensbeheer", "integrated border management", True, False),
        ("lidstaat", "Member State", False, False),
        ("oud", "old", False, True),
    ]
    termbase = migterm.read(DATA / "po" / "plurals-fuzzy-obsolete-latin1.po", source_lang="nl")
    assert len(termbase) == 2  # the obsolete entry is left out
    c1 = termbase["c1"]
    assert {t.text: t.status for t in c1.terms}["integrated border management"] is Status.ADMITTED  # fuzzy
    member = termbase.lookup("lidstaten")[0]
    assert member.term.plural == "lidstaten"


BAD = [
    ("tmx/truncated.tmx", "tmx/truncated.tmx:5: not well-formed XML"),
    ("tmx/header-without-srclang.tmx", "tmx/header-without-srclang.tmx:3: the TMX header has no srclang"),
    ("tmx/variant-without-language.tmx", "tmx/variant-without-language.tmx:6: a <tuv> has no xml:lang (or lang)"),
    ("tmx/wrong-encoding-declaration.tmx", "tmx/wrong-encoding-declaration.tmx:2: not well-formed XML"),
    ("po/syntax-error.po", "po/syntax-error.po:7: not a PO file"),
]


@pytest.mark.parametrize("name, message", BAD)
def test_a_malformed_file_is_one_line_naming_file_and_line_and_exit_2(name, message):
    result = subprocess.run([sys.executable, "-m", "migterm", "stats", name], capture_output=True, text=True, cwd=DATA)
    assert result.returncode == 2
    assert result.stderr.startswith(f"migterm: {message}"), result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_the_content_decides_the_format_and_a_named_format_is_held_to():
    # a .tmx file that holds XLIFF is read as XLIFF; asked to read it as TMX, it is refused
    assert migterm.stats(DATA / "tmx" / "wrong-root.tmx")["format"] == "xliff"
    result = subprocess.run([sys.executable, "-m", "migterm", "stats", "--format", "tmx", "tmx/wrong-root.tmx"], capture_output=True, text=True, cwd=DATA)
    assert result.returncode == 2 and result.stderr == "migterm: tmx/wrong-root.tmx:2: the root element is <xliff>, not <tmx>\n"
