"""Promotion: links (with a site's allowlist), link shorteners, emails, phone numbers in any digits,
social handles and calls to action, in the six languages."""

from __future__ import annotations

import re
from collections.abc import Mapping

from majlis.domain import Category
from majlis.screening.context import ScreenContext
from majlis.screening.findings import Findings
from majlis.screening.lexicon import PROMOTION_SOURCE, match_evidence
from majlis.screening.normalise import normalise
from majlis.screening.reading import Reading
from majlis.screening.verdict import Evidence

TLDS = (
    "com|net|org|info|biz|io|co|me|ly|gl|gg|tv|xyz|shop|store|online|site|app|link|click|top|live|"
    "club|vip|pro|win|bet|cash|money|ru|ir|iq|tr|uk|de|fr|in|pk|ae|sa|eg|us|ca|au|ws|cc|to|su|"
    # more country codes, and free or cheap domains spam favours; not those that are common words
    # ("it", "be", "no", "am"), which a missing space after a full stop would turn into links
    "pl|nl|ch|se|dk|fi|cz|gr|ro|hu|ua|kz|jo|lb|sy|kw|qa|bh|ye|dz|tn|af|cn|jp|kr|br|mx|za|ng|ke|nz|eu|"
    "tk|ml|ga|cf|icu|buzz|website"
)
URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+"
    rf"|(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?\.)+(?:{TLDS})(?![\w-])(?:/[^\s<>\"']*)?"
    rf"|(?<![\w-])[a-z0-9-]{{2,}}\s*(?:\(dot\)|\[dot\]| dot )\s*(?:{TLDS})\b",
    re.IGNORECASE,
)
# Every URL above holds one of these; most comments hold none and skip the costlier scan. It reads
# the folded view, which is lower case: without IGNORECASE it costs a third.
URL_HINT = re.compile(rf"://|www\.|\.(?:{TLDS})(?![\w-])|dot")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# What every address holds, "@" first: EMAIL tries every word of a text before failing at its "@".
EMAIL_HINT = re.compile(r"@(?<=[\w.+-]@)[\w-]+\.[\w-]")
PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d(?:[\s().-]{0,2}\d){7,14}(?!\w)")
# Eight digits in a row, as every number above holds: a scan that jumps from digit to digit, where
# PHONE's lookbehind is tried at every character.
PHONE_HINT = re.compile(r"\d(?:[\s().-]{0,2}\d){7}")
HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_.]{3,30}\b")
# Mentions that open a comment address the people it answers ("@Layla @Omar you are right"): a reply,
# not a way to reach someone.
LEADING_MENTIONS = re.compile(r"^\s*(?:@[A-Za-z0-9_.]{1,30}[\s,:;]*)+")
SHORTENERS = frozenset(
    "bit.ly tinyurl.com goo.gl ow.ly is.gd buff.ly cutt.ly rebrand.ly shorturl.at tiny.cc "
    "rb.gy t.ly s.id bl.ink lnkd.in soo.gd clck.ru v.gd".split()
)
# t.co is Twitter's wrapper of every link in a tweet: it says nothing about the author's intent.
SOCIAL = frozenset(
    "t.me wa.me chat.whatsapp.com instagram.com tiktok.com youtube.com youtu.be facebook.com fb.com "
    "twitter.com x.com snapchat.com telegram.me linktr.ee onlyfans.com".split()
)
SHOP_WORDS = re.compile(r"shop|store|buy|deal|cheap|sale|casino|bet|loan|crypto|forex|market|discount|offer", re.I)
# Mobile prefixes of the region (Iraq 07, Turkey 05, Iran 09) and international forms.
MOBILE = re.compile(r"^(?:\+|00|07|05|09)")


def host_of(url: str) -> str:
    """The lower-case host of a URL-like string, without `www.`."""
    host = re.sub(r"^[a-z]+://", "", url.lower())
    host = re.split(r"[/?#:]", host, maxsplit=1)[0]
    host = re.sub(r"\s*(\(dot\)|\[dot\]| dot )\s*", ".", host)
    return host[4:] if host.startswith("www.") else host


def allowed(host: str, domains: tuple[str, ...]) -> bool:
    """Whether the host is an allowed domain or one of its subdomains."""
    return any(host == d or host.endswith("." + d) for d in domains)


class PromotionStage:
    """Finds commercial and personal promotion: ways to reach someone, and calls to do it."""

    name: str = "promotion"
    reads: tuple[str, ...] = ("reading.matches", "context.policy")
    adds: tuple[str, ...] = ("promotion",)

    def gather(self, reading: Reading, context: ScreenContext, earlier: Mapping[Category, float]) -> Findings:
        """Evidence for each link, number, address, handle and listed call to action; the score is the
        strongest of them (the `advertisement` ruling weighs them together)."""
        text = reading.text
        view = normalise(text, evasion=False)
        folded = view.text
        evidence: list[Evidence] = []
        has_at = "@" in folded  # emails and handles need one
        emails = has_at and EMAIL_HINT.search(folded) is not None
        for match in URL.finditer(folded) if URL_HINT.search(folded) else ():
            url = match.group().rstrip(".,;:!?)]}\"'»”")
            start, end = view.span(match.start(), match.start() + len(url))
            host = host_of(url)
            if allowed(host, context.policy.allowed_domains):
                evidence.append(Evidence(Category.PROMOTION, start, end, "rule:url-allowed", host, 0.0))
                continue
            if host in SHORTENERS:
                score, rule = 0.92, "rule:url-shortener"
            elif SHOP_WORDS.search(host):
                score, rule = 0.95, "rule:url-shop"
            elif allowed(host, tuple(SOCIAL)):
                score, rule = 0.75, "rule:url-social"
            else:
                score, rule = 0.6, "rule:url"
            evidence.append(Evidence(Category.PROMOTION, start, end, rule, host, score))
        for match in EMAIL.finditer(folded) if emails else ():
            start, end = view.span(match.start(), match.end())
            evidence.append(Evidence(Category.PROMOTION, start, end, "rule:email", "email address", 0.75))
        for match in PHONE.finditer(folded) if PHONE_HINT.search(folded) else ():
            raw = match.group()
            digits = re.sub(r"\D", "", raw)
            if len(digits) < 9 and not MOBILE.match(raw):
                continue
            start, end = view.span(match.start(), match.end())
            evidence.append(Evidence(Category.PROMOTION, start, end, "rule:phone", f"{len(digits)} digits", 0.75))
        opening = LEADING_MENTIONS.match(folded)
        replying_to = opening.end() if opening else 0
        handles = [m for m in (HANDLE.finditer(folded) if has_at else ()) if m.start() >= replying_to
                   and not (emails and EMAIL.search(folded[max(0, m.start() - 30) : m.end()]))]
        for match in handles:
            start, end = view.span(match.start(), match.end())
            evidence.append(Evidence(Category.PROMOTION, start, end, "rule:handle", match.group(), 0.3))
        for found in reading.matches:
            if found.entry.language == "promotion":
                evidence.append(match_evidence(text, found, PROMOTION_SOURCE, found.entry.key))
        return Findings(evidence=evidence, from_evidence=0.0)

    def run(self, text: str, context: ScreenContext) -> tuple[dict[Category, float], list[Evidence]]:
        """The stage alone on one text, its rulings applied (`stage.run_alone`)."""
        from majlis.screening.stage import run_alone

        return run_alone(self, text, context)
