from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from migterm.text import _normalise_unicode, compact, normalise


@given(st.text())
def test_normalisation_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once


@given(st.text())
def test_normal_keys_have_no_capitals_diacritics_hyphens_or_double_spaces(text):
    key = normalise(text)
    assert key == key.strip()
    assert "  " not in key and "-" not in key and "'" not in key
    assert key.casefold() == key


def test_what_a_translator_types_meets_what_the_glossary_spells():
    assert normalise("geintegreerd grensbeheer") == normalise("geïntegreerd grensbeheer")
    assert normalise("eu terugkeercoordinator") == normalise("EU-terugkeercoördinator")
    assert compact(normalise("Schengen gebied")) == compact(normalise("Schengengebied"))
    assert normalise("NGO’s") == normalise("NGO's") == "ngos"


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_the_quick_path_for_ascii_gives_the_key_of_the_full_one(text):
    assert normalise(text) == _normalise_unicode(text)
