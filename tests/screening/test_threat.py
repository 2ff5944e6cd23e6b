"""The threat stage: threats recognised by their construction in six languages, reported threats left
to a human, and clean news about violence left alone. The sentences are the project's own, not the
news set's."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from majlis.domain import Action, Category
from majlis.screening import ScreenContext, Screener
from majlis.screening.findings import QUOTED, Findings
from majlis.screening.pipeline import default_stages
from majlis.screening.reading import Reading
from majlis.screening.threat import LANGUAGES, ThreatStage, constructions, fold_pattern, read_constructions

screener = Screener()
stage = ThreatStage()

# First person, future or conditional, imperative to a crowd, a wish of death: rejected.
PLAIN = [
    ("en", "I will kill the referee if he shows his face in Erbil again."),
    ("en", "We're going to burn his shop to the ground."),
    ("en", "If the council closes the market, we will smash their cars."),
    ("en", "Next time he comes here we'll shoot him."),
    ("en", "If they open that bar here we will blow it up."),
    ("tr", "Bir daha buraya gelirse onu öldüreceğim."),
    ("tr", "Belediye başkanının arabasını yakacağız."),
    ("tr", "Maçı kaybederlerse hakemin kafasını kıracağız."),
    ("tr", "Kanını akıtacağız, bunu unutmasın."),
    ("tr", "O müteahhidi bulan dövsün, hak ediyor"),
    ("fa", "اگه دوباره بیاد محله‌مون می‌کشیمش."),
    ("fa", "ماشین شهردار رو آتیش می‌زنیم."),
    ("fa", "خونشو می‌ریزیم اگه دوباره بیاد."),
    ("fa", "انشالله ماشینش چپ کنه و بمیره"),
    ("ar", "والله سنقتل كل من يقترب من بيوتنا"),
    ("ar", "راح نحرق بيت المحافظ إذا ما رجعوا الكهرباء"),
    ("ar", "إذا رجع للملعب راح نكسر راسه"),
    ("ar", "بدنا نقتل كل واحد منهم"),
    ("ckb", "ئەگەر بگەڕێتەوە گوندەکەمان دەیکوژین"),
    ("ckb", "دەستی دەشکێنین ئەگەر دووبارە بێتەوە"),
    ("ckb", "ئەگەر بێتەوە تەقەی لێ دەکەین"),
    ("ckb", "بڕۆن ماڵی قایمقام بسووتێنن"),
    ("kmr", "Heke ew dîsa were, em ê wî bikujin"),
    ("kmr", "Em ê mala wî bişewitînin"),
    ("kmr", "Ez ê lingên wî bişkênim"),
    ("kmr", "Xwedê bike ew di rê de bimre"),
    ("en", "Next time I see that landlord I'm breaking his nose."),
    ("ar", "اقسم بالله لو شفته لأكسر راسه"),
    ("fa", "بخدا اگه ببینمش سرشو می‌برم"),
    ("tr", "Bunları asmak lazım, hepsini"),
    ("kmr", "Ez sond dixwim ku ez ê wî bikujim"),
    ("ar", "يا شباب اطلعوا عليهم بالسلاح"),
    ("fa", "جوابشو با گلوله می‌دیم"),
    ("ckb", "بە گوللە وەڵامیان دەدەینەوە"),
    ("en", "String him up at the stadium gate."),
    ("fa", "امیدوارم یکی بکشدش"),
    ("tr", "İnşallah biri onu vurur"),
]

# Implied harm: damage found, never safe again, where someone lives, a visit, a lesson: at least reviewed.
IMPLIED = [
    ("en", "The judge will find his car burned one of these mornings."),
    ("en", "Someone should pay the mayor a visit at home."),
    ("en", "We all know which street the reporter lives on."),
    ("en", "Someone needs to teach that referee a lesson he won't forget."),
    ("en", "I'm telling you, the judge won't make it home one of these nights."),
    ("tr", "Gazetecinin hangi mahallede oturduğunu biliyoruz."),
    ("tr", "Bu hakem bir daha rahat uyuyamayacak."),
    ("tr", "Birileri o müdürü bu gece ziyaret etmeli."),
    ("fa", "می‌دونیم خونه‌ش کجاست، بهتره حواسش باشه."),
    ("fa", "این قاضی دیگه خواب راحت نمی‌بینه."),
    ("fa", "یکی باید بره حالشو بگیره."),
    ("ar", "نعرف وين يسكن القاضي، خليه ينتبه لنفسه"),
    ("ar", "المدير ما راح يرتاح بعد اليوم"),
    ("ar", "الحكم هذا اذا جا للبصرة مرة ثانية ما راح يطلع منها سالم"),
    ("ckb", "دەزانین ماڵەکەی لە کوێیە"),
    ("ckb", "ئەو دادوەرە چیتر بە ئارامی ناخەوێت"),
    ("ckb", "پێویستە کەسێک ئەمشەو سەردانی ئەو دادوەرە بکات"),
    ("kmr", "Em dizanin mala wî li kîjan gundî ye"),
    ("kmr", "Ew dadger êdî bi rehetî ranaze"),
    ("kmr", "Divê yek îşev serdana wî bike"),
    ("en", "Keep talking like that and you'll end up in a ditch."),
    ("ar", "اذا ما يستقيل المحافظ راح نسويله مثل ما سوينا بالي قبله"),
    ("fa", "یه کاری می‌کنم که دیگه نتونه راه بره"),
    ("tr", "Yakında başına gelecekleri görecek"),
    ("ckb", "دەبێت ئەو وەزیرە لە شەقامدا لێی بدرێت"),
    ("en", "He won't be smiling when we're done with him."),
    ("en", "It will be the last thing he ever does."),
]

# A threat told as news, or quoted by a witness: for a human, neither rejected nor approved.
REPORTED = [
    ("en", "Police said the gunmen threatened to kill anyone who returned to the village."),
    ("en", "A man was arrested after he threatened to stab a shop owner."),
    ("tr", "Polis, saldırganların köylüleri öldürmekle tehdit ettiğini açıkladı."),
    ("tr", "Tanık, sanığın \"hepinizi öldüreceğim\" diye bağırdığını söyledi."),
    ("fa", "پلیس گفت مهاجمان ساکنان روستا را تهدید به قتل کرده بودند."),
    ("ar", "قالت الشرطة إن المسلحين هددوا بحرق القرية"),
    ("ckb", "پۆلیس ڕایگەیاند کە چەکدارەکان هەڕەشەی کوشتنی خەڵکیان کردووە"),
    ("kmr", "Polîsan ragihand ku çekdaran gef xwarin ku ew ê gund bişewitînin"),
]

# News of violence, sport, idioms that share a harm verb: no threat.
CLEAN = [
    ("en", "Three people were killed in the attack on the checkpoint last night."),
    ("en", "Firefighters say the fire that burned the market was an accident."),
    ("en", "We will beat them on Sunday, our defence is finally solid."),
    ("en", "We are going to destroy them at the polls in May."),
    ("en", "Drought is going to kill the harvest again this year."),
    ("en", "Everyone knows where the new clinic is, it is next to the school."),
    ("en", "Let's wait and see what happens with the new bridge."),
    ("en", "Hopefully the new bridge opens before winter."),
    ("tr", "Saldırıda üç kişi hayatını kaybetti, yaralılar hastaneye kaldırıldı."),
    ("tr", "Derbide rakibi ezeceğiz, bu sezon şampiyonuz."),
    ("tr", "Bu krizi hep birlikte aşacağız."),
    ("tr", "Cuma akşamı mum yakacağız ve kurbanları anacağız."),
    ("tr", "Bu sene rekor kıracağız, takım çok iyi."),
    ("tr", "Umarım her şey yolunda olur, geçmiş olsun."),
    ("fa", "در این حمله سه نفر کشته شدند و پنج نفر زخمی."),
    ("fa", "خیلی زحمت می‌کشیم تا نون دربیاریم."),
    ("fa", "خجالت بکشید، مسئولین!"),
    ("fa", "سیگار می‌کشم ولی این قیمت‌ها دیوانه‌کننده است."),
    ("ar", "قتل ثلاثة أشخاص في الهجوم على السوق أمس"),
    ("ar", "سنكسر الرقم القياسي هذا الموسم إن شاء الله"),
    ("ar", "سنضرب عن العمل يوم الأحد إذا لم تصرف الرواتب"),
    ("ar", "نعرف وين المشكلة، الشبكة قديمة"),
    ("ckb", "سێ کەس لە تەقینەوەکەدا کوژران"),
    ("ckb", "دەزانین کێشەکە لە کوێیە، تۆڕەکە کۆنە"),
    ("kmr", "Di êrîşê de sê kes hatin kuştin"),
    ("kmr", "Di şerê salên berê de gelek gund hatin şewitandin"),
]


def _stage_score(text: str, language: str) -> float:
    scores, _ = stage.run(text, ScreenContext(language_hint=language))
    return scores.get(Category.THREAT, 0.0)


@pytest.mark.parametrize(("language", "text"), PLAIN)
def test_a_plain_threat_is_rejected(language: str, text: str) -> None:
    assert _stage_score(text, language) >= 0.85
    verdict = screener.screen(text, ScreenContext(language_hint=language))
    assert verdict.action is Action.REJECT and verdict.scores[Category.THREAT] >= 0.85


@pytest.mark.parametrize(("language", "text"), IMPLIED)
def test_an_implied_threat_is_at_least_reviewed(language: str, text: str) -> None:
    assert _stage_score(text, language) >= 0.5
    assert screener.screen(text, ScreenContext(language_hint=language)).action is not Action.APPROVE


@pytest.mark.parametrize(("language", "text"), REPORTED)
def test_a_reported_threat_goes_to_a_human(language: str, text: str) -> None:
    _, evidence = stage.run(text, ScreenContext(language_hint=language))
    assert evidence and all(QUOTED in e.marks and e.score <= 0.7 for e in evidence)
    verdict = screener.screen(text, ScreenContext(language_hint=language))
    assert verdict.action is Action.REVIEW
    assert 0.5 <= verdict.scores[Category.THREAT] <= 0.7


@pytest.mark.parametrize(("language", "text"), CLEAN)
def test_clean_news_of_violence_holds_no_threat(language: str, text: str) -> None:
    _, evidence = stage.run(text, ScreenContext(language_hint=language))
    assert evidence == []
    # The stage finds nothing; the model may still hold one for a human ("we know where the
    # problem is" leans toward threat in Sorani), never reject it.
    assert screener.screen(text, ScreenContext(language_hint=language)).action is not Action.REJECT


def test_the_evidence_points_into_the_original_text() -> None:
    text = "Honestly,  WE'RE going to burn his shop to the ground."
    _, [item] = stage.run(text, ScreenContext(language_hint="en"))
    assert text[item.start : item.end] == "WE'RE going to burn his shop"
    assert item.source == "threat:en:majlis" and item.detail == "direct: harm-future"


def test_a_word_split_by_an_invisible_character_still_threatens() -> None:
    assert _stage_score("We will k\u2800ill him", "en") >= 0.9
    assert _stage_score("Onu öl\u200bdüreceğim", "tr") >= 0.9


def test_an_arabic_comment_placed_in_persian_is_read_in_the_sites_language_too() -> None:
    """Short Arabic is often detected as Persian: the site's language is read as well."""
    assert _stage_score("اذا شفته بالسوق اقتله", "ar") >= 0.85


