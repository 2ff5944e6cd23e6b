"""Every part of the product speaks the languages of the one registry (`majlis.languages`)."""

from __future__ import annotations

from typing import get_args

from majlis.languages import CODES, LANGUAGES, RTL, direction, language
from majlis.screening.entries import LANGUAGES as LIST_LANGUAGES
from majlis.screening.features import LANGUAGE_SALT
from majlis.screening.language import SUPPORTED
from majlis.services.mail_text import MAIL
from majlis.web.desk.words import DESK_WORDS
from majlis.web.desk.words_pages import PAGE_WORDS
from majlis.web.i18n import STRINGS, strings
from majlis.web.schemas import ArticleIn


def test_the_registry_describes_six_languages_once() -> None:
    assert CODES == ("en", "ar", "ckb", "kmr", "tr", "fa")
    assert RTL == {"ar", "ckb", "fa"}
    assert [direction(code) for code in CODES] == ["ltr", "rtl", "rtl", "ltr", "ltr", "rtl"]
    assert direction("de") == "ltr" and language("de") is None
    assert all(lang.plurals[-1] == "other" and lang.native for lang in LANGUAGES)


def test_every_translation_table_has_exactly_the_registry_languages() -> None:
    for table in (STRINGS, MAIL, DESK_WORDS, PAGE_WORDS):
        assert tuple(table) == CODES or set(table) == set(CODES)


def test_the_screen_reads_the_registry() -> None:
    assert SUPPORTED == CODES
    assert LIST_LANGUAGES == ("any", *CODES)
    assert set(LANGUAGE_SALT) == set(CODES)  # the model's per-language features


def test_the_article_schema_takes_the_registry_codes() -> None:
    annotation = ArticleIn.model_fields["language"].annotation
    assert set(get_args(annotation)) == {"", *CODES}


def test_plural_forms_follow_each_languages_cldr_categories() -> None:
    """Each counted phrase gives exactly the forms its language's CLDR categories need."""
    cldr = {"zero", "one", "two", "few", "many", "other"}
    for lang in LANGUAGES:
        words = strings(lang.code)
        assert words["dir"] == lang.direction
        forms = {key: value for key, value in words.items() if isinstance(value, dict) and set(value) <= cldr}
        assert "comments" in forms, lang.code
        for key, form in forms.items():
            assert set(form) == set(lang.plurals), (lang.code, key)
