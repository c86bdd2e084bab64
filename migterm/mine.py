"""Term candidates from new Dutch documents: what the termbase does not know yet.

The documents are first segmented (`migterm.segment`: footers and footnote markers
dropped, words split by line breaks joined again). Candidates are then collected:

- acronyms, with their expansion where the text gives one (`Mobiel Toezicht
  Veiligheid (MTV)`), including lists in parentheses (`IND, COA, DT&V`);
- content words and their inflections, grouped under one lemma;
- multiword phrases: an adjective or noun with the noun it modifies
  (`irreguliere migratie`), and noun phrases joined by `van` or `tegen`
  (`instrumentalisering van migranten`);

each with its frequency, a termhood score, a context sentence and where it
stands. Words the termbase already knows (as a term or an inflected form) are
left out, and so are function words and fragments.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import dutch
from .segment import Lines, Segmenter, text_lines
from .termbase import Termbase
from .text import WORD, normalise

__all__ = ["Candidate", "mine", "mine_lines"]

# Dutch function words and very general words that are never terms on their own.
STOPWORDS = frozenset("""
aan af al alle alles als altijd andere ander anders beide bij binnen boven daar daarbij daardoor daarmee daarnaast daarom dan dat de deel den der des deze die dit doen door dus een eens eigen en enkele er ergens extra geen geweest gehele gericht graag had heb hebben heeft hem het hier hierbij hierdoor hiermee hierachter hiervoor hij hoe hoogst hun iets in is ja je jij kan komen kon kunnen lang lange later maar mag mate meer meest meestal men met mij mijn moet moeten na naar naast namelijk niet niets nog nu of om onder ons onze ook op over per plaats reeds rond samen sinds sterk steeds tegen ten ter tot tussen u uit uw van vanaf vanuit veel verder via vijf voor vooral voorts waar waarbij waardoor waarin wanneer want waren was wat we wel werd werden weer wie wij wil worden wordt zal ze zeer zelf zich zij zijn zo zoals zodat zonder zou zowel zullen
indien nadat tenzij zolang omdat hoewel terwijl zodra totdat doordat mits twee drie vier zes zeven acht negen tien
afgelopen belangrijke belangrijkste bijvoorbeeld bovendien dankzij eind gezet gemaakt gestart geleid gedaan geval gevallen goede hogere individuele kader korte lijn manier mede middels mogelijk mogelijkheden nieuwe nodig onder meer opgesteld opgericht periode realisatie relevante stappen structureel tevens verschillende vorm weer zowel
""".split())

# The vocabulary of Dutch legislative drafting and general administrative law, which any
# dictionary covers: never a term of the field on its own, nor the head of a phrase
# (`grond van artikel`, `toepassing van het eerste lid`, `verlenen van een ...`).
LEGAL_DRAFTING = frozenset("""
aanhef aanvraag afgegeven afwijking algemeen artikel artikelen behoeve belanghebbende bepaald bepaalde bepaling
bepalingen bedoeld bedoelde beschikking beslissing besluit betreft dagen document eerst eerste tweede vierde vijfde
zesde zevende achtste negende tiende genoemd genoemde gegeven grond gronde gronden hoofdstuk ingetrokken jaar krachtens
lid leden maand maatregel minister nederland onderdeel onderdelen overeenkomstig overeenkomstige paragraaf regeling
regels termijn tijd toepassing verblijft verleend verlenen verlengen verlening verlenging verstrekt volzin week wet
wijze zin
""".split())
_DRAFTING_PHRASES = frozenset(normalise(p) for p in (
    "algemene maatregel", "maatregel van bestuur", "bepaalde tijd", "onbepaalde tijd", "ministeriële regeling",
    "nadere regels", "overeenkomstige toepassing", "onherroepelijk geworden",
))

# IND, DT&V, ECRIS-TCN, and mixed-case ones with two capitals or more: KMar, DTenV
_ACRONYM = re.compile(r"^(?:[A-Z][A-Z&]{1,7}(?:-[A-Z]{2,5})?|(?=(?:[a-z&]*[A-Z]){2})[A-Z][A-Za-z&]{1,5})$")
# Verordening (EU) 2019/1896, Verordening (EU) nr. 604/2013, Richtlijn 2013/32/EU, Richtlijn 2001/55/EG
_CITATION = re.compile(
    r"\b(?:[Vv]erordening|[Rr]ichtlijn|[Bb]esluit|[Bb]eschikking|[Kk]aderbesluit) "
    r"(?:\((?:EU|EG|EEG)\)(?: nr\.)? \d{2,4}/\d{1,4}|(?:nr\. )?\d{2,4}/\d{1,4}/(?:EU|EG|EEG|JBZ))"
)
# a named act, code or report with its year (Vreemdelingenwet 2000, Voorschrift Vreemdelingen 2000) and an act by acronym (Wet COA)
_NAMED_WITH_YEAR = re.compile(r"\b([A-Z][a-zà-ÿ]{3,}(?: [A-Z][a-zà-ÿ]+){0,3}) ((?:19|20)\d{2})\b(?![/.,]\d)")
_ACT_BY_ACRONYM = re.compile(r"\bWet [A-Z]{2,6}\b")
# Dutch legal drafting's "Onze Minister (van ...)": a name although "onze" is a function word
_NAME_LEADS = frozenset({"onze"})
# the definitions of an act (`vreemdeling: ieder die ...;`, `de korpschef: de korpschef, bedoeld in ...`)
# and its citation title (`Deze wet wordt aangehaald als: Vreemdelingenwet 2000.`)
_DEFINITION = re.compile(r"^(?:de |het )?([A-Za-zÀ-ÿ][\w’'()-]*(?: [\w’'()-]+){0,5}): \S")
_CITED_AS = re.compile(r"\b(?:wordt|worden) aangehaald als:? [«„\"]?([^.;«»\"]{3,80}?)[»\"]?[.;]")
# markdown renderings of legal texts: the meta line, and structural headings (### Artikel 29, ###Afdeling 1)
_STRUCTURE = re.compile(r"^(?:<meta\b.*|#+\s*(?:Artikel|Afdeling|Paragraaf|Hoofdstuk|Titel|Bijlage|[A-Z]?\d+(?:\.\d+)*)\b.*)$")
# a body named by its division and the body's name (Afdeling bestuursrechtspraak van de Raad van State), inside a sentence
_DIVISION_OF = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{3,} [a-z]{4,} van (?:de |het )?[A-Z][\w-]+(?: [A-Z][\w-]+)*(?: (?:van|voor) [A-Z][\w-]+)?")
_NAME = re.compile(r"(?:[A-Z][\w’'-]+(?: (?:en|tegen|van|voor|der|de) (?=[A-Z]))?[ ]?){2,}")
# endings of Dutch adjectives (inflected -e, and the usual uninflected ones before a het-noun)
_ADJECTIVE = re.compile(r"(?:[^aeiou]e|aal|[eë]el|ief|isch|lijk|baar|ig|erd|eerd)$")
# comparatives that head fixed terms of procedure law (nader gehoor, hoger beroep)
_COMPARATIVES = frozenset({"nader", "nadere", "hoger", "lager"})


@dataclass
class Candidate:
    """A term candidate: its text (lemma), kind, frequency, score and where it stands."""

    text: str
    kind: str  # "acronym", "word", "phrase"
    frequency: int = 0
    score: float = 0.0
    forms: list[str] = field(default_factory=list)
    context: str = ""
    source: str = ""
    line: int = 0
    expansion: str | None = None
    known_part: str | None = None
    defined: bool = False  # the text defines it (`vreemdeling: ieder die...`) or cites it by name (`aangehaald als`)

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "text": self.text, "kind": self.kind, "frequency": self.frequency, "score": round(self.score, 2),
            "forms": sorted(set(self.forms)), "context": self.context, "source": self.source, "line": self.line,
        }
        if self.expansion:
            out["expansion"] = self.expansion
        if self.known_part:
            out["known_part"] = self.known_part
        if self.defined:
            out["defined"] = True
        return out


def _not_a_noun(word: str) -> bool:
    """Single words that Dutch morphology marks as no noun: inflected adjectives and
    participles (verantwoordelijke, geldende), past participles (uitgevaardigd, bedoeld)."""
    if word.endswith(("nde", "lijke", "ische", "ige")):
        return True
    if re.match(r"^(?:ge|be|ver|uit|op|aan|in|af|toe|over|onder|door)?ge\w+[dt]$", word) and not word.endswith(("heid", "teit")):
        return True
    return word.endswith(("eerd", "erd")) or (word.startswith("be") and word.endswith("oeld"))


_LINKS = ("van", "tegen", "voor", "om")


def _nominal(words: list[str], index: int) -> bool:
    """Whether the adjective or participle at `index` stands for a noun: a determiner before
    it, and no word after it that it could modify."""
    before = words[index - 1].lower() if index else ""
    after = words[index + 1] if index + 1 < len(words) else ""
    return before in ("de", "het", "een", "elke", "iedere") and words[index].lower().endswith(("ige", "ische", "lijke")) and (
        not after or after.lower() in STOPWORDS)


_APPOSITIONS = ("asiel", "regulier")


def _is_adjective(word: str) -> bool:
    """An adjective (or adverb) by its Dutch ending, but not a present participle (geldende)."""
    lower = word.lower()
    return bool(_ADJECTIVE.search(lower)) and not lower.endswith("nde")


_DETERMINERS = frozenset({"de", "het", "een", "geen", "die", "deze", "dat", "dit", "zijn", "haar", "hun"})


def _modifies(word: str, noun: str, before: str = "") -> bool:
    """`word` is an adjective before `noun`: by its ending, a comparative (nader gehoor), or a
    participle right after a determiner (geen opschortende werking, een gegronde vrees) and before
    a noun that is not of legal drafting (de geldende termijn); a participle ending an extended
    attribute (de uit het besluit voortvloeiende verplichting) is a verb's."""
    lower = word.lower()
    if lower in _COMPARATIVES:
        return True
    if lower.endswith("nde"):
        return before.lower() in _DETERMINERS and noun.lower() not in LEGAL_DRAFTING
    return _is_adjective(word)


