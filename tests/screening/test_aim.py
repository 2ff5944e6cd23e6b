"""How a listed word is used in its sentence: aimed at someone, quoted, written plainly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from majlis.domain import Action
from majlis.screening import ScreenContext, Screener
from majlis.screening.aim import quoted, reported, written_plainly, you_before, you_next
from majlis.screening.normalise import normalise


def test_you_before_looks_at_the_five_words_before() -> None:
    text = normalise("you are such an idiot").text
    assert you_before(text, text.index("idiot"))
    far = normalise("you said that the new minister of the interior is an idiot").text
    assert not you_before(far, far.index("idiot"))
    sorani = normalise("ئێوە گەمژەن").text
    assert you_before(sorani, sorani.index(normalise("گەمژەن").text))


def test_you_next_reads_the_following_word_only() -> None:
    assert you_next("fuck you all", len("fuck"))
    assert not you_next("fuck this, I told you", len("fuck"))


@pytest.mark.parametrize(
    ("written", "key", "stem", "plain"),
    [
        ("Shit", "shit", True, True),
        ("SHITTY", "shit", True, True),
        ("fucking\ufeff", "fuck", True, True),  # an invisible character after the word is no disguise
        ("fuuuck", "fuck", True, False),
        ("f*ck", "fuck", True, False),
        ("sh1t", "shit", True, False),
        ("shithead", "shit", True, False),  # another word, not an ending
        ("shits", "shit", False, False),  # a whole-word entry takes no ending
    ],
)
def test_written_plainly(written: str, key: str, stem: bool, plain: bool) -> None:
    assert written_plainly(written, key, stem) is plain


def test_quoted_within_the_sentence_or_named_to_condemn() -> None:
    text = 'He called me "traitor" on the bus. Then he left.'
    assert quoted(text, text.index("traitor"), text.index("traitor") + 7)
    text = "Stop using the word kafir about people."
    assert quoted(text, text.index("kafir"), text.index("kafir") + 5)
    text = 'The minister said "no". You are a traitor.'
    assert not quoted(text, text.index("traitor"), text.index("traitor") + 7)


@pytest.mark.parametrize(
    ("text", "is_quoted"),
    [
        ('"You are a traitor"', False),  # all quotation: the words are passed on, not mentioned
        ("“You are a traitor” @mayor http://t.co/x1", False),  # handles and links say nothing of it
        ('RT "you are a traitor" &#128514;', False),
        ("«You are a traitor»", False),
        ('"You are a traitor" is what he shouted at me', True),
        ('He wrote "you are a traitor"', True),
        ("He wrote «you are a traitor»", True),
    ],
)
def test_a_comment_that_is_all_quotation_quotes_nothing(text: str, is_quoted: bool) -> None:
    start = text.index("traitor")
    assert quoted(text, start, start + len("traitor")) is is_quoted


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet='ab "«».!?\n؟', max_size=14), st.data())
def test_quoted_reads_the_sentence_that_holds_the_word(text: str, data: st.DataObject) -> None:
    """Whatever the text, a word counts as quoted exactly when the quotation marks around it are in
    its own sentence: the one that the last sentence end before it opens and the next one closes."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    ends = ".!?\n؟"
    sentence_start = max(text.rfind(p, 0, start) for p in ends) + 1
    sentence_end = min([i for i in (text.find(p, end) for p in ends) if i >= 0], default=len(text))
    alone = text[:sentence_start].replace("\"", " ") + text[sentence_start:sentence_end] + text[sentence_end:].replace("\"", " ")
    assert quoted(text, start, end) == quoted(alone, start, end)


@pytest.mark.parametrize(
    ("text", "word", "reports"),
    [
        ("The witness said the gunmen shouted: we will kill you all", "kill", True),
        ("قال الشاهد إن المسلحين هتفوا بأن الأسرى يجب قتلهم", "قتلهم", True),
        ("Mahkeme, sanığın hepsini öldürün diye bağırdığını kaydetti", "öldürün", True),
        ("به گفته پلیس، مهاجم فریاد زد همه را بکشید", "بکشید", True),
        ("I will kill you. The police said nothing", "kill", False),  # the report is another sentence
        ("We will kill you all", "kill", False),
        ("I have got a gun and I will kill you", "kill", False),  # English "got" is not Kurmanji "got ku" (said that)
        ("Wî got ku ew ê te bikuje", "bikuje", True),
    ],
)
def test_a_sentence_that_reports_what_someone_said(text: str, word: str, reports: bool) -> None:
    assert reported(text, text.index(word)) is reports


def test_english_you_words_do_not_aim_in_a_turkish_comment() -> None:
    # "u" after an apostrophe is a Turkish case ending, "ya" a particle: neither says "you" there.
    ending, particle = "annem youtube ' u etsiz yalanci", "cok iyi yaaa ya hafif budalasi"
    assert not you_before(ending, ending.index("yalanci"), "tr")
    assert not you_before(particle, particle.index("budalasi"), "tr")
    assert you_before(ending, ending.index("yalanci"))  # language not known: every language's words count
    assert you_before("ya u idiot", 5, "en")


def test_turkish_object_forms_of_you_do_not_aim_a_word() -> None:
    proverb, insult = "bir yalana kanmak seni aptal", "sen tam bir aptal"
    assert not you_before(proverb, proverb.index("aptal"), "tr")
    assert you_before(insult, insult.index("aptal"), "tr")


def test_you_in_the_sentence_before_does_not_aim_a_word() -> None:
    agreeing, insulting = "i agree with you. stupid decisions like this", "you are so stupid"
    assert not you_before(agreeing, agreeing.index("stupid"), "en")
    assert you_before(insulting, insulting.index("stupid"), "en")


