"""The moderator's desk: logging in, sessions, author rules, undo, site settings and statistics."""

from __future__ import annotations

import hashlib
import secrets
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from majlis.domain import Action, ActorKind, Category, Comment, DecisionEvent, Moderator, Site, State
from majlis.screening.policy import Policy, Thresholds
from majlis.services.accounts import author_key, authenticate, web_origin
from majlis.services.errors import Forbidden, Invalid, NotFound
from majlis.settings import Settings
from majlis.storage import Store
from majlis.storage.rows import utcnow

RULE_KINDS = ("premoderate", "ban")


@dataclass(frozen=True)
class Session:
    """A logged-in moderator."""

    moderator: Moderator
    csrf: str
    token_hash: str


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def log_in(store: Store, settings: Settings, secret: bytes, email: str, password: str) -> tuple[str, Session]:
    """Check the credentials and open a session; returns the cookie value and session. (Guessing is
    throttled before this is called: web/desk/throttle.py.)"""
    account = author_key(secret, email)
    moderator = authenticate(store, email, password)
    store.record_login(account, moderator is not None)
    if moderator is None:
        raise Forbidden("wrong email or password", "password")
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(24)
    store.add_session(_hash(token), moderator.id, csrf, utcnow() + timedelta(hours=settings.session_hours))
    store.audit(moderator.email, "login", None, moderator.email)
    return token, Session(moderator, csrf, _hash(token))


def session_for(store: Store, token: str | None) -> Session | None:
    """The session of a cookie value, if live."""
    if not token or len(token) > 200:
        return None
    found = store.session(_hash(token))
    if found is None:
        return None
    moderator = store.moderator_by_id(found[0])
    return Session(moderator, found[1], _hash(token)) if moderator else None


def log_out(store: Store, session: Session) -> None:
    """End a session."""
    store.end_session(session.token_hash)
    store.audit(session.moderator.email, "logout", None, session.moderator.email)


def moderated_sites(store: Store, moderator: Moderator) -> list[Site]:
    """The sites a moderator may work on."""
    return [s for s in store.list_sites() if moderator.may_moderate(s.id)]


def comment_for(store: Store, moderator: Moderator, comment_id: int) -> Comment:
    """A comment the moderator may see, or `NotFound`."""
    comment = store.comment(comment_id)
    if comment is None or not moderator.may_moderate(comment.site_id):
        raise NotFound(f"no comment {comment_id}", "comment_id")
    return comment


def undo(store: Store, moderator: Moderator, comment_id: int) -> tuple[Comment, DecisionEvent]:
    """Take back a decision: the comment returns to the queue, recorded as a reversal."""
    comment = comment_for(store, moderator, comment_id)
    if comment.state is State.PENDING:
        raise Invalid("this comment has no decision to undo", "comment_id")
    try:
        return store.decide(comment_id, action=Action.REVIEW, category=None, note="undo",
                            actor_kind=ActorKind.MODERATOR, actor=moderator.email, site_ids=moderator.scope())
    except LookupError as error:
        raise NotFound(f"no comment {comment_id}", "comment_id") from error


def add_author_rule(store: Store, moderator: Moderator, comment_id: int, kind: str, days: int | None, note: str) -> int:
    """Always pre-moderate, or ban for `days` (None: until lifted), the author of a comment."""
    if kind not in RULE_KINDS:
        raise Invalid("kind is premoderate or ban", "kind")
    if days is not None and not 1 <= days <= 3650:
        raise Invalid("days must be between 1 and 3650", "days")
    comment = comment_for(store, moderator, comment_id)
    until = utcnow() + timedelta(days=days) if days else None
    rule_id = store.add_author_rule(comment.site_id, comment.author_key, kind, until, note[:500], moderator.email)
    store.audit(moderator.email, f"author.{kind}", comment.site_id, comment.author_key[:16],
                {"rule": rule_id, "until": until.isoformat() if until else None, "comment": comment_id})
    return rule_id


def lift_author_rule(store: Store, moderator: Moderator, rule_id: int) -> None:
    """Lift a pre-moderation or a ban of one of the moderator's sites (checked in the transaction
    that lifts it: a rule of another site is left as it was)."""
    rule = store.revoke_author_rule(rule_id, moderator.email, moderator.scope())
    if rule is None:
        raise NotFound(f"no rule {rule_id}", "rule_id")
    store.audit(moderator.email, f"author.{rule['kind']}.lifted", rule["site_id"], rule["author_key"][:16], {"rule": rule_id})