def _linked_noun_phrase(rest: list[str]) -> list[str]:
    """What follows `van`, `voor`…: an optional article, an optional adjective and a noun
    (`een derde land`, `internationale bescherming`, `het nader gehoor`), with the noun's
    apposition (`een verblijfsvergunning asiel`), or nothing."""
    words = list(rest)
    taken: list[str] = []
    if words and words[0].lower() in ("de", "het", "een"):
        taken.append(words.pop(0))
    if len(words) >= 2 and _modifies(words[0], words[1], taken[-1] if taken else "") and words[0].lower() not in STOPWORDS:
        taken.append(words.pop(0))
    if not words or words[0].lower() in STOPWORDS or _is_fragment(words[0]) or words[0].endswith("-"):
        return []
    if len(words) >= 2 and words[1].lower() in _APPOSITIONS:
        return [*taken, *words[:2]]  # houder van een verblijfsvergunning asiel
    return [*taken, words[0]]


def _canonical_citation(citation: str) -> str:
    """A citation as an act's title writes it: capitalised, and a directive's number without `nr.`.

    >>> _canonical_citation("richtlijn nr. 2001/55/EG"), _canonical_citation("Verordening (EU) nr. 604/2013")
    ('Richtlijn 2001/55/EG', 'Verordening (EU) nr. 604/2013')
    """
    citation = citation[0].upper() + citation[1:]
    return re.sub(r" nr\. (?=\d{2,4}/\d{1,4}/)", " ", citation)


