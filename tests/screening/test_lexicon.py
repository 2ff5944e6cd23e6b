"""Word lists: matching with word boundaries, per-language care, context, and a site's own lists."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from majlis.domain import Action, Category
from majlis.screening.context import ScreenContext
from majlis.screening.lexicon import LexiconStage
from majlis.screening.policy import Policy

stage = LexiconStage()


def categories(text: str, language: str = "", policy: Policy | None = None) -> dict[Category, float]:
    scores, _ = stage.run(text, ScreenContext(policy=policy or Policy(), language_hint=language))
    return scores


@pytest.mark.parametrize(
    ("text", "language", "category"),
    [
        ("what a fuuucking mess", "en", Category.PROFANITY),
        ("f*ck this", "en", Category.PROFANITY),
        ("sh*t happens", "en", Category.PROFANITY),
        ("kill yourself", "en", Category.THREAT),
        ("I know where you live", "en", Category.THREAT),
        ("they should all be shot", "en", Category.THREAT),
        ("I will smash your face in", "en", Category.THREAT),
        ("hope she gets raped", "en", Category.THREAT),
        ("kafanı kırarım senin", "tr", Category.THREAT),
        ("seni döveceğim", "tr", Category.THREAT),
        ("inşallah ölürsün", "tr", Category.THREAT),
        ("بذبحك", "ar", Category.THREAT),
        ("راح اطخك", "ar", Category.THREAT),
        ("سرتو می‌برم", "fa", Category.THREAT),
        ("امیدوارم بمیری", "fa", Category.THREAT),
        ("typical faggot", "en", Category.ABUSE),
        ("you dirtbag", "en", Category.PERSONAL_ATTACK),
        ("he is a waste of oxygen", "en", Category.PERSONAL_ATTACK),
        ("typical feminazis", "en", Category.ABUSE),
        ("يا ابن الكلب", "ar", Category.PERSONAL_ATTACK),
        ("يا حقير", "ar", Category.PERSONAL_ATTACK),  # the vocative aims a mild insult
        ("اسكت يا عبد", "ar", Category.ABUSE),
        ("انت سافل وحثالة", "ar", Category.PERSONAL_ATTACK),
        ("والروافض", "ar", Category.ABUSE),
        ("سأقتلك", "ar", Category.THREAT),
        ("شرموطة", "ar", Category.ABUSE),
        ("کسکش", "fa", Category.PROFANITY),
        ("میکشمت", "fa", Category.THREAT),
        ("تو اسکل", "fa", Category.PERSONAL_ATTACK),
        ("دیوسها", "fa", Category.PERSONAL_ATTACK),
        ("تف به روت", "fa", Category.PERSONAL_ATTACK),  # "spit on your face"
        ("این قرمساق دروغ میگه", "fa", Category.PERSONAL_ATTACK),
        ("شما ولد زنا هستید", "fa", Category.PERSONAL_ATTACK),
        ("سیکتیر حاجی", "fa", Category.PROFANITY),
        ("گاییدمت", "fa", Category.PROFANITY),
        ("توله سگ", "fa", Category.PERSONAL_ATTACK),
        ("خنيث", "ar", Category.ABUSE),
        ("يا منيك", "ar", Category.PROFANITY),  # Levantine
        ("ميبون", "ar", Category.ABUSE),  # Tunisian
        ("يا عديم الشرف", "ar", Category.PERSONAL_ATTACK),
        ("فك يو", "ar", Category.PROFANITY),
        ("روح يا ازعر", "ar", Category.PERSONAL_ATTACK),
        ("يا فاشل يا جزمة", "ar", Category.PERSONAL_ATTACK),
        ("مومس", "ar", Category.ABUSE),
        ("عرب جرب", "ar", Category.ABUSE),
        ("يا مسخ يا جربان", "ar", Category.PERSONAL_ATTACK),
        ("القران مش لعبه يا ارعن", "ar", Category.PERSONAL_ATTACK),
        ("siktir git", "tr", Category.PROFANITY),
        ("seni öldüreceğim", "tr", Category.THREAT),
        ("orospu çocuğu", "tr", Category.PROFANITY),
        ("ağzına sıçayım", "tr", Category.PERSONAL_ATTACK),
        ("kellesini alacağız", "tr", Category.THREAT),
        ("sen tam bir beyinsizsin", "tr", Category.PERSONAL_ATTACK),
        ("sen ne gerzeksin", "tr", Category.PERSONAL_ATTACK),
        ("sen tam bir embesilsin", "tr", Category.PERSONAL_ATTACK),
        ("piçliğine yapıyor", "tr", Category.PERSONAL_ATTACK),  # `piç` is exact: its noun is an entry
        ("kevaşenin teki", "tr", Category.ABUSE),
        ("yarrağı yiyecekler", "tr", Category.VULGARITY),  # the k of yarrak softened to ğ
        ("seni öldürürüm", "tr", Category.THREAT),
        ("دەتکوژم", "ckb", Category.THREAT),
        ("بێشەرەف", "ckb", Category.PERSONAL_ATTACK),
        ("ez ê te bikujim", "kmr", Category.THREAT),
        ("kîrê min", "kmr", Category.VULGARITY),
        ("ئەتکوژم", "ckb", Category.THREAT),  # colloquial prefix, verb pattern
        ("بیانسووتێنن", "ckb", Category.THREAT),  # "burn them!"
        ("سەگەکان حەرامزادەن", "ckb", Category.PERSONAL_ATTACK),  # insult with Sorani endings
        ("ez ê wî bikujim", "kmr", Category.THREAT),
        ("divê bên kuştin", "kmr", Category.THREAT),
        ("Rojnamevanê ku ev nivîsand divê were kuştin", "kmr", Category.THREAT),
        ("ez ê serê te bişkênim", "kmr", Category.THREAT),
    ],
)
def test_listed_words_are_found_in_every_language(text: str, language: str, category: Category) -> None:
    assert categories(text, language).get(category, 0) >= 0.85


@pytest.mark.parametrize("text", ["what a fucking mess", "Holy shit, the bridge is finally open", "This is BULLSHIT."])
def test_swearing_aimed_at_no_one_goes_to_a_human(text: str) -> None:
    scores, evidence = stage.run(text, ScreenContext(policy=Policy(), language_hint="en"))
    assert 0.5 <= scores[Category.PROFANITY] < 0.85  # kept from publication, not rejected by the list
    assert any("aimed at no one" in e.detail for e in evidence)


def test_a_strict_site_rejects_swearing_aimed_at_no_one() -> None:
    strict = Policy.from_dict({"thresholds": {"profanity": {"reject": 0.8}}})
    scores = categories("Holy shit, the bridge is finally open", "en", strict)
    assert strict.decide(scores) == (Action.REJECT, Category.PROFANITY)
    assert Policy().decide(scores) == (Action.REVIEW, Category.PROFANITY)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("what a f*cking mess", Category.PROFANITY),  # disguised: the writer knew
        ("what a fuuucking mess", Category.PROFANITY),
        ("sh1t council", Category.PROFANITY),
        ("f u c k this council", Category.PROFANITY),
        ("you fucking liars", Category.PROFANITY),  # aimed at the reader
        ("fuck you all", Category.PERSONAL_ATTACK),
        ("shut the fuck up", Category.PERSONAL_ATTACK),
    ],
)
def test_disguised_or_aimed_swearing_keeps_its_severity(text: str, category: Category) -> None:
    assert categories(text, "en").get(category, 0) >= 0.85


@pytest.mark.parametrize(
    ("text", "language", "category"),
    [
        ("what the f***", "en", Category.PROFANITY),
        ("this is s***", "en", Category.PROFANITY),
        ("O***** çocuğu federasyondan gitsin", "tr", Category.ABUSE),
        ("the n***** word has no place here", "en", Category.ABUSE),  # quoted to condemn: a human decides
    ],
)
def test_one_letter_and_masks_is_a_guess_for_a_human(text: str, language: str, category: Category) -> None:
    scores, evidence = stage.run(text, ScreenContext(policy=Policy(), language_hint=language))
    assert 0.5 <= scores[category] < 0.85
    assert any("guessed from" in e.detail for e in evidence)


def test_a_masked_word_reads_as_the_swear_word_it_most_likely_hides() -> None:
    # "s**t" fits shit and slut: masks hide swearing most, and the reason given must not be sexism.
    scores, evidence = stage.run("this is s**t", ScreenContext(policy=Policy(), language_hint="en"))
    assert Policy().decide(scores) == (Action.REJECT, Category.PROFANITY)
    assert [e.detail for e in evidence] == ["shit (expletive)"]


def test_one_letter_and_masks_aimed_at_someone_is_rejected() -> None:
    assert categories("f*** you", "en")[Category.PROFANITY] >= 0.85


@pytest.mark.parametrize("text", ["the k__ is here", "fill in a___ b___", "Mr X*** said no", "f**"])
def test_short_or_unlisted_masks_are_not_guessed(text: str) -> None:
    assert not categories(text, "en")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Scunthorpe United won the cocktail contest", "en"),
        ("The assassin studied class analysis in Essex", "en"),
        ("The therapist ate grapes and cucumbers", "en"),
        ("Bu durum çok sıkıntılı, destek lazım", "tr"),  # glin's list flags durum and destek
        ("Min got ku ew ê were", "kmr"),  # `got` is not Turkish `göt`
        ("Wî kar kir", "kmr"),  # `kir` (did) is not `kîr`
        ("هیچ کس نیامد", "fa"),  # Persian `کس` (person)
        ("خول البرلمان الحكومة صلاحيات جديدة", "ar"),
        ("بگیم که این گیم خوب است", "fa"),  # Persian "let's say", "game": not Sorani گێم
        ("Sen bir kere söyledin", "tr"),  # Turkish `kere` (times) after `sen` is not Kurmanji `ker`
        ("Sen bu dizi izledin mi", "tr"),  # Turkish `dizi` (a series) is not Kurmanji `diz` + ending
        ("شاهدنا قرد في حديقة الحيوانات مع الأطفال", "ar"),  # a monkey at the zoo
        ("قررت اللجنة الموافقة على القرار", "ar"),  # Arabic اللجنة (the committee) holds Persian لجن (filth)
        ("طفل أخرس يتعلم لغة الإشارة", "ar"),  # أخرس: mute, not only "shut up!"
        ("من اصلا نفهمیدم چی گفت", "fa"),  # "I did not understand": not the insult نفهم
        ("لجن رودخانه را پاک کردند", "fa"),  # the river's mud
        ("کودک در استخر خفه شد", "fa"),  # a child drowned: خفه alone is not "shut up"
        ("دمت لنا فخرا يا قائد", "ar"),  # فخرا (with pride) is not ف + a vulgar word
        ("مملكة حمير في اليمن القديم", "ar"),  # Himyar, the ancient kingdom: a plural insult only when aimed
        ("Annem parfüm aldı, biraz sıkıyim dedim", "tr"),  # `sıkmak` (to spray) folds like a vulgar verb
        ("Bahçede bir sıçan gördüm, sonra sıçradı", "tr"),  # a rat, it jumped
        ("Yarın alçak basınç bekleniyor, hayvanlar barınağa taşındı", "tr"),  # low pressure; animals
        ("Maç çok sıkıcı geçti, dingili kırık araba gibi", "tr"),  # boring (sikici unaccented); an axle
        ("Sapık tutuklandı, mahalle rahat bir nefes aldı", "tr"),  # the news names a pervert
        ("Ata ne derdi bu duruma", "tr"),  # the forefather: Arabizi a7a folds to ata
        ("It's the best thing ever, 5sos shirts everywhere", "en"),  # Arabizi 5sos is not خسيس
        ("الطعام معفن في المخزن منذ أسبوع", "ar"),  # rotten food
        ("المشروع فاشل من البداية والجزمة في السوق غالية", "ar"),  # a failed plan, a shoe: not aimed
        ("أحاك المتآمرون خطة ضد المدينة", "ar"),  # أحاك (to weave a plot) holds Egyptian احا
        ("كانت أبلة فاطمة تدرسنا في الابتدائي مع عنتر", "ar"),  # a teacher; the name Antar
        ("يا ثورة الشعب، قرأنا الزبور والإنجيل", "ar"),  # a revolution; the Psalms
        ("ماف زول بيفهم الكلام ده", "ar"),  # Sudanese زول (a person) is not Sorani زۆڵ
        ("غبار قوي جنوب القوز", "ar"),  # a place name, not Sorani قوز
        ("سێ کەس لە تەقینەوەکەدا کوژران", "ckb"),  # news: three people were killed
        ("چەکدارەکان دەیکوژن و ڕادەکەن", "ckb"),  # narration in the third person is not a threat
        ("Li bajêr sê kes hatin kuştin", "kmr"),  # news: three people were killed
        ("Dizî li bajêr zêde bûye, polîs dibêje", "kmr"),  # theft, the noun of `diz` (thief)
        ("Ev peyman xayînî ye li dijî gel", "kmr"),  # treason, not "you are a traitor"
        ("Bi tawana sîxuriyê hat girtin", "kmr"),  # charged with espionage
        ("Ev biryar ji nezanî hatiye dayîn", "kmr"),  # ignorance
        ("Tu dizanî kengê pira nû vedibe?", "kmr"),  # "do you know": dizan- is not diz + -an
        ("Ez dizanim ku wî dizekî girtin", "kmr"),  # "a thief" in the oblique (-ekî) is not "you"
        ("نەخۆشی پێست لە منداڵاندا زیادی کردووە", "ckb"),  # skin disease: پێست is not پیس + -ت "you"
        ("بۆ هەر کەرت بودجەیەکی تایبەت دانراوە", "ckb"),  # for each sector: کەرت is not کەر + -ت
        ("ئەگەر نەزانیت، لە پزیشکەکەت بپرسە", "ckb"),  # "if you don't know, ask your doctor"
        ("تکایە کەرەم بکە و بابەتەکە بخوێنەوە", "ckb"),  # کەرەم (please, generosity) is not کەر + -ەم
        ("منداڵەکان سەردانی باخچەی حەیوانات کرد", "ckb"),  # the zoo: حەیوانات (animals) is not "you animal"
        ("تەرسیمەکەت زۆر جوانە", "ckb"),  # "your drawing is beautiful"
        ("سەگەکەت لە کوێیە؟", "ckb"),  # "where is your dog?": -ەکەت says "your", not "you dog"
        ("Doctors declared him brain dead after the crash", "en"),  # no insult meant: left to the model
        ("April Fools' Day jokes were banned at the ministry", "en"),
        ("She graduated summa cum laude; a bedroom-cum-office was all she had", "en"),  # Latin "with"
        ("The budget was niggardly, the beanery closed, the plane landed in Moroni", "en"),  # not the stems
        ("Firefighters dropped fire retardant on the hills", "en"),
    ],
)
def test_innocent_words_do_not_match(text: str, language: str) -> None:
    assert max(categories(text, language).values(), default=0.0) < 0.5


def test_evidence_spans_point_into_the_original_text() -> None:
    text = "Honestly, f u c k this"
    _, evidence = stage.run(text, ScreenContext())
    assert any(text[e.start : e.end] == "f u c k" for e in evidence)


def test_insult_aimed_at_a_person_scores_higher_than_the_word_alone() -> None:
    alone = categories("an idiot plan")[Category.PERSONAL_ATTACK]
    aimed = categories("you idiot")[Category.PERSONAL_ATTACK]
    assert alone < 0.85 <= aimed
    assert categories("you cowards")[Category.PERSONAL_ATTACK] >= 0.85  # plurals are listed too


@pytest.mark.parametrize(
    ("alone", "aimed", "language"),
    [
        ("ئەو بڕیارە گەمژە", "تۆ گەمژەیت", "ckb"),  # the copula -یت says "you are"
        ("ئەو بڕیارە گەمژە", "گەمژەیت", "ckb"),
        ("kûçikek li kolanê", "kûçiko!", "kmr"),  # the vocative -o addresses someone
        ("kûçikek li kolanê", "tu kûçikî", "kmr"),
        ("dizî li bajêr zêde bûye", "tu dizî", "kmr"),  # after "tu", the attached -î says "you are"
        ("dizî li bajêr zêde bûye", "tu diz î", "kmr"),
        ("bu ezikler yine kaybetti", "sen tam bir eziksin", "tr"),  # the copula -sin says "you are"
    ],
)
def test_kurdish_and_turkish_endings_aim_an_insult_at_someone(alone: str, aimed: str, language: str) -> None:
    assert categories(alone, language).get(Category.PERSONAL_ATTACK, 0.0) < 0.85
    assert categories(aimed, language)[Category.PERSONAL_ATTACK] >= 0.85


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("götünü kaldır da çalış", Category.VULGARITY),
        ("bu piçler yine yalan söylüyor", Category.PERSONAL_ATTACK),
        ("maçın boku çıktı", Category.PROFANITY),
    ],
)
def test_turkish_words_match_with_their_endings(text: str, category: Category) -> None:
    assert categories(text, "tr").get(category, 0.0) >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kitapları eve götürdüm, yarın okula götüreceğim", "tr"),  # götür- (to take) is not göt + ending
        ("Boks maçı yarın akşam", "tr"),
        ("The bokeh in these photos is lovely", "en"),
    ],
)
def test_turkish_endings_do_not_make_words_of_other_words(text: str, language: str) -> None:
    assert not categories(text, language)


def test_a_pattern_shows_the_words_it_matched_not_its_expression() -> None:
    text = "بەڵێ، دەتانسووتێنین"
    _, evidence = stage.run(text, ScreenContext(language_hint="ckb"))
    threat = [e for e in evidence if e.category is Category.THREAT]
    assert threat and all(text[e.start : e.end] == "دەتانسووتێنین" and "(?" not in e.detail for e in threat)


def test_quoted_or_condemned_slur_goes_to_a_human() -> None:
    score = categories('He called me a "faggot" and that is unacceptable')[Category.ABUSE]
    assert 0.5 <= score < 0.85


def test_quotation_marks_around_a_whole_insult_do_not_soften_it() -> None:
    """Wrapping a comment in quotation marks would otherwise send any insult to a human instead of
    rejecting it."""
    for text in ('"You are an idiot"', "“You are an idiot” @mayor", "«You are an idiot»"):
        assert categories(text, "en")[Category.PERSONAL_ATTACK] >= 0.85, text
    assert 0.5 <= categories('He told me "you are an idiot" and walked off', "en")[Category.PERSONAL_ATTACK] < 0.85


def test_site_banned_and_suspect_words() -> None:
    policy = Policy(banned_words=("spoilers|off_topic", "zorbo"), suspect_words=("kebab",))
    scores = categories("No zorbo here, and kebab is fine", policy=policy)
    assert scores[Category.PROFANITY] == 1.0
    assert categories("I love kebab", policy=policy)[Category.PROFANITY] == pytest.approx(0.6)
    assert categories("no spoilers please", policy=policy)[Category.OFF_TOPIC] == 1.0


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="aZ2379 1ش.", max_size=8))
def test_the_arabizi_hint_is_a_digit_beside_a_latin_letter(text: str) -> None:
    """The Arabizi lookup runs where one of the digits that write Arabic letters touches a Latin letter,
    before or after it: exactly there."""
    from majlis.screening.lexicon import _MAYBE_ARABIZI

    latin = {c for c in text if c.isascii() and c.isalpha()}
    touching = any((a in "235679" and b in latin) or (a in latin and b in "235679") for a, b in pairwise(text))
    assert bool(_MAYBE_ARABIZI.search(text)) == touching


@pytest.mark.parametrize(
    ("text", "language", "key", "listed"),
    [
        # Innocent in the comment's language, an insult in the list's (`not_in`): found on the
        # train and dev splits, where these fired on clean comments far more than on abusive ones.
        ("لا نفهم لماذا تأخرت الحكومة في الرد", "ar", "نفهم", False),  # Arabic "we understand"
        ("كوني قوية يا أختي", "ar", "کونی", False),  # Arabic "be (strong)"
        ("بحكم كون الجسر قديما يجب إغلاقه", "ar", "کون", False),  # Arabic "being"
        ("تو دیروز رفتی خونه؟", "fa", "خونه", False),  # Persian "home"
        ("این میز جاش اینجا نیست", "fa", "جاش", False),  # Persian "its place"
        ("Dizim ağrıyor, sen de diz çökme", "tr", "diz", False),  # Turkish "knee"
        ("Cahil û kal hatin civînê", "kmr", "cahil", False),  # Kurmanji "young" (Turkish "ignorant")
        ("کوندە لە شەودا دەخوێنێت", "ckb", "کونده", False),  # Sorani "owl" (a Persian slur)
        # ... and still found in the list's own language.
        ("انتم خونه", "ar", "خونه", True),  # Arabic "traitors"
        ("ew diz e", "kmr", "diz", True),  # Kurmanji "thief"
        ("sen tam bir cahilsin", "tr", "cahil", True),
    ],
)
def test_a_word_innocent_in_the_comments_language_is_not_listed_there(text: str, language: str, key: str,
                                                                        listed: bool) -> None:
    from majlis.screening.lexicon import matches_in
    from majlis.screening.normalise import normalise

    folded = normalise(key).text  # entries are kept folded, as the matcher sees them
    assert any(m.entry.key == folded for m in matches_in(text, language)) is listed


@pytest.mark.parametrize("curse", ["Burn in hell, Jon.", "Those who did this will rot in hell"])
def test_wishing_someone_hell_goes_to_a_human(curse: str) -> None:
    assert categories(curse, "en").get(Category.PERSONAL_ATTACK, 0.0) >= 0.5


@pytest.mark.parametrize(
    ("slogan", "language"),
    [("Death to the mayor and his council", "en"), ("مرگ بر شهردار", "fa"), ("الموت للمحافظ", "ar")],
)
def test_a_slogan_calling_for_death_goes_to_a_human(slogan: str, language: str) -> None:
    assert Policy().decide(categories(slogan, language))[0] is not Action.APPROVE
    assert categories(slogan, language).get(Category.THREAT, 0.0) >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [("مرگ برادرش را تسلیت گفتند", "fa"), ("الموت ليس النهاية", "ar"), ("الموت لن يخيفنا", "ar"),
     ("He was put to death in 1990, the court said", "en")],
)
def test_death_named_in_a_sentence_is_no_slogan(text: str, language: str) -> None:
    assert categories(text, language).get(Category.THREAT, 0.0) < 0.5


def test_levantine_shit_with_its_article_goes_to_a_human() -> None:
    assert categories("ليش اكل الخرا يا زلمة", "ar").get(Category.PROFANITY, 0.0) >= 0.5


@pytest.mark.parametrize("text", ["sikiyim boyle isi", "şimdi sikiyim", "sikicem seni"])
def test_an_exact_entry_in_ascii_is_found_with_or_without_accented_letters_around(text: str) -> None:
    # `sikiyim` is listed exact so that `sıkıyım` (to spray) does not fold into it; written in ASCII it
    # is found whether or not the comment holds a Turkish letter elsewhere.
    assert categories(text, "tr")[Category.PROFANITY] >= 0.85


def test_an_ascii_exact_entry_does_not_match_the_accented_word_that_folds_into_it() -> None:
    assert categories("biraz sıkıyım dedim, parfüm güzel", "tr").get(Category.PROFANITY, 0.0) < 0.5


@pytest.mark.parametrize(("alone", "aimed"), [("cahil insanlar", "sen cahilsin"), ("manyak bir gün", "sen manyak mısın")])
def test_mild_turkish_words_insult_only_when_aimed(alone: str, aimed: str) -> None:
    assert categories(alone, "tr").get(Category.PERSONAL_ATTACK, 0.0) < 0.5
    assert categories(aimed, "tr")[Category.PERSONAL_ATTACK] >= 0.85


@pytest.mark.parametrize(
    ("singular", "plural", "language"),
    [("she is a dyke", "those dykes again", "en"), ("a spic", "the spics", "en"), ("one kike", "the kikes", "en"),
     ("what a twat", "bloody twats", "en"), ("a tranny", "trannies everywhere", "en"),
     ("يا سافل", "يا سفلة", "ar"), ("انت خنزير", "انتم خنازير", "ar")],  # Arabic broken plurals
)
def test_a_slur_or_insult_in_the_plural_scores_as_in_the_singular(singular: str, plural: str, language: str) -> None:
    alone = categories(singular, language)
    many = categories(plural, language)
    category = max(alone, key=lambda c: alone[c])
    assert alone[category] >= 0.5
    assert many[category] == alone[category]


@pytest.mark.parametrize(("text", "language", "category"), [
    ("to ye koskesh hasti", "", Category.PERSONAL_ATTACK),  # Finglish, read as English by the detector
    ("in jendeh ha ro bebin", "", Category.ABUSE),
    ("haroomzade boro", "", Category.PERSONAL_ATTACK),
    ("این مسئول کصخل هیچی نمیفهمه", "fa", Category.PERSONAL_ATTACK),  # ص for س
    ("خفه خون بگیر", "fa", Category.PERSONAL_ATTACK),
    ("to sagbab i", "ckb", Category.PERSONAL_ATTACK),  # Sorani in Latin letters
    ("kuri qahba bo wa dake", "ckb", Category.PERSONAL_ATTACK),
])
def test_persian_finglish_and_latin_sorani_insults_are_found(text: str, language: str, category: Category) -> None:
    assert categories(text, language).get(category, 0.0) >= 0.5, categories(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("The ferry to Kos carried three hundred refugees", "en"),  # the island: a human looks, no rejection
    ("Bir kuş pencereye kondu", "tr"),  # a bird, not Finglish `kus`
    ("Sokağın köşesinde bir fırın var", "tr"),  # a corner, not `kose`
    ("Min ev kar kir û çûm", "kmr"),  # "did", not Finglish `kir`
])
def test_short_finglish_words_never_reject_ordinary_text(text: str, language: str) -> None:
    assert max(categories(text, language).values(), default=0.0) < 0.85, categories(text, language)
