"""Interface strings of the widget and the reader-facing pages in the six languages.

One source: the widget fetches them as JSON (`/api/v1/i18n/{lang}`), server pages use them directly.
Plural forms are chosen in the browser with `Intl.PluralRules` (CLDR data), never by hand-written
rules; each language gives the forms its CLDR categories need (`zero one two few many other`).
"""

from __future__ import annotations

from typing import Any

from majlis.languages import CODES, direction

LANGUAGES = CODES  # the registry's, in its order

STRINGS: dict[str, dict[str, Any]] = {
    "en": {
        "comments": {"one": "{n} comment", "other": "{n} comments"},
        "no_comments": "No comments yet. Be the first to write one.",
        "name": "Name", "email": "Email", "comment": "Comment",
        "email_note": "Never published.",
        "submit": "Post comment", "sending": "Posting…", "reply": "Reply", "cancel_reply": "Cancel reply",
        "replying_to": "Replying to {name}", "load_more": "Load more comments",
        "oldest": "Oldest first", "newest": "Newest first", "sort": "Sort",
        "bigger": "Larger text", "smaller": "Smaller text",
        "counter": "{n} / {max}",
        "required": "This field is required.", "too_long": "At most {max} characters.",
        "too_short": "At least {min} characters.", "bad_email": "Enter a valid email address.",
        "published": "Thank you! Your comment is published.",
        "pending": "Thank you! Your comment will appear once a moderator has read it.",
        "rejected": "Your comment was not published: it breaks our guideline on {category}.",
        "rejected_plain": "Your comment was not published: it breaks our community guidelines.",
        "guidelines": "Read the community guidelines", "error": "Something went wrong. Please try again.",
        "network": "Could not reach the comment server. Please try again.",
        "title": "Comments", "guidelines_title": "Community guidelines",
        "guidelines_intro": "Every comment is read against these rules before it is published. Criticism of governments, officials and ideas is welcome; attacks on people are not.",
        "categories": {
            "profanity": "swearing and obscene words", "vulgarity": "sexually explicit or crude content",
            "threat": "threats and incitement to violence", "personal_attack": "personal attacks and insults",
            "abuse": "attacks on identity (gender, race, religion, ethnicity, origin, sexuality)",
            "promotion": "advertising and self-promotion", "spam": "repeated posts and spam",
            "off_topic": "staying on the topic of the article",
        },
    },
    "ar": {
        "comments": {"zero": "لا تعليقات", "one": "تعليق واحد", "two": "تعليقان", "few": "{n} تعليقات", "many": "{n} تعليقًا", "other": "{n} تعليق"},
        "no_comments": "لا توجد تعليقات بعد. كن أول من يعلّق.",
        "name": "الاسم", "email": "البريد الإلكتروني", "comment": "التعليق",
        "email_note": "لن يُنشر أبدًا.",
        "submit": "انشر التعليق", "sending": "جارٍ النشر…", "reply": "رد", "cancel_reply": "إلغاء الرد",
        "replying_to": "ردًا على {name}", "load_more": "عرض مزيد من التعليقات",
        "oldest": "الأقدم أولًا", "newest": "الأحدث أولًا", "sort": "الترتيب",
        "bigger": "تكبير النص", "smaller": "تصغير النص",
        "counter": "{n} / {max}",
        "required": "هذا الحقل مطلوب.", "too_long": "الحد الأقصى {max} حرف.",
        "too_short": "الحد الأدنى {min} حرف.", "bad_email": "أدخل بريدًا إلكترونيًا صحيحًا.",
        "published": "شكرًا لك! نُشر تعليقك.",
        "pending": "شكرًا لك! سيظهر تعليقك بعد أن يراجعه أحد المشرفين.",
        "rejected": "لم يُنشر تعليقك لأنه يخالف قاعدتنا بشأن {category}.",
        "rejected_plain": "لم يُنشر تعليقك لأنه يخالف إرشادات المجتمع.",
        "guidelines": "اقرأ إرشادات المجتمع", "error": "حدث خطأ ما. حاول مرة أخرى.",
        "network": "تعذّر الاتصال بخادم التعليقات. حاول مرة أخرى.",
        "title": "التعليقات", "guidelines_title": "إرشادات المجتمع",
        "guidelines_intro": "يُقرأ كل تعليق وفق هذه القواعد قبل نشره. انتقاد الحكومات والمسؤولين والأفكار مرحّب به، أما الهجوم على الأشخاص فلا.",
        "categories": {
            "profanity": "الشتائم والألفاظ البذيئة", "vulgarity": "المحتوى الجنسي أو الفاحش",
            "threat": "التهديد والتحريض على العنف", "personal_attack": "الإساءة الشخصية والإهانات",
            "abuse": "الإساءة بسبب الهوية (الجنس، العرق، الدين، الأصل، الميول)",
            "promotion": "الإعلانات والترويج الذاتي", "spam": "التكرار والرسائل المزعجة",
            "off_topic": "الالتزام بموضوع المقال",
        },
    },
    "ckb": {
        # CLDR has no Sorani relative-time patterns (Intl and Babel fall back to English); the unit
        # phrases are ours, the plural form is chosen by CLDR's rules through Intl.PluralRules.
        "relative": {
            "now": "ئێستا",
            "second": {"one": "{n} چرکە لەمەوبەر", "other": "{n} چرکە لەمەوبەر"},
            "minute": {"one": "{n} خولەک لەمەوبەر", "other": "{n} خولەک لەمەوبەر"},
            "hour": {"one": "{n} کاتژمێر لەمەوبەر", "other": "{n} کاتژمێر لەمەوبەر"},
            "day": {"one": "{n} ڕۆژ لەمەوبەر", "other": "{n} ڕۆژ لەمەوبەر"},
            "week": {"one": "{n} هەفتە لەمەوبەر", "other": "{n} هەفتە لەمەوبەر"},
            "month": {"one": "{n} مانگ لەمەوبەر", "other": "{n} مانگ لەمەوبەر"},
            "year": {"one": "{n} ساڵ لەمەوبەر", "other": "{n} ساڵ لەمەوبەر"},
        },
        "comments": {"one": "{n} لێدوان", "other": "{n} لێدوان"},
        "no_comments": "هێشتا هیچ لێدوانێک نییە. یەکەم کەس بە بۆ نووسین.",
        "name": "ناو", "email": "ئیمەیڵ", "comment": "لێدوان",
        "email_note": "هەرگیز بڵاو ناکرێتەوە.",
        "submit": "بڵاوکردنەوەی لێدوان", "sending": "بڵاو دەکرێتەوە…", "reply": "وەڵام", "cancel_reply": "هەڵوەشاندنەوەی وەڵام",
        "replying_to": "وەڵام بۆ {name}", "load_more": "لێدوانی زیاتر",
        "oldest": "کۆنترین سەرەتا", "newest": "نوێترین سەرەتا", "sort": "ڕیزکردن",
        "bigger": "دەقی گەورەتر", "smaller": "دەقی بچووکتر",
        "counter": "{n} / {max}",
        "required": "ئەم خانەیە پێویستە.", "too_long": "زۆرترین {max} پیت.",
        "too_short": "کەمترین {min} پیت.", "bad_email": "ئیمەیڵێکی دروست بنووسە.",
        "published": "سوپاس! لێدوانەکەت بڵاوکرایەوە.",
        "pending": "سوپاس! لێدوانەکەت دوای پشکنینی سەرپەرشتیار دەردەکەوێت.",
        "rejected": "لێدوانەکەت بڵاو نەکرایەوە، چونکە یاسای ئێمە لەسەر {category} دەشکێنێت.",
        "rejected_plain": "لێدوانەکەت بڵاو نەکرایەوە، چونکە ڕێنماییەکانی کۆمەڵگە دەشکێنێت.",
        "guidelines": "ڕێنماییەکانی کۆمەڵگە بخوێنەوە", "error": "هەڵەیەک ڕوویدا. دووبارە هەوڵ بدەوە.",
        "network": "پەیوەندی بە ڕاژەکاری لێدوانەکان نەکرا. دووبارە هەوڵ بدەوە.",
        "title": "لێدوانەکان", "guidelines_title": "ڕێنماییەکانی کۆمەڵگە",
        "guidelines_intro": "هەموو لێدوانێک پێش بڵاوکردنەوە بەپێی ئەم یاسایانە دەخوێنرێتەوە. ڕەخنە لە حکومەت و بەرپرسان و بیروباوەڕەکان جێی ڕێزە؛ هێرش بۆ سەر کەسەکان نا.",
        "categories": {
            "profanity": "جنێو و وشەی نەشیاو", "vulgarity": "ناوەڕۆکی سێکسی یان ناشیرین",
            "threat": "هەڕەشە و هاندان بۆ توندوتیژی", "personal_attack": "هێرشی کەسی و سووکایەتی",
            "abuse": "سووکایەتی بەهۆی ناسنامە (ڕەگەز، نەتەوە، ئایین، بنەچە، ئارەزووی سێکسی)",
            "promotion": "ڕیکلام و بانگەشەی خۆیی", "spam": "دووبارەکردنەوە و سپام",
            "off_topic": "مانەوە لەسەر بابەتی وتارەکە",
        },
    },
    "kmr": {
        # As for Sorani: no CLDR relative-time data for Kurmanji; plural forms come from CLDR rules.
        "relative": {
            "now": "niha",
            "second": {"one": "berî {n} saniyeyê", "other": "berî {n} saniyeyan"},
            "minute": {"one": "berî {n} deqîqeyê", "other": "berî {n} deqîqeyan"},
            "hour": {"one": "berî {n} saetê", "other": "berî {n} saetan"},
            "day": {"one": "berî {n} rojê", "other": "berî {n} rojan"},
            "week": {"one": "berî {n} hefteyê", "other": "berî {n} hefteyan"},
            "month": {"one": "berî {n} mehê", "other": "berî {n} mehan"},
            "year": {"one": "berî {n} salê", "other": "berî {n} salan"},
        },
        "comments": {"one": "{n} şîrove", "other": "{n} şîrove"},
        "no_comments": "Hêj tu şîrove tune. Bibe yê yekem.",
        "name": "Nav", "email": "E-name", "comment": "Şîrove",
        "email_note": "Qet nayê weşandin.",
        "submit": "Şîroveyê biweşîne", "sending": "Tê weşandin…", "reply": "Bersiv", "cancel_reply": "Bersivê betal bike",
        "replying_to": "Bersiv ji {name} re", "load_more": "Şîroveyên din",
        "oldest": "Yên kevn pêşî", "newest": "Yên nû pêşî", "sort": "Rêzkirin",
        "bigger": "Nivîsa mezintir", "smaller": "Nivîsa biçûktir",
        "counter": "{n} / {max}",
        "required": "Ev qad pêwîst e.", "too_long": "Herî zêde {max} tîp.",
        "too_short": "Herî kêm {min} tîp.", "bad_email": "E-nameyeke rast binivîse.",
        "published": "Spas! Şîroveya te hat weşandin.",
        "pending": "Spas! Şîroveya te piştî ku moderatorek bixwîne dê xuya bibe.",
        "rejected": "Şîroveya te nehat weşandin: rêbaza me ya li ser {category} dişkîne.",
        "rejected_plain": "Şîroveya te nehat weşandin: rêbazên civakê dişkîne.",
        "guidelines": "Rêbazên civakê bixwîne", "error": "Tiştek xelet çû. Dîsa biceribîne.",
        "network": "Negihîşt servera şîroveyan. Dîsa biceribîne.",
        "title": "Şîrove", "guidelines_title": "Rêbazên civakê",
        "guidelines_intro": "Her şîrove berî weşandinê li gorî van rêbazan tê xwendin. Rexneya li hikûmet, berpirsiyar û ramanan bi xêr hatî ye; êrîşa li ser mirovan na.",
        "categories": {
            "profanity": "çêr û peyvên bêedeb", "vulgarity": "naveroka zayendî an jî pîs",
            "threat": "gef û teşwîqa tundiyê", "personal_attack": "êrîşên kesane û heqaret",
            "abuse": "êrîşa li ser nasnameyê (zayend, nijad, ol, eslê, meyla zayendî)",
            "promotion": "reklam û xwe-danasîn", "spam": "dubarekirin û spam",
            "off_topic": "mayîna li ser mijara nivîsê",
        },
    },
    "tr": {
        "comments": {"one": "{n} yorum", "other": "{n} yorum"},
        "no_comments": "Henüz yorum yok. İlk yorumu siz yazın.",
        "name": "Ad", "email": "E-posta", "comment": "Yorum",
        "email_note": "Asla yayımlanmaz.",
        "submit": "Yorumu gönder", "sending": "Gönderiliyor…", "reply": "Yanıtla", "cancel_reply": "Yanıtı iptal et",
        "replying_to": "{name} adlı kişiye yanıt", "load_more": "Daha fazla yorum",
        "oldest": "Önce en eski", "newest": "Önce en yeni", "sort": "Sırala",
        "bigger": "Daha büyük yazı", "smaller": "Daha küçük yazı",
        "counter": "{n} / {max}",
        "required": "Bu alan zorunludur.", "too_long": "En fazla {max} karakter.",
        "too_short": "En az {min} karakter.", "bad_email": "Geçerli bir e-posta adresi girin.",
        "published": "Teşekkürler! Yorumunuz yayımlandı.",
        "pending": "Teşekkürler! Yorumunuz bir moderatör okuduktan sonra görünecek.",
        "rejected": "Yorumunuz yayımlanmadı: {category} konusundaki kuralımızı ihlal ediyor.",
        "rejected_plain": "Yorumunuz yayımlanmadı: topluluk kurallarını ihlal ediyor.",
        "guidelines": "Topluluk kurallarını okuyun", "error": "Bir şeyler ters gitti. Lütfen tekrar deneyin.",
        "network": "Yorum sunucusuna ulaşılamadı. Lütfen tekrar deneyin.",
        "title": "Yorumlar", "guidelines_title": "Topluluk kuralları",
        "guidelines_intro": "Her yorum yayımlanmadan önce bu kurallara göre okunur. Hükümetlere, yetkililere ve fikirlere yönelik eleştiri serbesttir; kişilere saldırı değildir.",
        "categories": {
            "profanity": "küfür ve müstehcen sözler", "vulgarity": "cinsel veya kaba içerik",
            "threat": "tehdit ve şiddete kışkırtma", "personal_attack": "kişisel saldırı ve hakaret",
            "abuse": "kimliğe saldırı (cinsiyet, ırk, din, etnik köken, cinsel yönelim)",
            "promotion": "reklam ve kendini tanıtma", "spam": "tekrarlanan gönderiler ve spam",
            "off_topic": "haberin konusunda kalmak",
        },
    },
    "fa": {
        "comments": {"one": "{n} دیدگاه", "other": "{n} دیدگاه"},
        "no_comments": "هنوز دیدگاهی نیست. اولین نفر باشید.",
        "name": "نام", "email": "ایمیل", "comment": "دیدگاه",
        "email_note": "هرگز منتشر نمی‌شود.",
        "submit": "ارسال دیدگاه", "sending": "در حال ارسال…", "reply": "پاسخ", "cancel_reply": "لغو پاسخ",
        "replying_to": "در پاسخ به {name}", "load_more": "دیدگاه‌های بیشتر",
        "oldest": "قدیمی‌ترین‌ها اول", "newest": "جدیدترین‌ها اول", "sort": "ترتیب",
        "bigger": "متن بزرگ‌تر", "smaller": "متن کوچک‌تر",
        "counter": "{n} / {max}",
        "required": "این بخش الزامی است.", "too_long": "حداکثر {max} نویسه.",
        "too_short": "حداقل {min} نویسه.", "bad_email": "یک ایمیل معتبر وارد کنید.",
        "published": "سپاس! دیدگاه شما منتشر شد.",
        "pending": "سپاس! دیدگاه شما پس از بررسی یک ناظر نمایش داده می‌شود.",
        "rejected": "دیدگاه شما منتشر نشد: قاعده ما درباره {category} را نقض می‌کند.",
        "rejected_plain": "دیدگاه شما منتشر نشد: رهنمودهای جامعه را نقض می‌کند.",
        "guidelines": "رهنمودهای جامعه را بخوانید", "error": "مشکلی پیش آمد. دوباره تلاش کنید.",
        "network": "دسترسی به سرور دیدگاه‌ها ممکن نشد. دوباره تلاش کنید.",
        "title": "دیدگاه‌ها", "guidelines_title": "رهنمودهای جامعه",
        "guidelines_intro": "هر دیدگاه پیش از انتشار بر اساس این قواعد خوانده می‌شود. نقد دولت‌ها، مقام‌ها و اندیشه‌ها آزاد است؛ حمله به افراد نه.",
        "categories": {
            "profanity": "دشنام و واژه‌های زشت", "vulgarity": "محتوای جنسی یا رکیک",
            "threat": "تهدید و تحریک به خشونت", "personal_attack": "حمله شخصی و توهین",
            "abuse": "حمله به هویت (جنسیت، نژاد، دین، قومیت، خاستگاه، گرایش جنسی)",
            "promotion": "تبلیغات و خودتبلیغی", "spam": "ارسال تکراری و هرزنامه",
            "off_topic": "ماندن در موضوع مقاله",
        },
    },
}


def _with_mail_words() -> None:
    # The opt-in box of the widget says what the e-mails will be: one source for both.
    from majlis.services.mail_text import MAIL

    for code in LANGUAGES:
        STRINGS[code]["notify"] = MAIL[code]["notify_label"]


_with_mail_words()


def strings(language: str) -> dict[str, Any]:
    """The strings of a language (English for an unknown one), with its direction."""
    code = language if language in STRINGS else "en"
    return {**STRINGS[code], "lang": code, "dir": direction(code)}