_ORDINALS = frozenset("eerste tweede vierde vijfde zesde zevende achtste negende tiende".split())


def _drafting_head(words: list[str]) -> bool:
    """A phrase headed by drafting vocabulary (`grond van artikel`, `eerste lid`), though an
    ordinal may head a term (`eerste gehoor`, `eerste land van asiel`)."""
    if words[0] in _ORDINALS:
        return len(words) < 2 or words[1] in LEGAL_DRAFTING
    return words[0] in LEGAL_DRAFTING


def _is_fragment(word: str) -> bool:
    return len(word) < 4 or word.isdigit() or not any(c in "aeiouy" for c in word.lower())


# Memory is bounded by the number of distinct candidates and words, not by the text's size:
# beyond these (the acts and policy rules together give 10,000 candidates and 6,000 words),
# what is counted already is still counted, and nothing new is added.
_CANDIDATES = 200_000
_VOCABULARY = 500_000

_key = functools.lru_cache(maxsize=1 << 16)(normalise)  # the same words recur: each is keyed once


def mine(documents: Iterable[tuple[str, str]], termbase: Termbase | None = None, limit: int | None = None) -> list[Candidate]:
    """Term candidates in `documents` ((name, text) pairs) that `termbase` lacks, best first."""
    return mine_lines([(name, text_lines(text)) for name, text in documents], termbase, limit)


