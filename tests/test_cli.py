from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import GLOSSARY


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "migterm", *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def test_lookup_shows_the_whole_concept():
    result = run("lookup", "terugkeer")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("terugkeer → return")
    out = " ".join(result.stdout.split())  # long lines wrap to the terminal's width
    for expected in (
        "nl terugkeer preferred noun, de",
        "en return preferred noun",
        "en deportation deprecated",
        "Definition The process of a third-country national going back",
        "De Staat van Migratie 2023 (Ministerie van Justitie en Veiligheid, 2023), p. 26",
        "Directive 2008/115/EC (Return Directive), Art. 3(3) — for 'return'",
    ):
        assert expected in out, expected
    assert result.stderr == ""


def test_lookup_of_an_inflected_form_as_json():
    result = run("lookup", "--json", "asielaanvragen")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    (match,) = data["matches"]
    assert match["concept"] == "asylum-application" and match["match"] == "inflected"
    assert match["matched_term"] == {"lang": "nl", "text": "asielaanvraag", "status": "preferred"}
    english = [t for t in match["terms"] if t["lang"] == "en"]
    assert english[0] == {"lang": "en", "text": "asylum application", "status": "preferred", "pos": "noun", "plural": "asylum applications"}
    assert match["definition"]["en"] and match["notes"] and match["references"]
    contexts = [c for t in match["terms"] for c in t.get("contexts", [])]
    assert contexts and all(c["citation"] for c in contexts)


def test_multiword_terms_need_no_quotes_and_lang_restricts():
    assert run("lookup", "geintegreerd", "grensbeheer").stdout.startswith("geïntegreerd grensbeheer → European integrated border management")
    assert run("lookup", "--lang", "en", "emergency", "brake", "mechanism").stdout.startswith("noodremmechanisme → visa suspension mechanism")
    assert run("lookup", "--lang", "en", "terugkeer").returncode == 1


def test_a_near_miss_exits_1_with_suggestions():
    result = run("lookup", "noodremmechanism")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == "migterm: no term matches 'noodremmechanism'. Did you mean: noodremmechanisme?\n"
    data = json.loads(run("lookup", "--json", "asielaanvrag").stdout)
    assert data["matches"] == [] and "asielaanvraag" in data["suggestions"]


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "glossary"
    bad.mkdir()
    (bad / "visas.toml").write_text('[[concept]]\nid = "Bad Id"\n', encoding="utf-8")
    result = run("lookup", "--glossary", str(bad), "visum")
    assert result.returncode == 2
    assert result.stderr == "migterm: glossary/visas.toml: concept id 'Bad Id' is not a lower-case slug such as 'external-border'\n"
    assert "Traceback" not in result.stderr
    assert run("lookup", " ").returncode == 2
    assert run("lookup", "--glossary", str(tmp_path / "absent"), "x").returncode == 2


def test_lookup_without_a_term_says_what_the_termbase_holds(termbase):
    from migterm import coverage

    result = run("lookup")
    fields = coverage.coverage(termbase)["subject fields"]
    assert result.returncode == 0 and result.stdout.startswith(f"The termbase holds {len(termbase):,} concepts")
    assert [line.split() for line in result.stdout.splitlines()[1:-1]] == [[name, str(f["concepts"])] for name, f in fields.items()]


def test_validate_checks_the_quotes(tmp_path):
    result = run("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("no problems\n")
    copy = tmp_path / "glossary"
    (copy / "sources").mkdir(parents=True)
    for path in (GLOSSARY / "sources").iterdir():
        (copy / "sources" / path.name).write_bytes(path.read_bytes())
    for path in GLOSSARY.glob("*.toml"):
        (copy / path.name).write_bytes(path.read_bytes())
    borders = (GLOSSARY / "borders.toml").read_text(encoding="utf-8")
    (copy / "borders.toml").write_text(borders.replace("van het Schengengebied nadrukkelijk", "van het Schengengebied uitdrukkelijk"), encoding="utf-8")
    result = run("validate", "--glossary", str(copy))
    assert result.returncode == 1
    assert "concept schengen-governance: term 'beheer van het Schengengebied': not found in 000_01aad2d1b28122a7.txt" in result.stderr


def test_version_and_help():
    assert run("--version").stdout.startswith("migterm, version ")
    result = run("--help")
    assert result.returncode == 0 and "lookup" in result.stdout