def update_site_settings(store: Store, moderator: Moderator, site: Site, form: dict[str, Any]) -> Site:
    """Change a site's thresholds, word lists, link domains, origins and reason display (admins only)."""
    if not moderator.is_admin:
        raise Forbidden("only admins change site settings")
    policy = Policy.from_dict(site.policy)
    thresholds = dict(policy.thresholds)
    for category in Category:
        reject = form.get(f"reject_{category.value}")
        review = form.get(f"review_{category.value}")
        try:
            reject_value = None if category is Category.OFF_TOPIC or reject in (None, "") else float(reject)
            review_value = thresholds[category].review if review in (None, "") else float(review)
        except ValueError as error:
            raise Invalid(f"thresholds of {category.value} must be numbers", f"reject_{category.value}") from error
        for value in (reject_value, review_value):
            if value is not None and not 0.0 <= value <= 1.0:
                raise Invalid(f"thresholds of {category.value} lie between 0 and 1", f"reject_{category.value}")
        if reject_value is not None and reject_value < review_value:
            raise Invalid(f"the reject threshold of {category.value} is below its review threshold", f"reject_{category.value}")
        thresholds[category] = Thresholds(reject=reject_value, review=review_value)

    def lines(name: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(x.strip() for x in str(form.get(name, "")).splitlines() if x.strip()))

    origins = tuple(web_origin(origin, "origins") for origin in lines("origins"))
    # The form holds some of the policy: the rest (bot defences, say) stays as it was.
    new = replace(policy, thresholds=thresholds, premoderate_all=bool(form.get("premoderate_all")),
                  banned_words=lines("banned_words"), suspect_words=lines("suspect_words"),
                  allowed_domains=tuple(d.lower() for d in lines("allowed_domains")),
                  show_reasons=bool(form.get("show_reasons")))
    before = {"policy": site.policy, "origins": list(site.origins)}
    updated = store.update_site(site.id, policy=new.to_dict(), origins=list(origins))
    store.audit(moderator.email, "site.settings", site.id, site.slug,
                {"before": before, "after": {"policy": updated.policy, "origins": list(updated.origins)}})
    return updated


@dataclass(frozen=True)
class Stats:
    """The figures of the stats page."""

    days: list[str]
    per_day: dict[str, dict[str, int]]  # day -> state -> count
    rejections_by_category: dict[str, int]
    automatic_share: float
    median_minutes_to_decision: float | None
    queue_by_day: dict[str, int]
    total: int


def stats(store: Store, moderator: Moderator, days: int = 30) -> Stats:
    """Activity of the moderator's sites over the last `days` days."""
    site_ids = None if moderator.is_admin else list(moderator.site_ids)
    since = (utcnow() - timedelta(days=days - 1)).replace(hour=0, minute=0, second=0, microsecond=0)
    rows = store.activity(site_ids, since)
    labels = [(since + timedelta(days=i)).strftime("%Y-%m-%d") for i in range(days)]
    per_day: dict[str, dict[str, int]] = {d: defaultdict(int) for d in labels}
    decided_per_day: Counter[str] = Counter()
    waits = []
    automatic = decided = 0
    rejections: Counter[str] = Counter()
    for row in rows:
        day = row["created_at"].strftime("%Y-%m-%d")
        if day in per_day:
            per_day[day][row["state"]] += 1
        if row["state"] == State.REJECTED.value:
            rejections[row["reason"] or "other"] += 1
        if row["decided_at"] is not None:
            decided += 1
            decided_per_day[row["decided_at"].strftime("%Y-%m-%d")] += 1
            waits.append((row["decided_at"] - row["created_at"]).total_seconds() / 60)
            if row["actor_kind"] == ActorKind.SCREEN.value and row["action"] != Action.REVIEW.value:
                automatic += 1
    queue_by_day: dict[str, int] = {}
    waiting = 0
    for day in labels:
        waiting += sum(per_day[day].values()) - decided_per_day.get(day, 0)
        queue_by_day[day] = max(0, waiting)
    return Stats(
        days=labels,
        per_day={d: dict(v) for d, v in per_day.items()},
        rejections_by_category=dict(rejections.most_common()),
        automatic_share=automatic / decided if decided else 0.0,
        median_minutes_to_decision=statistics.median(waits) if waits else None,
        queue_by_day=queue_by_day,
        total=len(rows),
    )