def mine_lines(documents: Iterable[tuple[str, Lines]], termbase: Termbase | None = None, limit: int | None = None) -> list[Candidate]:
    """Term candidates in `documents` ((name, lines) pairs, read as a stream, three times)
    that `termbase` lacks, best first."""
    known: set[str] = set()
    if termbase is not None:
        for concept in termbase:
            for term in concept.terms_in("nl"):
                known.update(normalise(t) for t in (term.text, *term.inflected_forms))
    candidates: dict[tuple[str, str], Candidate] = {}
    vocabulary: dict[str, int] = {}

    def add(text: str, kind: str, form: str, context: str, source: str, line: int, named: bool = False, **extra: str | bool | None) -> None:
        """`named`: a name (Wet COA), which drafting vocabulary may begin."""
        key = (kind, _key(text))
        if key[1] in known or _key(form) in known:
            return
        if kind == "phrase" and not (named or extra.get("defined")) and (key[1] in _DRAFTING_PHRASES or _drafting_head(key[1].split())):
            return
        candidate = candidates.get(key)
        if candidate is None:
            if len(candidates) >= _CANDIDATES:
                return
            candidate = candidates[key] = Candidate(text, kind, context=context, source=source, line=line)
        candidate.frequency += 1
        if form not in candidate.forms:
            candidate.forms.append(form)
        for name, value in extra.items():
            if value and not getattr(candidate, name):
                setattr(candidate, name, value)

    segmenter = Segmenter(documents, known)
    for _, sentences in segmenter:
        for segmented_sentence in sentences:
            for token in WORD.findall(segmented_sentence.text):
                word = token.lower().rstrip("-")
                if word in vocabulary or len(vocabulary) < _VOCABULARY:
                    vocabulary[word] = vocabulary.get(word, 0) + 1

    def lemma(word: str) -> str:
        lower = word.lower()
        for candidate in dutch.lemma_candidates(lower):
            if candidate in vocabulary and len(candidate) >= 4:
                return candidate
        return lower

    for source, sentences in segmenter:
        for line_number, sentence in ((s.line, s.text) for s in sentences):
            if _STRUCTURE.match(sentence):
                continue
            sentence = sentence.lstrip("#").strip()
            definition = _DEFINITION.match(sentence)
            lead = definition.group(1).split()[0].lower() if definition else ""
            if definition and (lead not in STOPWORDS or lead in _NAME_LEADS):
                defined = definition.group(1)
                add(defined, "word" if " " not in defined else "phrase", defined, sentence, source, line_number, defined=True)
            for cited in _CITED_AS.finditer(sentence):
                add(cited.group(1).strip(), "phrase", cited.group(1).strip(), sentence, source, line_number, defined=True)
            tokens = [m for m in WORD.finditer(sentence)]
            words = [m.group() for m in tokens]
            # acronyms, with an expansion in "Full Name (ACR)"
            for match in re.finditer(r"\(([^()]{2,80})\)", sentence):
                inside = [p.strip() for p in re.split(r",|\ben\b|\bof\b", match.group(1))]
                before = WORD.findall(sentence[: match.start()])
                for part in inside:
                    if _ACRONYM.match(part) or (part.istitle() and len(inside) > 2 and " " not in part):
                        expansion = _expansion(part, before) if len(inside) == 1 else None
                        add(part, "acronym", part, sentence, source, line_number, expansion=expansion)
            for word in words:
                if _ACRONYM.match(word) and not any(word in m.group(1) for m in re.finditer(r"\(([^()]*)\)", sentence)):
                    add(word, "acronym", word, sentence, source, line_number)
            # content words, and adjectives used as nouns (de inburgeringsplichtige, een zelfstandige:
            # after a determiner, with no noun after them)
            for index, word in enumerate(words):
                bare = word.rstrip("-")
                lower = bare.lower()
                if lower in STOPWORDS or _is_fragment(bare) or _ACRONYM.match(bare) or word.endswith("-"):
                    continue
                base = lemma(bare)
                if base in STOPWORDS or base in LEGAL_DRAFTING or lower in LEGAL_DRAFTING:
                    continue
                if not _not_a_noun(lower):
                    add(base, "word", bare, sentence, source, line_number)
                elif _nominal(words, index):
                    add(lower, "word", bare, sentence, source, line_number)  # the noun, not the adjective's lemma
            # citations of legal acts: Verordening (EU) 2019/1896
            for match in _CITATION.finditer(sentence):
                add(_canonical_citation(match.group()), "citation", match.group(), sentence, source, line_number)
            # names: runs of capitalised words, with `en`, `tegen`, `van` between (Samen tegen Mensenhandel)
            for match in _NAME.finditer(sentence):
                name = match.group().strip()
                parts = name.split()
                leads = parts[0].lower() not in STOPWORDS or parts[0].lower() in _NAME_LEADS
                if (match.start() > 0 or leads and parts[0].lower() in _NAME_LEADS) and len(parts) >= 2 and (len(parts) >= 3 or leads) and not any(_ACRONYM.match(p) for p in parts):
                    add(name, "phrase", name, sentence, source, line_number, named=True)
            for match in _DIVISION_OF.finditer(sentence):
                add(match.group(), "phrase", match.group(), sentence, source, line_number, named=True)
            for match in _NAMED_WITH_YEAR.finditer(sentence):
                if match.group(1).split()[0].lower() not in STOPWORDS:
                    add(match.group(), "phrase", match.group(), sentence, source, line_number, named=True)
            for match in _ACT_BY_ACRONYM.finditer(sentence):
                add(match.group(), "phrase", match.group(), sentence, source, line_number, named=True)
            # elliptic coordination: migratieherkomst- en transitlanden; the coordination
            # itself may be the term (rust- en voorbereidingstermijn)
            for i in range(len(words) - 2):
                if words[i].endswith("-") and words[i + 1] in ("en", "of") and words[i + 2][:1].islower():
                    whole = f"{words[i]} {words[i + 1]} {words[i + 2]}"
                    add(whole, "phrase", whole, sentence, source, line_number)
                    last = words[i + 2].lower()
                    for cut in range(1, len(last) - 3):
                        if last[cut:] in vocabulary and len(last[cut:]) >= 4:
                            completed = words[i][:-1] + last[cut:]
                            add(lemma(completed) if completed.lower() != lemma(completed) else completed, "word", completed, sentence, source, line_number)
                            break
            # phrases: adjective/noun + noun, noun + van/tegen/voor/om (+ article) (+ adjective) + noun,
            # adjective + adjective + noun, and the Dutch residence-law apposition (verblijfsvergunning asiel voor bepaalde tijd)
            for i in range(len(words) - 1):
                first, second = words[i], words[i + 1]
                if first.lower() in STOPWORDS or second.lower() in STOPWORDS or _is_fragment(first) or _is_fragment(second):
                    if first.lower() not in STOPWORDS and not _is_fragment(first) and second.lower() in _LINKS and i + 2 < len(words):
                        rest = _linked_noun_phrase(words[i + 2 : i + 6])
                        if rest:
                            phrase = " ".join([first, second, *rest])
                            add(phrase, "phrase", phrase, sentence, source, line_number)
                            modifier = words[i - 1] if i else ""
                            if modifier and modifier.lower() not in STOPWORDS and _modifies(modifier, first, words[i - 2] if i > 1 else ""):
                                phrase = f"{modifier} {phrase}"  # veilig land van herkomst
                                add(phrase, "phrase", phrase, sentence, source, line_number)
                    continue
                if first.endswith("-") or second.endswith("-") or second[:1].isupper() and not first[:1].isupper():
                    continue
                if second.lower() in _APPOSITIONS and not _is_adjective(first):
                    phrase = f"{first} {second}"
                    tail = [w.lower() for w in words[i + 2 : i + 5]]
                    if tail[:1] == ["voor"] and tail[1:3] in (["bepaalde", "tijd"], ["onbepaalde", "tijd"]):
                        phrase += " " + " ".join(words[i + 2 : i + 5])
                    add(phrase, "phrase", phrase, sentence, source, line_number)
                    continue
                if _modifies(first, second, words[i - 1] if i else ""):
                    phrase = f"{first} {second}"
                    add(phrase, "phrase", phrase, sentence, source, line_number)
                    third = words[i + 2] if i + 2 < len(words) else ""
                    if _is_adjective(second) and third and third.lower() not in STOPWORDS and not _is_fragment(third) and third[:1].islower() and not _is_adjective(third):
                        longer = f"{first} {second} {third}"
                        add(longer, "phrase", longer, sentence, source, line_number)
    # a phrase whose words are all covered by a longer candidate phrase is kept; score
    results = list(candidates.values())
    for candidate in results:
        length = len(candidate.text.replace(" ", ""))
        domain = any(stem in candidate.text.lower() for stem in _DOMAIN_STEMS)
        candidate.score = (
            math.log(1 + candidate.frequency) * 2
            + min(length, 25) / 6
            + (2.0 if domain else 0.0)
            + (3.0 if candidate.kind == "acronym" else 0.0)
            + (1.0 if candidate.expansion else 0.0)
            + (0.5 if candidate.kind == "phrase" else 0.0)
            + (4.0 if candidate.defined else 0.0)
            - (3.0 if re.search(r" (?:van|tegen) ", candidate.text) and candidate.frequency < 2 else 0.0)
            - (2.0 if candidate.kind == "word" and all(f[:1].isupper() and f.endswith(("e", "ees")) for f in candidate.forms) else 0.0)
        )
    if termbase is not None:
        from .recognise import Recogniser

        recogniser = Recogniser(termbase)
        for candidate in results:
            if candidate.kind == "word":
                hits = recogniser.scan(candidate.text)
                if hits and hits[0].kind == "compound":
                    candidate.known_part = hits[0].part
                    candidate.score += 1.5
    results.sort(key=lambda c: (-c.score, c.text))
    return results[:limit] if limit else results


