"""The demo newsroom: a site, two articles (English and Arabic script) and a moderator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from majlis.domain import Role
from majlis.services.accounts import create_moderator, create_site, issue_token
from majlis.services.articles import ArticleFields, register_article
from majlis.storage import Store

DEMO_SITE = "demo"
DEMO_MODERATOR = "moderator@demo.majlis.local"
DEMO_PASSWORD = "majlis-demo-password"

ARTICLES = {
    "tigris-bridge-reopens": ArticleFields(
        title="Old Tigris footbridge reopens after two years of repairs",
        url="http://127.0.0.1:8000/",
        language="en",
        body=(
            "The pedestrian bridge across the Tigris in the old city reopened on Tuesday after two "
            "years of repairs funded by the provincial council. Engineers replaced the corroded steel "
            "cables and rebuilt the walkway, which had been closed since floods damaged its eastern "
            "pier. Shop owners on both banks said the closure had cut the number of customers by half. "
            "The council said traffic on the road bridge downstream should ease now that pedestrians "
            "and cyclists can cross again. Critics argue the repairs cost twice the original budget "
            "and took far longer than promised, and asked the council to publish the contracts."
        ),
        published_at=datetime(2026, 11, 24, 7, 30, tzinfo=UTC),
    ),
    "erbil-water-prices": ArticleFields(
        title="أسعار المياه في أربيل ترتفع مع تراجع منسوب الآبار",
        url="http://127.0.0.1:8000/ar",
        language="ar",
        body=(
            "قال مسؤولون في دائرة المياه إن أسعار صهاريج المياه في أحياء أربيل الجديدة ارتفعت هذا الشهر "
            "بعد تراجع منسوب الآبار الجوفية. ويشكو السكان من انقطاع الضخ لساعات طويلة، بينما تعد الحكومة "
            "بمشروع جديد لنقل المياه من نهر الزاب الكبير. ويطالب خبراء بترشيد الاستهلاك ومراقبة حفر الآبار "
            "غير المرخصة."
        ),
        published_at=datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
    ),
}


@dataclass(frozen=True)
class DemoCredentials:
    """What the demo prints so a person can try it."""

    site: str
    moderator_email: str
    moderator_password: str
    moderator_token: str
    publisher_token: str


def seed_demo(store: Store, origins: tuple[str, ...]) -> DemoCredentials:
    """Create (or reuse) the demo site, articles and moderator; tokens are new on every call."""
    site = store.site_by_slug(DEMO_SITE) or create_site(
        store, DEMO_SITE, "The Tigris Courier (demo)", origins, "en"
    )
    for key, fields in ARTICLES.items():
        if store.article(site.id, key) is None or not store.article(site.id, key).title:  # type: ignore[union-attr]
            register_article(store, site, key, fields)
    moderator = store.moderator_by_email(DEMO_MODERATOR) or create_moderator(
        store, DEMO_MODERATOR, DEMO_PASSWORD, is_admin=True, site_slugs=[DEMO_SITE]
    )
    return DemoCredentials(
        site=DEMO_SITE,
        moderator_email=DEMO_MODERATOR,
        moderator_password=DEMO_PASSWORD,
        moderator_token=issue_token(store, Role.MODERATOR, None, moderator.id),
        publisher_token=issue_token(store, Role.PUBLISHER, site.id, None),
    )


SAMPLE_COMMENTS = [
    ("tigris-bridge-reopens", "Hana", "Finally! My shop on the east bank lost half its customers while the bridge was closed."),
    ("tigris-bridge-reopens", "Yusuf", "Two years and twice the budget. The council should publish the contracts."),
    ("tigris-bridge-reopens", "Anon", "The engineers are idiots and the mayor is a corrupt liar who should shut his mouth."),
    ("tigris-bridge-reopens", "Deals4U", "Cheap watches and phones, best price in Mosul! Order now on whatsapp 0770 123 4567"),
    ("tigris-bridge-reopens", "Mina", "Does anyone have a good recipe for chocolate cake with strawberries and cream? "
     "My daughter wants one for her birthday party next week."),
    ("tigris-bridge-reopens", "Sara", "Full report on the repairs here: https://www.rudaw.net/english/kurdistan/bridge-repairs"),
    ("tigris-bridge-reopens", "Noor", 'A man on the bridge called my sister a "whore" yesterday and nobody stopped him.'),
    ("tigris-bridge-reopens", "Bilal", "The council are clowns and this whole project was a stupid waste of our money."),
    ("tigris-bridge-reopens", "Karwan", "پردەکە زۆر جوانە، سوپاس بۆ ئەندازیارەکان"),
    ("tigris-bridge-reopens", "Rojin", "Ev pir baş e, lê divê şaredarî lêçûnê eşkere bike."),
    ("tigris-bridge-reopens", "Ali", "Go back to your country, we don't want your kind on our bridge"),
    ("erbil-water-prices", "Layla", "نحتاج إلى رقابة على حفر الآبار غير المرخصة قبل الصيف"),
    ("erbil-water-prices", "Sami", "يا حمار انت ما تفهم شي"),
    ("erbil-water-prices", "Omar", "الحكومة فاشلة وكلهم لصوص ولا يهمهم الناس"),
    ("erbil-water-prices", "Dara", "Su fiyatları her ay artıyor, belediye bir şey yapmalı."),
    ("erbil-water-prices", "Parisa", "قیمت آب هر ماه بالاتر می رود، دولت باید کاری بکند"),
]


def seed_comments(store: Store, screener: object, settings: object, secret: bytes) -> int:
    """Post the sample comments through the real screen, once (a mix to moderate)."""
    from majlis.screening import Screener
    from majlis.services.comments import CommentDraft, post_comment
    from majlis.settings import Settings

    assert isinstance(screener, Screener) and isinstance(settings, Settings)
    site = store.site_by_slug(DEMO_SITE)
    if site is None or store.recent_comments(site.id, timedelta(days=3650), 1):
        return 0
    for n, (article, name, text) in enumerate(SAMPLE_COMMENTS):
        post_comment(store, screener, settings, secret, DEMO_SITE, article,
                     CommentDraft(name, f"reader{n}@example.org", text))
    return len(SAMPLE_COMMENTS)
