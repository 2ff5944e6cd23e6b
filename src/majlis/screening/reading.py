"""One reading of a comment, made once and handed to every stage: its folded view, its language
and what the packaged lists found in it."""

from __future__ import annotations

from dataclasses import dataclass

from majlis.screening.language import detect_language
from majlis.screening.lexicon import Match, packaged_lexicon
from majlis.screening.normalise import Normalised, normalise


@dataclass(frozen=True)
class Reading:
    """A comment as the screen reads it."""

    text: str  # as written, byte for byte: evidence spans point into it
    view: Normalised  # the folded view the lists and the model read (`normalise(text)`)
    language: str  # the language the stages read it in: the detected one, else the site's hint
    detected: str  # the detected language ("" when unsure), as the verdict reports it
    confidence: float
    matches: tuple[Match, ...]  # the packaged lists' matches, calls to action included

    @property
    def folded(self) -> str:
        """The folded text."""
        return self.view.text


def read(text: str, hint: str = "", detect: bool = True) -> Reading:
    """Read `text` once: fold it, place its language (unless `detect` is off: then the hint's) and
    match the packaged lists in it."""
    detected, confidence = "", 0.0
    if detect:
        found = detect_language(text, hint)
        detected, confidence = found.language, found.confidence
    language = detected or hint
    view = normalise(text)
    matches = tuple(packaged_lexicon().find(text, view, language=language))
    return Reading(text, view, language, detected, confidence, matches)