def test_every_language_has_constructions_of_each_main_kind() -> None:
    for language in LANGUAGES:
        kinds = {c.kind for c in constructions(language)}
        assert {"direct", "incitement", "wish", "implied", "reported"} <= kinds, language
        assert all(0.5 <= c.score <= 0.95 and c.source for c in constructions(language))
    assert constructions("xx") == ()


def test_patterns_are_folded_like_the_text() -> None:
    assert fold_pattern("می‌کشیم") == "ميکشيم"
    assert fold_pattern(r"öldür\w+") == r"oldur\w+"
    assert fold_pattern("ÖLÜR", light=True) == "ölür"


def test_macros_expand_in_order_and_bad_rows_are_refused() -> None:
    lines = ["# a comment", "@verb\t(?:kill|hurt)", "@me\t(?:i|we)\\s+will", "x\tdirect\t0.9\tfull\t{me}\\s+{verb}\tmajlis"]
    [construction] = read_constructions("en", lines)
    assert construction.pattern.pattern == r"(?<!\w)(?:i|we)\s+will\s+(?:kill|hurt)"
    with pytest.raises(ValueError):
        read_constructions("en", ["x\tthreatish\t0.9\tfull\tkill\tmajlis"])


def test_the_stage_runs_before_the_model() -> None:
    kinds = [type(s).__name__ for s in default_stages()]
    assert kinds.index("ThreatStage") < kinds.index("ClassifierStage")


