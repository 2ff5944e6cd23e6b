"""A group named with an insult in the same sentence: identity abuse, for a human to judge."""

from __future__ import annotations

import pytest

from majlis.domain import Action, Category
from majlis.screening import ScreenContext, Screener
from majlis.screening.groups import GroupStage
from majlis.screening.rulebook import GROUP_GENERALISATION, GROUP_INSULT

stage = GroupStage()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("عەرەبەکان میللەتێکی پیسن", "ckb"),
        ("Tirk miletekî bêesl in", "kmr"),
        ("The refugees are idiots, every one of them", "en"),
        ("ژنان عەقڵیان کەمە و نابێت دەنگ بدەن", "ckb"),
        # dehumanising words, evidence alone, are abuse when said of a group
        ("Immigrants are vermin", "en"),
        ("Black people are animals", "en"),
        ("اللاجئون حشرات", "ar"),
        ("Suriyeliler asalak", "tr"),
        ("افغانی ها انگل هستند", "fa"),
        ("عەرەبەکان مشەخۆرن", "ckb"),
        ("Ereb parazît in", "kmr"),
        ("Misilman hemû terorîst in", "kmr"),  # terorîst, casûs, mîna kêzikan: evidence alone
        ("Afgan mîna kêzikan zêde dibin", "kmr"),
        ("Hevzayend bêbext in", "kmr"),
        # groups named by faith, gender identity or disability, not only by people
        ("Feminists are a plague on this country", "en"),
        ("The disabled are parasites living off our taxes", "en"),
        # generalisations that exclude or condemn the whole group
        ("Immigrants should all be deported", "en"),
        ("Muslims don’t belong here", "en"),  # a typographic apostrophe is an apostrophe
        ("Gays are mentally ill", "en"),
        ("Gypsies are all thieves", "en"),
        ("Jews control the media and the banks", "en"),  # a trope
        ("Black people are genetically inferior", "en"),
        ("Women are too emotional to lead", "en"),
        ("Disabled people are a burden on society", "en"),
        ("اللاجئين السوريين لازم يرجعوا لبلادهم", "ar"),
        ("Kadınlar yönetemez, mutfağa dönsünler", "tr"),
        ("Ermeniler düşmanımızdır", "tr"),
        ("افغانی ها همه دزدن", "fa"),
        ("زنان عقلشان کمتر است", "fa"),
    ],
)
def test_a_group_named_with_an_insult_is_abuse_for_review(text: str, language: str) -> None:
    scores, evidence = stage.run(text, ScreenContext(language_hint=language))
    # a plain generalisation about the group is rejected (`GROUP_GENERALISATION`), an insult beside it reviewed
    assert scores[Category.ABUSE] in (GROUP_INSULT, GROUP_GENERALISATION)
    assert evidence[0].source in ("rule:group-insult", "rule:group-generalisation")
    assert text[evidence[0].start : evidence[0].end]
    verdict = Screener().screen(text)
    assert verdict.action is not Action.APPROVE


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("عەرەب و کورد و تورکمان لە کەرکووک پێکەوە دەژین", "ckb"),  # naming groups is not attacking them
        ("Ereb, Kurd û Tirkmen li Kerkûkê bi hev re dijîn", "kmr"),
        ("Polîs dibêje êrîşa terorîst li Amedê hat pêşîlêgirtin", "kmr"),  # terrorism in the news, no group
        ("Afgan û Iraqî li kampê bi hev re dixebitin", "kmr"),
        ("Kürtler ve Afganlar terörist saldırıyı kınadı", "tr"),  # Turkish terörist is not the Kurmanji entry
        ("The minister is an idiot. Refugees arrived in Duhok on Monday.", "en"),  # insult and group apart
        ('Calling refugees "idiots" is a disgrace', "en"),  # the insult is quoted
        ("Cockroaches and rats spread in the camp after the flood", "en"),  # a pest, no group
        ("Farmers in Duhok lost their animals in the flood", "en"),
        ("Islam and Christianity both teach charity to the poor", "en"),
        ("Big tech companies control the media now, the report says", "en"),  # the trope's words, no group
        ("پلیس دو دزد افغانی را دستگیر کرد", "fa"),  # thieves in crime news, beside a group's name
        ("قال الوزير ان اللاجئين سيعودون لبلادهم بعد الحرب", "ar"),
    ],
)
def test_groups_without_an_insult_beside_them_are_left_alone(text: str, language: str) -> None:
    assert stage.run(text, ScreenContext(language_hint=language)) == ({}, [])


@pytest.mark.parametrize(
    "text",
    [
        "The smuggler should be deported, the court ruled on Monday.",
        "Smoking is a plague in our schools, the health minister said.",
        "The militia's leaders are criminals and must face trial.",
    ],
)
def test_a_generalisation_said_of_no_group_is_only_evidence(text: str) -> None:
    verdict = Screener().screen(text)
    assert verdict.action is not Action.REJECT
    listed = [e for e in verdict.evidence if e.source.startswith("lexicon:")]
    assert listed and all(e.score < 0.5 for e in listed)  # shown to a moderator, moving no score
    assert stage.run(text, ScreenContext(language_hint="en")) == ({}, [])


