from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import migterm
from migterm import GlossaryError

GOOD = """
[[concept]]
id = "return"
definition.en = "Going back."

  [[concept.term]]
  lang = "nl"
  text = "terugkeer"
  status = "preferred"

  [[concept.term]]
  lang = "en"
  text = "return"
  status = "preferred"
"""


def glossary(tmp_path: Path, **files: str) -> Path:
    directory = tmp_path / "glossary"
    directory.mkdir()
    for name, text in files.items():
        (directory / f"{name}.toml").write_text(textwrap.dedent(text), encoding="utf-8")
    return directory


def error_of(directory: Path) -> str:
    with pytest.raises(GlossaryError) as caught:
        migterm.load(directory, cache=False)
    return str(caught.value)


def test_a_good_glossary_loads_and_takes_its_subject_from_the_file_name(tmp_path):
    termbase = migterm.load(glossary(tmp_path, **{"return": GOOD}), cache=False)
    assert [c.subject for c in termbase] == ["return"]


def test_invalid_toml_names_the_file_and_line(tmp_path):
    message = error_of(glossary(tmp_path, borders='[[concept]]\nid = "x"\ntext = oops\n'))
    assert message.startswith("glossary/borders.toml:3: not valid TOML")


def test_a_semantic_error_names_the_file_and_the_concept(tmp_path):
    bad = GOOD.replace('text = "return"', 'text = "return"\n  status2 = "x"')
    assert error_of(glossary(tmp_path, visas=bad)) == (
        "glossary/visas.toml: concept return: term has unknown key 'status2' "
        "(allowed: lang, text, status, type, pos, gender, plural, forms, usage, contexts, extra)"
    )


def test_two_preferred_terms_in_one_language(tmp_path):
    bad = GOOD + '\n  [[concept.term]]\n  lang = "en"\n  text = "repatriation"\n  status = "preferred"\n'
    assert error_of(glossary(tmp_path, visas=bad)) == "glossary/visas.toml: concept return: has more than one preferred term in en"


def test_an_id_used_in_two_files(tmp_path):
    message = error_of(glossary(tmp_path, asylum=GOOD, visas=GOOD))
    assert message == "glossary/visas.toml: concept return: id already used in glossary/asylum.toml"


def test_a_related_id_that_does_not_exist(tmp_path):
    bad = GOOD.replace('definition.en = "Going back."', 'definition.en = "Going back."\nrelated = ["departure"]')
    assert error_of(glossary(tmp_path, visas=bad)) == "glossary/visas.toml: concept return: related concept 'departure' does not exist"


def test_a_context_citing_an_unknown_source(tmp_path):
    bad = GOOD.replace('text = "terugkeer"', 'text = "terugkeer"\n  contexts = [{ source = "nowhere", text = "terugkeer" }]')
    directory = glossary(tmp_path, visas=bad)
    (directory / "sources").mkdir()
    (directory / "sources" / "index.toml").write_text('[[source]]\nid = "doc"\ntitle = "T"\npublisher = "P"\nyear = 2023\n', encoding="utf-8")
    assert error_of(directory) == "glossary/visas.toml: concept return: context of 'terugkeer' cites unknown source 'nowhere'"


def test_a_bad_source_index(tmp_path):
    directory = glossary(tmp_path, visas=GOOD)
    (directory / "sources").mkdir()
    (directory / "sources" / "index.toml").write_text('[[source]]\nid = "doc"\ntitle = "T"\n', encoding="utf-8")
    assert error_of(directory) == "glossary/sources/index.toml: source 'doc' is incomplete: it has no year"


def test_text_that_is_not_utf8(tmp_path):
    directory = glossary(tmp_path, visas=GOOD)
    (directory / "visas.toml").write_bytes(GOOD.replace("terugkeer", "terugkeer\xe9").encode("latin-1"))
    assert error_of(directory) == "glossary/visas.toml: not UTF-8 text"


def test_an_empty_or_missing_glossary(tmp_path):
    assert error_of(glossary(tmp_path)).endswith("glossary: holds no concepts (no *.toml file with [[concept]] tables)")
    assert error_of(tmp_path / "absent").endswith("absent: no such glossary directory")


def test_a_top_level_key_that_is_not_a_concept_table(tmp_path):
    assert error_of(glossary(tmp_path, visas='[concept]\nid = "x"\n')).startswith("glossary/visas.toml: 'concept' must be an array of tables")
