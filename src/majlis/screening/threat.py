"""The threat stage: threats of violence recognised by their construction, per language.

A threat is said by someone (I/we, an impersonal "someone should", an imperative to a crowd), in a
mood that looks ahead (future, conditional, imperative, wish), with a harm verb or an implied-harm
construction ("will find his windows broken", "we know where he lives"), against a human target. The
constructions are data (`data/threats/<language>.tsv`, see its README), compiled once per process.
A construction found in a sentence that reports speech, or inside quotation marks, is marked
`QUOTED`: news about a threat is for a human to read (rule `quoted-speech`), not a reject.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

from majlis.domain import Category
from majlis.screening.aim import quoted, reported
from majlis.screening.context import ScreenContext
from majlis.screening.findings import QUOTED, Findings
from majlis.screening.normalise import fold_char, normalise
from majlis.screening.reading import Reading
from majlis.screening.verdict import Evidence

LANGUAGES = ("en", "ar", "ckb", "kmr", "tr", "fa")
KINDS = frozenset({"direct", "incitement", "wish", "implied", "reported"})
# A comment in one language often carries a clause of its neighbour's (Kurmanji comments in Turkey).
ALSO_READ = {"kmr": ("tr",)}
_MACRO = re.compile(r"\{([a-z][a-z0-9]*)\}")
# The gate: a construction is tried only on a comment that holds one of the strings any match of its
# pattern must hold (read from the parsed pattern: the harm verbs of "we will {harm}", "know"), all
# found in one Aho-Corasick pass; a regex search per construction on every comment cost more than the
# rest of the screen.
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
_JOINED = 32  # the most strings a run of literals and alternations is joined into
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, getattr(_constants, "POSSESSIVE_REPEAT", None))


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: the gate keeps them in sets
class Construction:
    """One threat construction of a language: a compiled pattern and the score a match gives."""

    language: str
    name: str
    kind: str
    score: float
    light: bool  # matched on the light view (diacritics kept)
    pattern: re.Pattern[str]
    source: str
    triggers: frozenset[str] = frozenset()  # letter runs of the pattern, folded like the text


def triggers_of(pattern: str) -> frozenset[str]:
    """Strings of which every match of `pattern` holds one (empty: none known, always try it)."""
    required = _sequence(_parser.parse(pattern))
    if not required or min(map(len, required)) < 2:
        return frozenset()
    return frozenset(fold_pattern(text) for text in required)


def _sequence(items: Any) -> set[str] | None:
    """For a parsed sequence: the set of strings, one of which every match holds, likeliest to be rare
    (the longest shortest string). Literals and small alternations of literals next to each other are
    joined ("کش" then "م|يم": کشم, کشيم)."""
    options: list[set[str]] = []
    current: set[str] | None = None
    for op, value in items:
        exact = _exact(op, value)
        if exact is not None:
            joined = {a + b for a in current for b in exact} if current is not None else exact
            if len(joined) > _JOINED and current is not None:
                options.append(current)  # too many to join: what came before stands on its own
                joined = exact
            current = joined
            continue
        if current is not None:
            options.append(current)
            current = None
        found = _node(op, value)
        if found:
            options.append(found)
    if current is not None:
        options.append(current)
    return max(options, key=lambda found: (min(map(len, found)), -len(found))) if options else None


def _exact(op: Any, value: Any) -> set[str] | None:
    """The strings a parsed node matches, if it matches only a few literal strings."""
    if op is _constants.LITERAL:
        return {chr(value)}
    if op is _constants.IN and all(kind is _constants.LITERAL for kind, _ in value) and len(value) <= 3:
        return {chr(code) for _, code in value}
    if op is _constants.SUBPATTERN or op is _constants.BRANCH:
        branches = [value[-1]] if op is _constants.SUBPATTERN else value[1]
        found: set[str] = set()
        for branch in branches:
            strings: set[str] = {""}
            for inner_op, inner_value in branch:
                part = _exact(inner_op, inner_value)
                if part is None:
                    return None
                strings = {a + b for a in strings for b in part}
                if len(strings) > _JOINED:
                    return None
            found |= strings
        return found if len(found) <= _JOINED else None
    return None


def _node(op: Any, value: Any) -> set[str] | None:
    if op is _constants.SUBPATTERN:
        return _sequence(value[-1])
    if op is _constants.BRANCH:
        union: set[str] = set()
        for branch in value[1]:
            found = _sequence(branch)
            if not found:
                return None
            union |= found
        return union
    if op in _REPEATS:
        return _sequence(value[2]) if value[0] >= 1 else None
    if op is _constants.IN and all(kind is _constants.LITERAL for kind, _ in value) and len(value) <= 3:
        return {chr(code) for _, code in value}
    return None  # a class, a lookaround, an anchor: nothing certain


def fold_pattern(pattern: str, light: bool = False) -> str:
    """A pattern written as people write the language, in the form of the view it reads: its
    non-ASCII characters folded like the text (the full view drops diacritics and ZWNJ, folds Arabic
    letter variants); ASCII, which holds the regex syntax, is left as written."""
    if light:
        return pattern.casefold()
    return "".join(ch if ch.isascii() else fold_char(ch) for ch in pattern)


def read_constructions(language: str, lines: Sequence[str]) -> list[Construction]:
    """The constructions of one language's TSV lines (macros `@name<TAB>regex` expanded in order)."""
    macros: dict[str, str] = {}
    found: list[Construction] = []

    def expand(text: str) -> str:
        return _MACRO.sub(lambda m: macros[m.group(1)], text)

    for row in csv.reader((line for line in lines if line.strip() and not line.startswith("#")),
                          delimiter="\t", quoting=csv.QUOTE_NONE):
        if row[0].startswith("@"):
            macros[row[0][1:]] = expand(row[1])
            continue
        name, kind, score, view, pattern, source = row
        if kind not in KINDS or view not in ("full", "light"):
            raise ValueError(f"threats/{language}.tsv: {name}: kind {kind!r} or view {view!r} unknown")
        light = view == "light"
        # Macros are folded along with the pattern: they are written in the language's letters too.
        folded = fold_pattern(expand(pattern), light)
        if not folded.startswith(("(?<", "^", "(?:^")):
            # A match starts a word (or follows the Arabic clitic و or ف): tried from word starts
            # only, far faster than from every character.
            folded = (r"(?<![^\Wوف])" if _ARABIC_SCRIPT.search(folded) else r"(?<!\w)") + folded
        found.append(Construction(language, name, kind, float(score), light, re.compile(folded), source,
                                  triggers_of(folded)))
    return found