def test_a_dehumanising_word_alone_is_only_evidence() -> None:
    verdict = Screener().screen("They found vermin in the grain store, the ministry said.")
    assert verdict.action is Action.APPROVE
    assert any(e.detail.startswith("vermin") for e in verdict.evidence)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kill all the Yazidis", "en"),  # "kill all" alone is evidence only: the sewage can kill all fish
        ("Refugees must die", "en"),
        ("بهایی‌ها را بکشید", "fa"),  # بکشید alone also means "draw" or "take (a breath)"
        ("Kürtler ölmeli", "tr"),
    ],
)
def test_a_group_named_with_a_call_to_harm_is_a_threat_for_review(text: str, language: str) -> None:
    scores, evidence = stage.run(text, ScreenContext(language_hint=language))
    assert scores == {Category.THREAT: GROUP_INSULT} and "a group named with a threat" in evidence[0].detail
    assert Screener().screen(text).action is not Action.APPROVE


@pytest.mark.parametrize(
    "text",
    [
        "Refugees are rats, they must all die.",
        "The Shia do not deserve to live.",
        "الشيعة لا يستحقون الحياة",
        "Suriyeliler hepsi ölmeli.",
        "افغانی‌ها باید بمیرند، لیاقت زندگی ندارند",
    ],
)
def test_spelled_out_incitement_against_a_group_is_rejected_as_a_threat(text: str) -> None:
    verdict = Screener().screen(text)
    assert verdict.action is Action.REJECT and verdict.category is Category.THREAT


@pytest.mark.parametrize(
    "text",
    [
        "The sewage spill can kill all the fish in the river, engineers warned.",
        "نفس عمیق بکشید و آرام باشید",  # take a deep breath
        "این نقشه را روی کاغذ بکشید",  # draw this map on paper
    ],
)
def test_bare_calls_to_harm_without_a_group_are_not_rejected(text: str) -> None:
    assert Screener().screen(text).action is not Action.REJECT
    assert stage.run(text, ScreenContext()) == ({}, [])


# Group hatred without slurs: a generalising or dehumanising predicate said of a named group.
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Migrants can't be trusted with anything.", "en"),
        ("Assyrians are all liars, every single one.", "en"),
        ("Women should stay in the kitchen, not in parliament.", "en"),
        ("العراقيين كلهم كذابين وما ينوثق بيهم", "ar"),
        ("النساء مكانهن المطبخ مو الوظيفة", "ar"),
        ("کردها قابل اعتماد نیستند", "fa"),
        ("مهاجران سرطان جامعه هستند", "fa"),
        ("زنان جاشون تو آشپزخونه است", "fa"),
        ("Afganlar güvenilmez insanlardır", "tr"),
        ("Göçmenler ülkelerine gönderilmeli, hepsi hırsız", "tr"),
        ("ئەرمەنەکان متمانەیان پێ ناکرێت", "ckb"),
        ("کۆچبەرەکان هەموویان دزن", "ckb"),
        ("Koçber hemû xayîn in", "kmr"),
        ("Ereb nayên bawerkirin", "kmr"),
        # Persian copulas written onto the word, and attributes right after a group's name
        ("بهایی‌ها نجس هستند", "fa"),
        ("ترک‌ها خائن‌اند", "fa"),
        ("مهاجرها انگلن", "fa"),
        ("زن‌ها عقل ندارند", "fa"),
        ("النازحين حرامية ويسرقون البيوت", "ar"),
        ("Afganlar hırsız, bunu herkes biliyor", "tr"),
    ],
)
def test_a_generalisation_about_a_named_group_is_rejected_as_abuse(text: str, language: str) -> None:
    verdict = Screener().screen(text, ScreenContext(language_hint=language))
    assert verdict.action is Action.REJECT and verdict.category is Category.ABUSE
    assert "group-generalisation" in [r.name for r in verdict.rulings]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Those people are a plague on this town.", "en"),
        ("Send them all back.", "en"),
        ("هؤلاء الناس لا يمكن الوثوق بهم", "ar"),
        ("این جماعت قابل اعتماد نیستن", "fa"),
        ("Bu insanlar güvenilmez", "tr"),
        ("ئەم خەڵکە متمانەیان پێ ناکرێت", "ckb"),
        ("Ev mirov nayên bawerkirin", "kmr"),
    ],
)
def test_a_generalisation_about_those_people_goes_to_a_human(text: str, language: str) -> None:
    verdict = Screener().screen(text, ScreenContext(language_hint=language))
    assert verdict.action is not Action.APPROVE and verdict.scores[Category.ABUSE] >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Not all migrants are criminals, most work hard.", "en"),  # denied
        ("It is racist to say that refugees can't be trusted.", "en"),  # condemned: for a human at most
        ("He said Kurds cannot be trusted, a shameful remark.", "en"),  # reported
        ("ليس كل اللاجئين لصوص، معظمهم يعملون", "ar"),
        ("Hepsi değil, Suriyelilerin çoğu çalışkan", "tr"),
    ],
)
def test_a_denied_condemned_or_reported_generalisation_is_never_rejected(text: str, language: str) -> None:
    assert Screener().screen(text, ScreenContext(language_hint=language)).action is not Action.REJECT


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Refugees cleaned the river bank and the mayor thanked them.", "en"),
        ("Women volunteers ran the kitchen for the flood victims.", "en"),  # "kitchen", no predicate
        ("الأكراد يحاربون الإرهابيين منذ سنوات", "ar"),  # fighting terrorists is not being them
        ("زنان مبتلا به سرطان از بیمه حمایت می‌خواهند", "fa"),  # women with cancer
        ("Savaş istemiyoruz, Kürtler ve Türkler kardeştir", "tr"),
        ("پەنابەرەکان نەخۆشن و پێویستیان بە یارمەتییە", "ckb"),  # refugees are ill and need help
        ("Suriyeli hırsızlar dün gece yakalandı", "tr"),  # Syrian thieves: an adjective, not a predicate
        ("الشرطة اعتقلت لاجئين حرامية سرقوا المحل", "ar"),  # thieving refugees, not "refugees are thieves"
        ("پلیس دو دزد افغانی را دستگیر کرد", "fa"),
    ],
)
def test_a_group_and_ordinary_words_are_no_generalisation(text: str, language: str) -> None:
    verdict = Screener().screen(text, ScreenContext(language_hint=language))
    assert not [r for r in verdict.rulings if r.name.endswith("generalisation")]
    assert verdict.action is not Action.REJECT


