"""The decision: a policy's thresholds applied to the final scores, after every ruling."""

from __future__ import annotations

from typing import TYPE_CHECKING

from majlis.domain import Action, Category

if TYPE_CHECKING:
    from majlis.screening.policy import Policy


def decide(policy: Policy, scores: dict[Category, float]) -> tuple[Action, Category | None]:
    """The action for these scores and the category behind it (highest margin wins): reject at a
    category's reject line, else review at its review line, else approve (or review, on a site that
    pre-moderates every comment)."""
    # One pass; of equal margins the first category wins.
    reject: tuple[float, Category] | None = None
    review: tuple[float, Category] | None = None
    thresholds = policy.thresholds
    for category, score in scores.items():
        line = thresholds[category]
        if line.reject is not None and score >= line.reject:
            if reject is None or score - line.reject > reject[0]:
                reject = (score - line.reject, category)
        elif reject is None and score >= line.review and (review is None or score - line.review > review[0]):
            review = (score - line.review, category)
    if reject is not None:
        return Action.REJECT, reject[1]
    if review is not None:
        return Action.REVIEW, review[1]
    if policy.premoderate_all:
        return Action.REVIEW, None
    return Action.APPROVE, None