@pytest.mark.parametrize(
    ("text", "aimed"),
    [("did you see how stupid the new bus plan is", False), ("thank you for the article, the idiots", False),
     ("you are such a stupid idiot", True), ("you're a fucking moron", True), ("you utterly stupid man", True)],
)
def test_in_english_you_aims_a_word_only_through_words_that_link_them(text: str, aimed: bool) -> None:
    folded = normalise(text).text
    word = text.split()[-1] if aimed else ("stupid" if "stupid" in text else "idiots")
    assert you_before(folded, folded.rindex(normalise(word).text), "en") is aimed


@pytest.mark.parametrize(
    ("text", "word", "language", "aimed"),
    [
        ("انت محق، قرار الحكومة غبي جدا", "غبي", "ar", False),  # you are right, the decision is stupid
        ("انت واحد غبي", "غبي", "ar", True),
        ("و انت الكذاب", "كذاب", "ar", True),  # the article joined to the word is not a word between
        ("ياحمار", "حمار", "ar", True),  # the vocative joined to the word
        ("Sen haklısın, bu karar çok aptal bir karar", "aptal", "tr", False),
        ("Sen de gördün mü bu aptal planı", "aptal", "tr", False),
        ("sen hep böyle salak mı olacaksın", "salak", "tr", True),
        ("you, idiot", "idiot", "en", True),  # a comma right after "you" opens no clause
        ("تو این شهر آدمای بیشعور زیادن", "بیشعور", "fa", False),  # تو before "this" is "in"
        ("تو خیلی بیشعوری", "بیشعور", "fa", True),
        ("تو واقعا این وزیر احمق را قبول داری؟", "احمق", "fa", False),  # "this" minister is stupid
        ("Te dît ev plana bêaqil çiqas xirab e?", "bêaqil", "kmr", False),  # "this" plan is stupid
        ("Tu kerekî bêaqil î", "bêaqil", "kmr", True),
        ("تۆ ئەم بڕیارە گەمژەیە دەخوێنیتەوە", "گەمژە", "ckb", False),
        ("تۆ بەم قسە گەمژانەیە باوەڕ دەکەیت؟", "گەمژانە", "ckb", False),  # بەم: with this
        ("تۆ زۆر گەمژەیت", "گەمژە", "ckb", True),
    ],
)
def test_a_clause_of_its_own_or_words_that_do_not_link_keep_you_from_aiming(text: str, word: str, language: str,
                                                                               aimed: bool) -> None:
    folded = normalise(text).text
    assert you_before(folded, folded.rindex(normalise(word).text), language) is aimed


# Quoting a slur to condemn it is a hard case for a human in every language alike: quotation marks of
# each script, or a verb of calling or saying beside the word.
QUOTING = [
    ('The MP called the reporter a "dipshit" on air, a disgrace.', "en"),
    ("The MP called the reporter a dipshit on air, a disgrace.", "en"),
    ("وصف النائب المذيعة بأنها «عاهره» على الهواء، هذا عيب", "ar"),
    ("وصف النائب المذيعة بأنها عاهره على الهواء، هذا عيب", "ar"),
    ("نماینده به خبرنگار گفت «جنده»، شرم‌آور است", "fa"),
    ("نماینده به خبرنگار گفت جنده، شرم‌آور است", "fa"),
    ('Vekil muhabire "kahpe" dedi, utanç verici', "tr"),
    ("Vekil muhabire kahpe dedi, utanç verici", "tr"),
    ("Vekil muhabire ‚kahpe‘ dedi, utanç verici", "tr"),
    ("پەرلەمانتارەکە بە ڕۆژنامەنووسەکەی وت «قەحبە»، ئەمە شەرمە", "ckb"),
    ("پەرلەمانتارەکە بە ڕۆژنامەنووسەکەی وت قەحبە، ئەمە شەرمە", "ckb"),
    ("Parlamenter ji rojnamevanê re got ‹qehpe›, ev şerm e", "kmr"),
    ("Parlamenter ji rojnamevanê re got qehpe, ev şerm e", "kmr"),
]


@pytest.mark.parametrize(("text", "language"), QUOTING)
def test_a_slur_someone_else_used_goes_to_a_human_in_every_language(text: str, language: str) -> None:
    verdict = Screener().screen(text, ScreenContext(language_hint=language))
    assert verdict.action is Action.REVIEW
    assert "quoted-speech" in [r.name for r in verdict.rulings]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I told you before, you dipshit.", "en"),  # "you" between the verb and the word: said to the reader
        ("Sana kahpe dedim, yine derim", "tr"),  # said by the writer
        ("تۆ قەحبەیت", "ckb"),
        ("Tu qehpe yî", "kmr"),
    ],
)
def test_a_slur_said_to_the_reader_is_not_quoted(text: str, language: str) -> None:
    assert Screener().screen(text, ScreenContext(language_hint=language)).action is Action.REJECT


def test_quotation_marks_of_every_script_open_and_close_a_quotation() -> None:
    for opening, closing in ("«»", "“”", "„“", "‹›", "‚‘", '""', "''"):
        text = f"He wrote {opening}idiot{closing} on the wall, shame."
        start = text.index("idiot")
        assert quoted(text, start, start + 5), (opening, closing)


@pytest.mark.parametrize(
    "text",
    [
        "Kürt halkı teroristtir diyen hukuk hangisi?",  # the one who says
        "Valiliğe göre bunlar güvenilmez insanlar",  # according to
    ],
)
def test_turkish_reports_what_others_say(text: str) -> None:
    assert reported(text, 0)