# Institutions and officials are not a protected group: at most a hard case, never abuse.
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The government is a failure, they are all thieves and liars.", "en"),
        ("The city council are clowns and a disgrace.", "en"),
        ("الحكومة فاشلة وكل الوزراء حرامية", "ar"),
        ("دولت بی‌عرضه است، همه مسئولان دزدن", "fa"),
        ("Belediye beceriksiz, bakanlar hepsi hırsız", "tr"),
        ("حکومەت شکستی هێناوە، هەموو وەزیرەکان دزن", "ckb"),
        ("Hikûmet têk çûye, hemû berpirs diz in", "kmr"),
    ],
)
def test_harsh_words_about_an_institution_are_at_most_a_personal_attack_for_review(text: str, language: str) -> None:
    verdict = Screener().screen(text, ScreenContext(language_hint=language))
    assert verdict.action is not Action.REJECT
    assert verdict.category is not Category.ABUSE
    assert verdict.scores[Category.ABUSE] < 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Your coverage of the protest was one-sided, and the reporter got the numbers wrong.", "en"),
        ("تغطيتكم للخبر منحازة والمراسل أخطأ في الأرقام", "ar"),
        ("Haberiniz eksik, muhabir rakamları yanlış yazmış", "tr"),
    ],
)
def test_constructive_criticism_of_the_newsroom_is_approved(text: str, language: str) -> None:
    assert Screener().screen(text, ScreenContext(language_hint=language)).action is Action.APPROVE


def test_a_slur_or_a_group_beside_an_institution_keeps_its_weight() -> None:
    screener = Screener()
    context = ScreenContext(language_hint="en")
    aimed = screener.screen("You idiot, the council did nothing.", context)
    assert aimed.action is Action.REJECT
    group = screener.screen("The government should deport the refugees, they are a disease.", context)
    assert group.action is Action.REJECT and group.category is Category.ABUSE


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ('Someone wrote "Syrians are all thieves" under the story, this racism must stop.', "en"),
        ('واحد كتب "السوريين كلهم حرامية" تحت الخبر، هذا كلام عنصري', "ar"),
        ("یکی نوشته بود «افغانی‌ها همه دزدن»، این نژادپرستیه", "fa"),
        ('Biri habere "Suriyeliler hepsi hırsız" yazmış, bu ırkçılık', "tr"),
        ("یەکێک نووسیبووی «پەنابەرەکان هەموویان دزن»، ئەمە ڕەگەزپەرستییە", "ckb"),
        ('Yekî nivîsiye "Penaber hemû diz in", ev nijadperestî ye', "kmr"),
    ],
)
def test_a_generalisation_quoted_to_condemn_it_goes_to_a_human_in_every_language(text: str, language: str) -> None:
    verdict = Screener().screen(text, ScreenContext(language_hint=language))
    assert verdict.action is Action.REVIEW and verdict.category is Category.ABUSE