@lru_cache(maxsize=None)
def constructions(language: str) -> tuple[Construction, ...]:
    """The packaged constructions of a language, compiled once per process."""
    if language not in LANGUAGES:
        return ()
    text = resources.files("majlis.screening").joinpath("data", "threats", f"{language}.tsv").read_text("utf-8")
    return tuple(read_constructions(language, text.splitlines()))


@lru_cache(maxsize=64)
@lru_cache(maxsize=1)
def _gate() -> tuple[ahocorasick.Automaton, tuple[Construction, ...]]:
    """One automaton over every language's triggers, each naming the constructions it opens; and the
    constructions with no trigger, which are always tried."""
    opens: dict[str, list[Construction]] = {}
    always = []
    for language in LANGUAGES:
        for construction in constructions(language):
            if not construction.triggers:
                always.append(construction)
            for trigger in construction.triggers:
                opens.setdefault(trigger, []).append(construction)
    automaton = ahocorasick.Automaton()
    for trigger, opened in opens.items():
        automaton.add_word(trigger, tuple(opened))
    automaton.make_automaton()
    return automaton, tuple(always)


def candidates(folded: str) -> set[Construction]:
    """The constructions whose triggers a folded text holds (and those with none)."""
    automaton, always = _gate()
    found = set(always)
    for _, opened in automaton.iter(folded):
        found.update(opened)
    return found


def _languages(language: str, hint: str) -> tuple[str, ...]:
    """The languages whose constructions a comment is read in: its own (the detected one), the site's
    (a short comment is easily placed in its neighbour: Arabic read as Persian), and their neighbours."""
    chosen = [code for code in (language, hint) if code in LANGUAGES]
    if not chosen:
        return LANGUAGES  # unknown: every language's constructions (each reads its own script only)
    for code in tuple(chosen):
        chosen += ALSO_READ.get(code, ())
    return tuple(dict.fromkeys(chosen))


class ThreatStage:
    """Threat constructions per language: one piece of evidence per construction found (the first
    place it matches), the threat score the strongest once the rulings have weighed it."""

    name: str = "threat"
    reads: tuple[str, ...] = ("reading.view", "reading.language", "context.language_hint")
    adds: tuple[str, ...] = ("threat", "mark:quoted")

    def gather(self, reading: Reading, context: ScreenContext, earlier: Mapping[Category, float]) -> Findings:
        """Every construction of the comment's language found in it."""
        text = reading.text
        full = reading.view
        light = None
        evidence: list[Evidence] = []
        opened = candidates(full.text)
        for language in _languages(reading.language, context.language_hint):
            for construction in constructions(language):
                if construction not in opened:
                    continue
                if construction.light:
                    light = light or normalise(text, light=True)
                    view = light
                else:
                    view = full
                match = construction.pattern.search(view.text)
                if match is None:
                    continue
                start, end = view.span(*_trimmed(view.text, match.start(), match.end()))
                marks: tuple[str, ...] = ()
                if construction.kind == "reported" or reported(text, start) or quoted(text, start, end):
                    marks = (QUOTED,)
                detail = f"{construction.kind}: {construction.name}" + (" [reported or quoted]" if marks else "")
                evidence.append(Evidence(Category.THREAT, start, end, f"threat:{language}:{construction.source}",
                                         detail, construction.score, marks))
        return Findings(evidence=evidence, from_evidence=0.0)

    def run(self, text: str, context: ScreenContext) -> tuple[dict[Category, float], list[Evidence]]:
        """The stage alone on one text, its rulings applied (`stage.run_alone`)."""
        from majlis.screening.stage import run_alone  # late: the stage module reads the rulebook

        return run_alone(self, text, context)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A match without the spaces and punctuation its leading context consumed."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
