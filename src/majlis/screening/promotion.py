"""Promotion: links (the site's own, its allow and block lists, the shipped sources of `sources.py`,
shorteners, messaging invites, affiliate tags, shops), emails, phone numbers in any digits, social
handles, calls to action and earnings claims, in the six languages."""

from __future__ import annotations

import re
from collections.abc import Mapping

from majlis.domain import Category
from majlis.screening.context import ScreenContext
from majlis.screening.findings import Findings
from majlis.screening.lexicon import PROMOTION_SOURCE, match_evidence
from majlis.screening.normalise import normalise
from majlis.screening.reading import Reading
from majlis.screening.sources import known_source, own_hosts, under
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
    "rb.gy t.ly s.id bl.ink lnkd.in soo.gd clck.ru v.gd t.co shorturl.asia tinyurl.is".split()
)
# Invitations into a chat or a group: a way to take readers elsewhere, whatever the words around it.
INVITES = frozenset("wa.me chat.whatsapp.com t.me telegram.me telegram.dog discord.gg discord.me".split())
INVITE_PATHS = re.compile(r"^(?:discord\.com|discordapp\.com)/invite/|^(?:api\.)?whatsapp\.com/send")
# Where people promote themselves: channels, streams, profiles, fundraisers, app stores.
SOCIAL = frozenset(
    "instagram.com tiktok.com youtube.com youtu.be facebook.com fb.com twitter.com x.com snapchat.com "
    "linktr.ee onlyfans.com twitch.tv kick.com soundcloud.com vk.com patreon.com gofundme.com "
    "play.google.com apps.apple.com".split()
)
# An unlisted link with fewer words than this beside it says nothing of why it is there: for a human.
BARE_LINK_WORDS = 3
# An affiliate or referral tag in a link's query or path: someone is paid for the click.
AFFILIATE = re.compile(r"[?&](?:ref|ref_id|refid|aff|aff_id|affid|affiliate|tag|referral|invite_code|promo)=|"
                       r"/(?:ref|aff|affiliate|referral)/", re.I)
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
    return under(host, domains)


# What a link is, the first that fits, and its score: the site's own and its allow list first, then
# what is promotion wherever it points, then the shipped sources.
LINK_SCORES = {
    "rule:url-own-site": 0.0, "rule:url-blocked": 0.95, "rule:url-allowed": 0.0, "rule:url-shortener": 0.92,
    "rule:url-invite": 0.88, "rule:url-source": 0.0, "rule:url-affiliate": 0.9, "rule:url-shop": 0.95,
    "rule:url-social": 0.75, "rule:url": 0.6,
}
# Links that are no promotion by themselves: with nothing promotional around them, a comment that
# holds only these is an ordinary comment (the `ordinary-links` rules).
ORDINARY_LINKS = frozenset({"rule:url-own-site", "rule:url-allowed", "rule:url-source", "rule:url"})


def link_kind(url: str, host: str, context: ScreenContext) -> tuple[str, str]:
    """The rule a link falls under, and what the verdict says of it (the host, and for a shipped
    source its kind and region)."""
    policy = context.policy
    bare = re.sub(r"^[a-z]+://(?:www\.)?|^www\.", "", url.lower())
    if context.origins and under(host, own_hosts(context.origins)):
        return "rule:url-own-site", host
    if under(host, policy.blocked_domains):
        return "rule:url-blocked", host
    if under(host, policy.allowed_domains):
        return "rule:url-allowed", host
    if host in SHORTENERS:
        return "rule:url-shortener", host
    if under(host, tuple(INVITES)) or INVITE_PATHS.match(bare):
        return "rule:url-invite", host
    source = known_source(host, policy.dropped_sources) if policy.known_sources else None
    if source is not None:
        return "rule:url-source", f"{host} ({source.kind}, {source.region})"
    if AFFILIATE.search(url):
        return "rule:url-affiliate", host
    if SHOP_WORDS.search(host):
        return "rule:url-shop", host
    if under(host, tuple(SOCIAL)):
        return "rule:url-social", host
    return "rule:url", host


# An amount of money: a currency sign or word next to a number, in any digits.
AMOUNT = re.compile(
    r"[$€£₺]\s?\d[\d,.٬]*|\d[\d,.٬]*\s?(?:[$€£₺]|k\b|usdt?\b|dollars?|euros?|pounds?|tl\b|lira|dinars?|dolar|"
    r"lîre|دولار|دلار|دۆلار|دينار|دینار|يورو|یورو|ليرة|لیرە|لیره|تومان|ریال|تمن)",
    re.IGNORECASE,
)
EARNINGS_REACH = 40  # characters either side of a verb of earning where its amount may stand
EARN_VERB = "earn"  # promotion.tsv subtype: a verb of earning, a claim only with an amount beside it
EARNINGS = "earnings"  # promotion.tsv subtype: an earnings or get-rich offer by itself
EARNINGS_CLAIM = "rule:earnings-claim"
# Alone a hint only: readers say what they earn to complain of prices ("I earn 400 dollars a month as
# a teacher"); with an offer, a contact or a call, the `earnings-claim` rule weighs it.
EARNINGS_CLAIM_SCORE = 0.3


class PromotionStage:
    """Finds commercial and personal promotion: ways to reach someone, and calls to do it."""

    name: str = "promotion"
    reads: tuple[str, ...] = ("reading.matches", "context.policy", "context.origins")
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
            rule, detail = link_kind(url, host_of(url), context)
            evidence.append(Evidence(Category.PROMOTION, start, end, rule, detail, LINK_SCORES[rule]))
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
            if found.entry.language != "promotion":
                continue
            if found.entry.subtype != EARN_VERB:
                evidence.append(match_evidence(text, found, PROMOTION_SOURCE, found.entry.key))
                continue
            # "I made $3000", and in the verb-final languages "ayda 3000 dolar kazandım"
            amount = AMOUNT.search(text, max(0, found.start - EARNINGS_REACH), found.end + EARNINGS_REACH)
            if amount is not None:
                start, end = min(found.start, amount.start()), max(found.end, amount.end())
                evidence.append(Evidence(Category.PROMOTION, start, end, EARNINGS_CLAIM,
                                         f"{found.entry.key} + {amount.group().strip()}", EARNINGS_CLAIM_SCORE))
        return Findings(evidence=evidence, from_evidence=0.0)

    def run(self, text: str, context: ScreenContext) -> tuple[dict[Category, float], list[Evidence]]:
        """The stage alone on one text, its rulings applied (`stage.run_alone`)."""
        from majlis.screening.stage import run_alone

        return run_alone(self, text, context)
