"""The six languages Majlis works in: one registry that the screen, the web pages, the widget, the
desk and the e-mails all read.

Codes are ISO 639 (`ckb` Central Kurdish, Sorani; `kmr` Northern Kurdish, Kurmanji), scripts ISO
15924, plural categories CLDR's (the widget picks a form with `Intl.PluralRules`; every translation
gives the forms its language's categories need).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """One language of the product."""

    code: str
    name: str  # in English
    native: str  # in the language itself, as a language menu shows it
    script: str
    direction: str  # "ltr" or "rtl"
    plurals: tuple[str, ...]  # CLDR plural categories of cardinal numbers


LANGUAGES: tuple[Language, ...] = (
    Language("en", "English", "English", "Latn", "ltr", ("one", "other")),
    Language("ar", "Arabic", "العربية", "Arab", "rtl", ("zero", "one", "two", "few", "many", "other")),
    Language("ckb", "Central Kurdish (Sorani)", "کوردی", "Arab", "rtl", ("one", "other")),
    Language("kmr", "Northern Kurdish (Kurmanji)", "Kurmancî", "Latn", "ltr", ("one", "other")),
    Language("tr", "Turkish", "Türkçe", "Latn", "ltr", ("one", "other")),
    Language("fa", "Persian", "فارسی", "Arab", "rtl", ("one", "other")),
)
CODES: tuple[str, ...] = tuple(language.code for language in LANGUAGES)
RTL: frozenset[str] = frozenset(language.code for language in LANGUAGES if language.direction == "rtl")
_BY_CODE = {language.code: language for language in LANGUAGES}


def language(code: str) -> Language | None:
    """The language of this code, if Majlis has it."""
    return _BY_CODE.get(code)


def direction(code: str) -> str:
    """"rtl" or "ltr" for a code ("ltr" for one Majlis does not have)."""
    return "rtl" if code in RTL else "ltr"
