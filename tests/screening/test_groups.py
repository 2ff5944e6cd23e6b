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