class _SureModel:
    """A model stage sure of abuse, as the model is of many news comments about violence."""

    name = "classifier"
    reads: tuple[str, ...] = ()
    adds: tuple[str, ...] = ()

    def gather(self, reading: Reading, context: ScreenContext, earlier: Mapping[Category, float]) -> Findings:
        return Findings(scores={Category.ABUSE: 0.95, Category.THREAT: 0.5}, top=Category.ABUSE,
                        shares={Category.THREAT: 0.5})


def test_a_reported_threat_caps_the_model_for_a_human() -> None:
    sure = Screener([ThreatStage(), _SureModel()])
    reported = sure.screen("Police said the gunmen threatened to kill anyone who returned.",
                           ScreenContext(language_hint="en"))
    assert reported.action is Action.REVIEW and reported.scores[Category.ABUSE] == 0.7
    assert [r.name for r in reported.rulings if r.subject == "model"] == ["reported-threat"]
    plain = sure.screen("We will kill anyone who returns.", ScreenContext(language_hint="en"))
    assert plain.action is Action.REJECT and not [r for r in plain.rulings if r.name == "reported-threat"]


def test_the_gate_never_hides_a_construction_that_matches() -> None:
    """Only constructions whose letter runs the comment holds are tried: the gate must pass every
    construction that would match, in every sentence here."""
    from majlis.screening.normalise import normalise
    from majlis.screening.threat import candidates

    for _, text in PLAIN + IMPLIED + REPORTED + CLEAN:
        for view in (normalise(text), normalise(text, light=True)):
            opened = candidates(normalise(text).text)
            for language in LANGUAGES:
                for construction in constructions(language):
                    if construction.pattern.search(view.text) and construction.light == (view is not normalise(text)):
                        assert construction in opened, (construction.name, text)
