"""Hard negatives from the guidelines: none of these may be rejected automatically.

Strong disagreement with a reader or the author, criticism of governments and officials, news
vocabulary of war, violence, crime and health, slurs quoted to condemn them, names of peoples, faiths
and places, and words that contain a bad word inside, in the six languages served.
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
        "The police beat protesters in Tahrir Square and the interior ministry lied about it.",
        "Parliament is a circus of thieves who loot oil money while hospitals have no medicine.",
        "The court's ruling is a disgrace and the judges should be ashamed.",
        "This newspaper is a mouthpiece of the ruling party.",
        "The clerics who back the militias share the blame for the killings.",
        "البرلمان سيرك من اللصوص ينهبون أموال النفط والمستشفيات بلا دواء",
        "الشرطة ضربت المتظاهرين ووزارة الداخلية كذبت",
        "Meclis, petrol parasını yağmalayan hırsızlarla dolu; hastanelerde ilaç yok.",
        "Polis göstericileri dövdü ve içişleri bakanlığı yalan söyledi.",
        "مجلس پر از دزدهایی است که پول نفت را غارت می\u200cکنند",
        "پلیس معترضان را کتک زد و وزارت کشور دروغ گفت",
        "پەرلەمان پڕە لە دز کە پارەی نەوت تاڵان دەکەن",
        "پۆلیس خۆپیشاندەرانی لێدا و وەزارەتی ناوخۆ درۆی کرد",
        "Parlamento tijî diz e ku pereyê petrolê talan dikin.",
        "Polîsan xwepêşanderan lêxistin û wezareta navxwe derew kir.",
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
        "Survivors of the Halabja chemical attack still suffer from burns and cancer.",
        "The Anfal campaign killed tens of thousands of Kurdish civilians in 1988.",
        "A suicide bomber blew himself up at a checkpoint, killing five soldiers.",
        "The court sentenced the rapist to twenty years; women's groups welcomed the verdict.",
        "The witness said the gunmen shouted that they would kill every prisoner.",
        "قال الشاهد إن المسلحين هتفوا بأن الأسرى يجب قتلهم",
        "Mahkeme, sanığın hepsini öldürün diye bağırdığını kaydetti.",
        "Yazidi women enslaved by ISIS described rape and torture to the investigators.",
        "قصفت الطائرات المسيرة مواقع المسلحين وقتل ثلاثة منهم",
        "حكمت المحكمة على المغتصب بالسجن عشرين عاما",
        "Halepçe katliamında binlerce sivil kimyasal silahla öldürüldü.",
        "Tecavüz davasında sanık yirmi yıl hapis cezasına çarptırıldı.",
        "بمب\u200cگذاری انتحاری در ایست بازرسی پنج سرباز را کشت",
        "دادگاه متجاوز را به بیست سال زندان محکوم کرد",
        "کیمیابارانی هەڵەبجە هەزاران کەسی کوشت",
        "لە شاڵاوی ئەنفالدا هەزاران کەس کوژران",
        "Di komkujiya Helebceyê de bi hezaran sivîl hatin kuştin.",
    ],
    "quoted slurs condemned": [
        'Calling refugees "cockroaches" is dehumanising and the MP must apologise.',
        'He called me a "faggot" in the street and nobody helped.',
        "The coach called the player a \"monkey\"; the league banned him for racism.",
        "Calling Kurds \"mountain Turks\" was state policy for decades, and it was wrong.",
        "وصف اللاجئين بأنهم \"حشرات\" عنصرية يجب أن يحاسب عليها النائب",
        "Mültecilere \"haşere\" demek ırkçılıktır ve milletvekili özür dilemeli.",
        "اینکه به افغان\u200cها بگویند \"کثیف\" نژادپرستی است",
    ],
    "peoples, faiths and places": [
        "Kurds, Arabs, Turkmen and Yazidis live side by side in Kirkuk.",
        "The Shia and Sunni endowments will rebuild the mosque together.",
        "Jews and Christians once lived in this neighbourhood of Baghdad.",
        "المسيحيون والإيزيديون عادوا إلى سنجار",
        "Kürtler ve Türkler bu şehirde birlikte yaşıyor.",
        "هیچ کس از مردم کرد و عرب چیزی نپرسید",
        "Turkmen, Assyrians and Shabak families returned to the Nineveh Plains.",
        "Afghan refugees in Iran face new deportation orders.",
        "Gay rights activists were arrested in Istanbul during the march.",
        "Women in Sulaymaniyah protested against honour killings.",
        "اللاجئون السوريون في تركيا يواجهون حملة ترحيل جديدة",
        "Suriyeli mülteciler yeni sınır dışı etme kararlarıyla karşı karşıya.",
        "پناهجویان افغان در ایران با دستور اخراج روبرو هستند",
        "ئێزدییەکان و مەسیحییەکان گەڕانەوە بۆ شەنگال",
        "Êzîdî û Xiristiyan vegeriyan Şengalê.",
    ],
    "bad words inside good ones": [
        "Scunthorpe and Middlesex played a cocktail of classic matches.",
        "The therapist assessed the class; analysis follows.",
        "Shiitake mushrooms are sold at the Sussex market.",
        "Bu durum çok sıkıntılı, destek lazım.",
        "Wî kar kir û got ku ew ê were.",
        "شكرا يا فخر العرب ويا عم الناس",  # Arabic فخر (pride) holds the Persian insult خر
        "شوق عظيم يا رمضان، لا بلاغ اللاشيء",  # Arabic اللاشيء (nothingness) holds Persian لاشی
        "The assassination of the mayor shocked Dohuk.",
        "The cockpit recorder was found near the runway at Sulaymaniyah airport.",
        "We read Dickens at school in Essex and Sussex.",
        "She graduated summa cum laude from the University of Baghdad.",
        "The scandal exposed a chink in the government's armour.",
        "The budget was niggardly for the schools of Mosul.",
        "We ate at a small beanery near the bazaar.",
        "The analyst said the grapes harvest in Halabja was the best in years.",
        "كسب المزارعون أرباحا جيدة هذا العام بعد كسر الجفاف",
        "الزبيب والتمر من أهم صادرات المحافظة",
        "Amcam dün pazardan sikke aldı ve eve götürdü.",
        "Bu sıkıntılı dönemde ekonomi sıkı önlemler gerektiriyor.",
        "کسب و کار کوچک در شهر با مشکل روبرو است و کسی کمک نمی\u200cکند",
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
    "strong disagreement": [
        "I agree with you. Stupid decisions like this cost us all.",  # "you" is in the sentence before
        "Did you see how stupid the new bus plan is?",  # "you" sees; the plan is stupid
        "انت محق، قرار الحكومة غبي جدا",  # you are right, the government's decision is stupid
        "Sen haklısın, bu karar çok aptal bir karar.",  # the same in Turkish
        "Sen de gördün mü bu aptal planı?",  # did you see this stupid plan too
        "I completely disagree with the author; this analysis ignores the facts on the ground in Basra.",
        "You are wrong about the dam, and your numbers are from 2015. Read the new report before you comment.",
        "This is the worst article I have read in this paper, one-sided and lazy.",
        "Nonsense. The budget was never passed and everyone in Erbil knows it.",
        "What a ridiculous argument. Electricity cuts are not the farmers' fault.",
        "أختلف تماما مع الكاتب، هذا التحليل يتجاهل الحقائق على الأرض",
        "كلامك غير صحيح والأرقام قديمة، اقرأ التقرير الجديد قبل أن تعلق",
        "هذا أسوأ مقال قرأته في هذه الجريدة، منحاز وسطحي",
        "Yazara kesinlikle katılmıyorum, bu analiz sahadaki gerçekleri görmezden geliyor.",
        "Yanılıyorsunuz, rakamlar 2015'ten kalma. Yorum yapmadan önce yeni raporu okuyun.",
        "Bu gazetede okuduğum en kötü yazı, tek taraflı ve özensiz.",
        "با نویسنده کاملا مخالفم، این تحلیل واقعیت\u200cهای میدانی را نادیده می\u200cگیرد",
        "شما اشتباه می\u200cکنید و آمارتان قدیمی است، قبل از نظر دادن گزارش جدید را بخوانید",
        "ئەم شیکارییە هەڵەیە و نووسەر ڕاستییەکان پشتگوێ دەخات",
        "تۆ هەڵەیت، ژمارەکان کۆنن، پێش ئەوەی کۆمێنت بنووسیت ڕاپۆرتە نوێیەکە بخوێنەوە",
        "Ez bi nivîskar re qet ne razî me, ev analîz rastiyan paşguh dike.",
        "Tu şaş î, hejmar kevn in. Berî ku şîrove binivîsî rapora nû bixwîne.",
    ],
    "health, crime and the law": [
        "Breast cancer screening is now free at the hospital in Duhok.",
        "The new law on sexual harassment at work passed its second reading.",
        "Doctors warn that HIV testing in prisons is too rare.",
        "قانون التحرش الجنسي في العمل تم إقراره في القراءة الثانية",
        "Meme kanseri taraması artık ücretsiz.",
        "قانون آزار جنسی در محل کار تصویب شد",
        "نەخۆشی پێست لە منداڵاندا زیادی کردووە",
        "ئەگەر نەزانیت، لە پزیشکەکەت بپرسە",
        "بۆ هەر کەرت بودجەیەکی تایبەت دانراوە",
        "منداڵەکان سەردانی باخچەی حەیوانات کرد",
    ],
    "Kurmanji nouns of a quality and verbs that begin like an insult": [
        # dizî theft, xayînî treason, sîxurî espionage, nezanî ignorance, pîsî filth, fêlbazî fraud; dizanî "you know"
        "Dizî li bajêr zêde bûye, polîs dibêje.",
        "Ev peyman xayînî ye li dijî gel.",
        "Bi tawana sîxuriyê hat girtin.",
        "Ev biryar ji nezanî hatiye dayîn.",
        "Pîsî li kolanan zêde bûye.",
        "Fêlbazî di îhaleyan de belav bûye.",
        "Tu dizanî kengê pira nû vedibe?",
        "Tu û ez jî dizanin ku ev proje sê sal in rawestiyaye.",
    ],
    "plain words that insult only when aimed (2026-12-03 lists)": [
        "Sapık tutuklandı, mahalle rahat bir nefes aldı.",  # the news names a pervert
        "Ata'mızı saygıyla anıyoruz.",  # Atatürk, the forefather: Arabizi a7a folds to ata
        "Çok uyuz oldum, otobüs yine gecikti.",  # "I got annoyed"
        "Annem yalancı dolma yaptı, çok güzel olmuş.",  # mock stuffed leaves
        "Bir yalana kanmak seni aptal yapmaz.",  # a proverb: "you" aims at no one
        "Kancık köpek yavruladı, barınak sahiplendirme yapacak.",  # a female dog
        "المشروع فاشل من البداية والجزمة في السوق غالية",  # a failed plan, a shoe
        "يا ثورة الشعب، لن ننساك",  # a revolution, not ثور (a bull)
        "أعوذ بالله من إبليس الملعون",  # the devil, damned in a prayer
        "نیروهای مزدور از مرز عقب نشستند",  # mercenary forces in the news
        "Cahil û kal hatin civînê.",  # Kurmanji "young", not Turkish "ignorant"
    ],
    "a vocative that calls on someone else": [
        "يا رب احفظ بلدنا من كل فاسد وكذاب",  # "O Lord ... every liar": the vocative is not aimed at the liar
    ],
    "you asked about a stupid thing or official, in Kurdish and Persian": [
        "تو واقعا این وزیر احمق را قبول داری؟",  # do you really accept this stupid minister
        "شما واقعا از این نماینده بیشعور دفاع می‌کنید؟",  # do you really defend this rude MP
        "Te dît ev plana bêaqil çiqas xirab e?",  # did you see how bad this stupid plan is
        "Tu dizanî ev biryara bêaqil dê çi bike?",  # do you know what this stupid decision will do
        "Te ev qanûna ehmeq xwend?",  # did you read this foolish law
        "تۆ ئەم بڕیارە گەمژانەیەت خوێندەوە؟",  # did you read this stupid decision
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
