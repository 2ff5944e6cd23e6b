"""The demo newsroom: a site, two articles (English and Arabic script) and a moderator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

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
