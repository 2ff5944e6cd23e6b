"""The moderator's desk in the six languages (the guideline names come from `web.i18n`)."""

from __future__ import annotations

from majlis.web.desk.words_pages import PAGE_WORDS

DESK_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "moderation": "moderation", "queue": "Queue", "decided": "Decided", "stats": "Stats", "settings": "Settings",
        "log_out": "Log out", "admin": "admin", "interface_language": "Desk language",
        "site": "Site", "language": "Language", "reason": "Reason", "all": "all", "filter": "Filter",
        "waiting": "{n} waiting", "approve_selected": "Approve selected", "reject_selected": "Reject selected",
        "bulk_category": "Category for bulk reject", "keys_label": "Keys", "key_move": "move", "key_approve": "approve",
        "key_reject": "reject", "key_select": "select", "key_undo": "undo", "empty": "The queue is empty.",
        "select_comment": "Select comment {id}", "risk": "risk",
        "author_record": "Author on this site: {approved} approved, {rejected} rejected, {pending} waiting",
        "rejected_before": "rejected", "approve": "Approve", "reject": "Reject", "reject_as": "Reject as",
        "login_title": "Log in to moderate", "email": "Email", "password": "Password", "log_in": "Log in",
        "js_approved": "approved", "js_rejected": "rejected", "js_did_approve": "Approved", "js_did_reject": "Rejected",
        "js_undo_hint": "u to undo", "js_not_saved": "Not saved", "js_back": "back in the queue", "js_undone": "Undone",
        "js_not_undone": "Not undone", "js_cancelled": "Reject cancelled", "js_reject_as": "Reject as: 1–8",
        "js_new": "New comments in the queue: {n}",
    },
    "ar": {
        "moderation": "الإشراف", "queue": "قائمة الانتظار", "decided": "ما تقرر", "stats": "إحصاءات", "settings": "الإعدادات",
        "log_out": "خروج", "admin": "مدير", "interface_language": "لغة المكتب",
        "site": "الموقع", "language": "اللغة", "reason": "السبب", "all": "الكل", "filter": "تصفية",
        "waiting": "{n} بانتظار القرار", "approve_selected": "قبول المحدد", "reject_selected": "رفض المحدد",
        "bulk_category": "فئة الرفض الجماعي", "keys_label": "المفاتيح", "key_move": "تنقل", "key_approve": "قبول",
        "key_reject": "رفض", "key_select": "تحديد", "key_undo": "تراجع", "empty": "القائمة فارغة.",
        "select_comment": "تحديد التعليق {id}", "risk": "الخطورة",
        "author_record": "الكاتب على هذا الموقع: {approved} مقبول، {rejected} مرفوض، {pending} بالانتظار",
        "rejected_before": "مرفوض", "approve": "قبول", "reject": "رفض", "reject_as": "رفض بسبب",
        "login_title": "الدخول للإشراف", "email": "البريد الإلكتروني", "password": "كلمة المرور", "log_in": "دخول",
        "js_approved": "مقبول", "js_rejected": "مرفوض", "js_did_approve": "تم القبول", "js_did_reject": "تم الرفض",
        "js_undo_hint": "u للتراجع", "js_not_saved": "لم يُحفظ", "js_back": "عاد إلى القائمة", "js_undone": "تم التراجع",
        "js_not_undone": "لم يتم التراجع", "js_cancelled": "أُلغي الرفض", "js_reject_as": "رفض بسبب: 1–8",
        "js_new": "تعليقات جديدة في القائمة: {n}",
    },
    "ckb": {
        "moderation": "سەرپەرشتی", "queue": "ڕیز", "decided": "بڕیاردراو", "stats": "ئامار", "settings": "ڕێکخستنەکان",
        "log_out": "چوونەدەرەوە", "admin": "بەڕێوەبەر", "interface_language": "زمانی مێز",
        "site": "ماڵپەڕ", "language": "زمان", "reason": "هۆکار", "all": "هەموو", "filter": "پاڵاوتن",
        "waiting": "{n} چاوەڕێن", "approve_selected": "پەسەندکردنی دیاریکراوەکان", "reject_selected": "ڕەتکردنەوەی دیاریکراوەکان",
        "bulk_category": "پۆلی ڕەتکردنەوەی کۆمەڵ", "keys_label": "کلیلەکان", "key_move": "جووڵە", "key_approve": "پەسەند",
        "key_reject": "ڕەتکردنەوە", "key_select": "دیاریکردن", "key_undo": "گەڕانەوە", "empty": "ڕیزەکە بەتاڵە.",
        "select_comment": "دیاریکردنی لێدوانی {id}", "risk": "مەترسی",
        "author_record": "نووسەر لەم ماڵپەڕە: {approved} پەسەند، {rejected} ڕەتکراوە، {pending} چاوەڕێ",
        "rejected_before": "ڕەتکراوە", "approve": "پەسەند", "reject": "ڕەتکردنەوە", "reject_as": "ڕەتکردنەوە بە هۆی",
        "login_title": "چوونەژوورەوە بۆ سەرپەرشتی", "email": "ئیمەیڵ", "password": "وشەی نهێنی", "log_in": "چوونەژوورەوە",
        "js_approved": "پەسەندکرا", "js_rejected": "ڕەتکرایەوە", "js_did_approve": "پەسەندکرا", "js_did_reject": "ڕەتکرایەوە",
        "js_undo_hint": "u بۆ گەڕانەوە", "js_not_saved": "پاشەکەوت نەکرا", "js_back": "گەڕایەوە ناو ڕیز", "js_undone": "گەڕێندرایەوە",
        "js_not_undone": "نەگەڕێندرایەوە", "js_cancelled": "ڕەتکردنەوە هەڵوەشایەوە", "js_reject_as": "ڕەتکردنەوە بە هۆی: 1–8",
        "js_new": "لێدوانی نوێ لە ڕیزدا: {n}",
    },
    "kmr": {
        "moderation": "moderasyon", "queue": "Rêz", "decided": "Biryardayî", "stats": "Statîstîk", "settings": "Mîheng",
        "log_out": "Derkeve", "admin": "rêveber", "interface_language": "Zimanê masê",
        "site": "Malper", "language": "Ziman", "reason": "Sedem", "all": "hemû", "filter": "Parzûn",
        "waiting": "{n} li bendê ne", "approve_selected": "Yên hilbijartî bipejirîne", "reject_selected": "Yên hilbijartî red bike",
        "bulk_category": "Kategoriya redkirina bi kom", "keys_label": "Bişkok", "key_move": "bigere", "key_approve": "bipejirîne",
        "key_reject": "red bike", "key_select": "hilbijêre", "key_undo": "vegerîne", "empty": "Rêz vala ye.",
        "select_comment": "Şîroveya {id} hilbijêre", "risk": "xeter",
        "author_record": "Nivîskar li vê malperê: {approved} pejirandî, {rejected} redkirî, {pending} li bendê",
        "rejected_before": "redkirî", "approve": "Bipejirîne", "reject": "Red bike", "reject_as": "Red bike wek",
        "login_title": "Ji bo moderasyonê têkeve", "email": "E-name", "password": "Şîfre", "log_in": "Têkeve",
        "js_approved": "hate pejirandin", "js_rejected": "hate redkirin", "js_did_approve": "Hate pejirandin",
        "js_did_reject": "Hate redkirin", "js_undo_hint": "u ji bo vegerandinê", "js_not_saved": "Nehate tomarkirin",
        "js_back": "vegeriya rêzê", "js_undone": "Hate vegerandin", "js_not_undone": "Nehate vegerandin",
        "js_cancelled": "Redkirin hate betalkirin", "js_reject_as": "Red bike wek: 1–8", "js_new": "Şîroveyên nû di rêzê de: {n}",
    },
    "tr": {
        "moderation": "moderasyon", "queue": "Kuyruk", "decided": "Karara bağlananlar", "stats": "İstatistik", "settings": "Ayarlar",
        "log_out": "Çıkış", "admin": "yönetici", "interface_language": "Masa dili",
        "site": "Site", "language": "Dil", "reason": "Neden", "all": "tümü", "filter": "Süz",
        "waiting": "{n} bekliyor", "approve_selected": "Seçilenleri onayla", "reject_selected": "Seçilenleri reddet",
        "bulk_category": "Toplu ret kategorisi", "keys_label": "Tuşlar", "key_move": "gezin", "key_approve": "onayla",
        "key_reject": "reddet", "key_select": "seç", "key_undo": "geri al", "empty": "Kuyruk boş.",
        "select_comment": "{id} numaralı yorumu seç", "risk": "risk",
        "author_record": "Yazar bu sitede: {approved} onaylı, {rejected} reddedilmiş, {pending} bekliyor",
        "rejected_before": "reddedildi", "approve": "Onayla", "reject": "Reddet", "reject_as": "Ret nedeni",
        "login_title": "Moderasyon için giriş", "email": "E-posta", "password": "Parola", "log_in": "Giriş",
        "js_approved": "onaylandı", "js_rejected": "reddedildi", "js_did_approve": "Onaylandı", "js_did_reject": "Reddedildi",
        "js_undo_hint": "geri almak için u", "js_not_saved": "Kaydedilmedi", "js_back": "kuyruğa döndü", "js_undone": "Geri alındı",
        "js_not_undone": "Geri alınamadı", "js_cancelled": "Ret iptal edildi", "js_reject_as": "Ret nedeni: 1–8",
        "js_new": "Kuyrukta yeni yorum: {n}",
    },
    "fa": {
        "moderation": "نظارت", "queue": "صف", "decided": "تصمیم‌گرفته", "stats": "آمار", "settings": "تنظیمات",
        "log_out": "خروج", "admin": "مدیر", "interface_language": "زبان میز کار",
        "site": "سایت", "language": "زبان", "reason": "دلیل", "all": "همه", "filter": "پالایش",
        "waiting": "{n} در انتظار", "approve_selected": "تأیید موارد انتخاب‌شده", "reject_selected": "رد موارد انتخاب‌شده",
        "bulk_category": "دسته‌ی رد گروهی", "keys_label": "کلیدها", "key_move": "حرکت", "key_approve": "تأیید",
        "key_reject": "رد", "key_select": "انتخاب", "key_undo": "بازگردانی", "empty": "صف خالی است.",
        "select_comment": "انتخاب دیدگاه {id}", "risk": "ریسک",
        "author_record": "نویسنده در این سایت: {approved} تأییدشده، {rejected} ردشده، {pending} در انتظار",
        "rejected_before": "رد شد", "approve": "تأیید", "reject": "رد", "reject_as": "رد به دلیل",
        "login_title": "ورود برای نظارت", "email": "ایمیل", "password": "گذرواژه", "log_in": "ورود",
        "js_approved": "تأیید شد", "js_rejected": "رد شد", "js_did_approve": "تأیید شد", "js_did_reject": "رد شد",
        "js_undo_hint": "u برای بازگردانی", "js_not_saved": "ذخیره نشد", "js_back": "به صف برگشت", "js_undone": "بازگردانده شد",
        "js_not_undone": "بازگردانده نشد", "js_cancelled": "رد لغو شد", "js_reject_as": "رد به دلیل: 1–8",
        "js_new": "دیدگاه‌های تازه در صف: {n}",
    },
}


for _code, _extra in PAGE_WORDS.items():
    DESK_WORDS[_code].update(_extra)


def desk_words(language: str) -> dict[str, str]:
    """The desk's words in a language (English for an unknown one)."""
    return DESK_WORDS.get(language, DESK_WORDS["en"])
