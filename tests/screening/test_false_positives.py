"""Hard negatives from the guidelines: none of these may be rejected automatically.

Criticism of governments and officials, news vocabulary of war and violence, slurs quoted to
condemn them, names of peoples, faiths and places, and words that contain a bad word inside.
"""

from __future__ import annotations

import pytest

from majlis.domain import Action
from majlis.screening import ScreenContext, Screener

SUITE = {
    "criticism": [
        "The minister is corrupt and this government has failed the people of Mosul.",
        "This policy is stupid and will hurt farmers; the parliament should vote it down.",
        "The governor lied about the budget and should resign.",
        "الحكومة فاشلة والوزير يجب أن يستقيل بسبب الفساد",
        "Hükümetin ekonomi politikası tamamen başarısız oldu, bakan istifa etmeli.",
        "دولت در مدیریت بحران آب کاملا شکست خورده است",
        "حکومەت لە دابینکردنی ئاو شکستی هێناوە و وەزیر دەبێت دەست لەکار بکێشێتەوە",
        "Hikûmet di mijara avê de têk çû, divê wezîr îstifa bike.",
    ],
    "war and violence in the news": [
        "Militants attacked the village and killed twelve people, the army said.",
        "The bombing killed dozens and the militia vowed revenge, according to officials.",
        "ISIS executed prisoners in 2014; survivors testified at the trial this week.",
        "قتل عشرة أشخاص في انفجار سيارة مفخخة في بغداد",
        "Saldırıda üç asker hayatını kaybetti, iki kişi yaralandı.",
        "در حمله پهپادی دو نفر کشته شدند",
        "لە هێرشەکەدا سێ کەس کوژران",
        "Di êrîşê de sê kes hatin kuştin.",
        "The killer should be hanged, said the victim's father outside the court.",
        "Pests such as cockroaches and rats spread through the camp after the flood.",
    ],
    "quoted slurs condemned": [
        'Calling refugees "cockroaches" is dehumanising and the MP must apologise.',
        'He called me a "faggot" in the street and nobody helped.',
    ],
    "peoples, faiths and places": [
        "Kurds, Arabs, Turkmen and Yazidis live side by side in Kirkuk.",
        "The Shia and Sunni endowments will rebuild the mosque together.",
        "Jews and Christians once lived in this neighbourhood of Baghdad.",
        "المسيحيون والإيزيديون عادوا إلى سنجار",
        "Kürtler ve Türkler bu şehirde birlikte yaşıyor.",
        "هیچ کس از مردم کرد و عرب چیزی نپرسید",
    ],
    "bad words inside good ones": [
        "Scunthorpe and Middlesex played a cocktail of classic matches.",
        "The therapist assessed the class; analysis follows.",
        "Shiitake mushrooms are sold at the Sussex market.",
        "Bu durum çok sıkıntılı, destek lazım.",
        "Wî kar kir û got ku ew ê were.",
        "شكرا يا فخر العرب ويا عم الناس",  # Arabic فخر (pride) holds the Persian insult خر
        "شوق عظيم يا رمضان، لا بلاغ اللاشيء",  # Arabic اللاشيء (nothingness) holds Persian لاشی
    ],
    "names": [
        "سقطت يا عبد العظيم، يا سيد شهداء الثورة",  # Abdel Azim: a name, not the slur يا عبد
        "يا مِلحك يا عبد الحليم",
    ],
    "subscribers, channels and shops in the news": [
        # The spam model learnt from YouTube comments, where "subscribers" is begging for them: a
        # word list that let it speak on that word alone rejected these (tried, not adopted).
        "The newspaper lost half its subscribers after the paywall went up.",
        "Netflix added 5 million subscribers last quarter, the company said.",
        "Subscribers to the water scheme in Erbil still pay twice.",
        "Check out the new bridge before it opens; the view of the river is worth it.",
        "The TV channel reported the fire an hour before the ministry did.",
        "Shops in the old market sell cheap phones and nobody checks where they come from.",
    ],
    "a vocative that calls on someone else": [
        "يا رب احفظ بلدنا من كل فاسد وكذاب",  # "O Lord ... every liar": the vocative is not aimed at the liar
    ],
}
CASES = [(group, text) for group, texts in SUITE.items() for text in texts]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener()


@pytest.mark.parametrize(("group", "text"), CASES, ids=[f"{g}:{i}" for i, (g, _) in enumerate(CASES)])
def test_hard_negatives_are_never_rejected_automatically(screener: Screener, group: str, text: str) -> None:
    verdict = screener.screen(text, ScreenContext())
    assert verdict.action is not Action.REJECT, (group, text, verdict.to_dict())
