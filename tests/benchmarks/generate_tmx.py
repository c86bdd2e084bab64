"""Generate an NL–EN TMX of N units with glossary terms in running text, for benchmarks."""

from __future__ import annotations

import random
import sys
from pathlib import Path
from xml.sax.saxutils import escape

PAIRS = [
    ("De {t} van de {u} wordt versterkt in lijn met EU-afspraken.", "The {t} of the {u} is being strengthened in line with EU agreements."),
    ("Het kabinet zet in op {t} en {u}.", "The government is committed to {t} and {u}."),
    ("Voorts is in 2022 de aanpak van {t} geïntensiveerd met {u}.", "In 2022, the approach to {t} was also intensified with {u}."),
]
TERMS = [
    ("terugkeer", "return"), ("asielaanvragen", "asylum applications"), ("buitengrens", "external border"),
    ("grenstoezicht", "border control"), ("mensenhandel", "trafficking in human beings"), ("visumvrijstelling", "visa exemption"),
    ("opvanglocaties", "reception locations"), ("migratieketen", "immigration system"), ("lidstaten", "Member States"),
]


WRONG = [("terugkeer", "deportation"), ("asielaanvragen", "asylum requests"), ("buitengrens", "outer border"), ("lidstaten", "Member Countries")]
# More domain words for the dense file: each a term of the glossary, with its approved English.
DENSE = TERMS + [
    ("asielzoekers", "asylum seekers"), ("vreemdeling", "foreign national"), ("verblijfsvergunning", "residence permit"),
    ("mensensmokkel", "migrant smuggling"), ("Schengengebied", "Schengen area"), ("kennismigrant", "highly skilled migrant"),
    ("gezinshereniging", "family reunification"), ("inburgeringsexamen", "civic integration examination"),
    ("naturalisatie", "naturalisation"), ("referent", "sponsor"), ("uitbuiting", "exploitation"),
]


def generate(path: Path, units: int, seed: int = 7, wrong: float = 0.0, dense: bool = False) -> None:
    """Write the TMX; a `wrong` share of the units uses a wrong or deprecated English term.
    `dense`: every segment is twelve random domain words, three of them mistranslated
    (about 2.2 findings a unit), the worst case for a checker."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n')
        out.write('  <header creationtool="bench" creationtoolversion="1" segtype="sentence" o-tmf="bench" adminlang="en" srclang="nl" datatype="plaintext"/>\n  <body>\n')
        for i in range(units):
            if dense:
                words = [rng.choice(DENSE) for _ in range(12)]
                wrong_at = set(rng.sample(range(12), 3))
                nl_text = " ".join(w[0] for w in words)
                en_text = " ".join(rng.choice(WRONG)[1] if k in wrong_at else w[1] for k, w in enumerate(words))
                out.write(
                    f'    <tu tuid="{i}">\n      <tuv xml:lang="nl">\n        <seg>{escape(nl_text)} ({i})</seg>\n      </tuv>\n'
                    f'      <tuv xml:lang="en">\n        <seg>{escape(en_text)} ({i})</seg>\n      </tuv>\n    </tu>\n'
                )
                continue
            nl, en = rng.choice(PAIRS)
            (t_nl, t_en), (u_nl, u_en) = rng.sample(TERMS, 2)
            if wrong and rng.random() < wrong:
                t_nl, t_en = rng.choice(WRONG)
            out.write(
                f'    <tu tuid="{i}">\n      <prop type="x-document">bench-{i % 97}</prop>\n      <prop type="x-subject">migration policy and border control</prop>\n'
                f'      <tuv xml:lang="nl">\n        <seg>{escape(nl.format(t=t_nl, u=u_nl))} ({i})</seg>\n      </tuv>\n'
                f'      <tuv xml:lang="en">\n        <seg>{escape(en.format(t=t_en, u=u_en))} ({i})</seg>\n      </tuv>\n    </tu>\n'
            )
        out.write("  </body>\n</tmx>\n")


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]))