_DOMAIN_STEMS = (
    "migra", "asiel", "grens", "terugkeer", "vertrek", "visum", "opvang", "vreemdeling", "mensenhandel", "smokkel",
    "uitbuiting", "schengen", "toelating", "verblijf", "keten", "overlast", "kustwacht", "herkomst", "transit", "lidsta",
)


def _expansion(acronym: str, before: list[str]) -> str | None:
    """The words just before "(ACR)" whose capitals spell the acronym, if any.

    >>> _expansion("MTV", "Voorts is eind 2022 het Mobiel Toezicht Veiligheid".split())
    'Mobiel Toezicht Veiligheid'
    """
    letters = "".join(c for c in acronym if c.isalpha()).upper()
    for size in range(1, len(letters) + 3):
        if size > len(before):
            break
        words = before[-size:]
        if not words[0][:1].isupper():
            continue
        capitals = "".join(c for w in words for c in w if c.isupper())
        initials = "".join(w[0] for w in words if w.lower() not in STOPWORDS).upper()
        if letters in (capitals, initials):
            return " ".join(words)
    return None


def toml_drafts(candidates: list[Candidate]) -> str:
    """Candidates as concept drafts for glossary/*.toml: the Dutch side filled in, the
    English left for the terminologist, the context and its source recorded."""
    import json

    def q(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string

    blocks = []
    for candidate in candidates:
        slug = re.sub(r"[^a-z0-9]+", "-", normalise(candidate.text)).strip("-") or "draft"
        if not slug[0].isalpha():
            slug = f"draft-{slug}"
        lines = [
            "[[concept]]",
            f"id = {q(slug)}",
            f"# mined from {candidate.source}, line {candidate.line}: {candidate.kind}, frequency {candidate.frequency}, score {candidate.score:.1f}",
            '# definition.en = ""',
            "",
            "  [[concept.term]]",
            '  lang = "nl"',
            f"  text = {q(candidate.expansion or candidate.text)}",
            '  status = "preferred"',
            f"  contexts = [{{ source = {q(candidate.source)}, text = {q(candidate.context)} }}]",
        ]
        if candidate.expansion:
            lines += ["", "  [[concept.term]]", '  lang = "nl"', f"  text = {q(candidate.text)}", '  status = "admitted"', '  type = "acronym"']
        lines += ["", "  # [[concept.term]]", '  # lang = "en"', '  # text = ""', '  # status = "preferred"', ""]
        blocks.append("\n".join(lines))
    return "\n".join(blocks)
