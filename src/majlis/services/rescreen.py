"""Re-screening: when a site changes its thresholds or word lists, its waiting comments are screened
again; those the new policy decides are decided (recorded as the screen's), the rest get fresh scores."""

from __future__ import annotations

from majlis.domain import Action, ActorKind
from majlis.screening import ArticleText, Policy, ScreenContext, Screener
from majlis.storage import Store


def rescreen_site(store: Store, screener: Screener, site_id: int) -> dict[str, int]:
    """Screen every pending comment of the site again under its current policy."""
    site = store.site_by_id(site_id)
    if site is None:
        return {}
    policy = Policy.from_dict(site.policy)
    counts = {"approve": 0, "reject": 0, "review": 0}
    for comment in store.pending_of_site(site_id):
        article = store.article_by_id(comment.article_id)
        context = ScreenContext(
            policy=policy,
            article=ArticleText(article.title, article.body, article.language) if article else None,
            author_key=comment.author_key,
            language_hint=comment.language,
            origins=(*site.origins, article.url if article else ""),
        )
        verdict = screener.screen(comment.text, context)
        rules = {r["kind"] for r in store.author_rules(site_id, comment.author_key)}
        action = verdict.action
        if action is Action.APPROVE and "premoderate" in rules:
            action = Action.REVIEW
        counts[action.value] += 1
        if action is Action.REVIEW:
            store.set_verdict(comment.id, verdict.to_dict(), verdict.risk,
                              verdict.category.value if verdict.category else None)
            continue
        store.set_verdict(comment.id, verdict.to_dict(), verdict.risk, None)
        store.decide(comment.id, action=action, category=verdict.category if action is Action.REJECT else None,
                     note="re-screened after the site's settings changed", actor_kind=ActorKind.SCREEN, actor="screen")
    return counts
