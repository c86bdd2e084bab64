"""Generate a glossary directory of N concepts, shaped like the real one, for benchmarks."""

from __future__ import annotations

import random
import sys
from pathlib import Path

SYLLABLES_NL = ["grens", "asiel", "terug", "keer", "opvang", "visum", "migratie", "toe", "zicht", "beheer", "stroom",
                "land", "ketel", "wacht", "kust", "ver", "blijf", "aan", "vraag", "smok", "kel", "han", "del", "werk"]
SYLLABLES_EN = ["bor", "der", "asy", "lum", "re", "turn", "re", "cep", "tion", "vi", "sa", "mi", "gra", "tion", "man",
                "age", "ment", "flow", "coast", "guard", "stay", "ap", "pli", "ca"]
SUBJECTS = ["borders", "visas", "asylum-and-reception", "return", "trafficking-and-smuggling", "migration-policy"]


def word(rng: random.Random, syllables: list[str], parts: int) -> str:
    return "".join(rng.choice(syllables) for _ in range(parts))


def generate(directory: Path, count: int, seed: int = 1) -> list[str]:
    """Write `count` concepts into `directory`; return the Dutch preferred terms."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    files = {subject: [] for subject in SUBJECTS}
    dutch_terms, seen = [], set()
    for i in range(count):
        while True:
            nl = word(rng, SYLLABLES_NL, rng.randint(2, 4))
            if nl not in seen:
                seen.add(nl)
                break
        en = f"{word(rng, SYLLABLES_EN, 2)} {word(rng, SYLLABLES_EN, 3)} {i}"
        dutch_terms.append(nl)
        files[SUBJECTS[i % len(SUBJECTS)]].append(
            f'''[[concept]]
id = "concept-{i}"
definition.en = "A generated concept number {i}, with a definition of about the length the real ones have."
references = [{{ kind = "eu-legislation", title = "Regulation (EU) 2019/1896", locator = "Art. {i % 120}", url = "https://eur-lex.europa.eu/eli/reg/2019/1896/oj" }}]

  [[concept.term]]
  lang = "nl"
  text = "{nl}"
  status = "preferred"
  pos = "noun"
  gender = "de"
  plural = "{nl}en"
  contexts = [{{ source = "generated", page = {1 + i % 300}, text = "Een zin waarin {nl} voorkomt, zoals in de bronnen." }}]

  [[concept.term]]
  lang = "nl"
  text = "{nl}-{i}"
  status = "admitted"
  pos = "noun"

  [[concept.term]]
  lang = "en"
  text = "{en}"
  status = "preferred"
  pos = "noun"

  [[concept.term]]
  lang = "en"
  text = "{en} variant"
  status = "deprecated"
  usage = "Generated deprecated term."
'''
        )
    for subject, concepts in files.items():
        (directory / f"{subject}.toml").write_text("\n".join(concepts), encoding="utf-8")
    return dutch_terms


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]))
