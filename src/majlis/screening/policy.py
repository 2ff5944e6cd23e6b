"""A site's policy: turns per-category scores into approve, reject or review."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from majlis.domain import Action, Category
from majlis.screening.decision import decide


@dataclass(frozen=True)
class Thresholds:
    """At or above `reject` the screen rejects; at or above `review` a human decides."""

    reject: float | None
    review: float


# Chosen on the evaluation split (see docs/quality.md); off-topic is never rejected automatically.
DEFAULT_THRESHOLDS: dict[Category, Thresholds] = {
    Category.PROFANITY: Thresholds(reject=0.85, review=0.5),
    Category.VULGARITY: Thresholds(reject=0.85, review=0.5),
    Category.THREAT: Thresholds(reject=0.85, review=0.5),
    Category.PERSONAL_ATTACK: Thresholds(reject=0.85, review=0.5),
    Category.ABUSE: Thresholds(reject=0.85, review=0.5),
    Category.PROMOTION: Thresholds(reject=0.85, review=0.5),
    Category.SPAM: Thresholds(reject=0.9, review=0.5),
    Category.OFF_TOPIC: Thresholds(reject=None, review=0.8),
}


def _domains(value: Any) -> tuple[str, ...]:
    """Stored domains in one form: lower case, without a scheme, `www.` or a trailing dot."""
    if not value:
        return ()
    if isinstance(value, str):  # one domain, or several on lines or between commas
        value = re.split(r"[\s,]+", value)
    found: list[str] = []
    for item in value:
        domain = re.sub(r"^[a-z]+://", "", str(item).strip().lower()).split("/", 1)[0].strip(".")
        domain = domain[4:] if domain.startswith("www.") else domain
        if domain and domain not in found:
            found.append(domain)
    return tuple(found)


@dataclass(frozen=True)
class Policy:
    """How one site turns a screen's scores into decisions."""

    thresholds: dict[Category, Thresholds] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))
    premoderate_all: bool = False  # every comment waits for a human, whatever the scores
    banned_words: tuple[str, ...] = ()
    suspect_words: tuple[str, ...] = ()
    # Links: `allowed_domains` are never promotion, `blocked_domains` always are (subdomains too). The
    # shipped list of news, agency, NGO and government domains (`sources.py`) counts unless
    # `known_sources` is off; `dropped_sources` takes single domains out of it.
    allowed_domains: tuple[str, ...] = ()
    blocked_domains: tuple[str, ...] = ()
    known_sources: bool = True
    dropped_sources: tuple[str, ...] = ()
    show_reasons: bool = True
    # Bot defences (see services/bots.py): form tickets, and proof of work off, on, or "auto"
    # (only while more than `pow_auto_per_minute` comments a minute arrive).
    require_ticket: bool = False
    proof_of_work: str = "auto"
    pow_bits: int = 16
    pow_auto_per_minute: int = 60

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Policy:
        """A policy from a site's stored JSON; missing keys take the defaults."""
        data = data or {}
        thresholds = dict(DEFAULT_THRESHOLDS)
        for name, value in (data.get("thresholds") or {}).items():
            category = Category(name)
            reject = value.get("reject", thresholds[category].reject)
            if category is Category.OFF_TOPIC:
                reject = None
            thresholds[category] = Thresholds(
                reject=None if reject is None else float(reject),
                review=float(value.get("review", thresholds[category].review)),
            )
        return cls(
            thresholds=thresholds,
            premoderate_all=bool(data.get("premoderate_all", False)),
            banned_words=tuple(data.get("banned_words", ())),
            suspect_words=tuple(data.get("suspect_words", ())),
            allowed_domains=_domains(data.get("allowed_domains")),
            blocked_domains=_domains(data.get("blocked_domains")),
            known_sources=bool(data.get("known_sources", True)),
            dropped_sources=_domains(data.get("dropped_sources")),
            show_reasons=bool(data.get("show_reasons", True)),
            require_ticket=bool(data.get("require_ticket", False)),
            proof_of_work=str(data.get("proof_of_work", "auto")),
            pow_bits=int(data.get("pow_bits", 16)),
            pow_auto_per_minute=int(data.get("pow_auto_per_minute", 60)),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON stored with the site."""
        return {
            "thresholds": {
                c.value: {"reject": t.reject, "review": t.review} for c, t in self.thresholds.items()
            },
            "premoderate_all": self.premoderate_all,
            "banned_words": list(self.banned_words),
            "suspect_words": list(self.suspect_words),
            "allowed_domains": list(self.allowed_domains),
            "blocked_domains": list(self.blocked_domains),
            "known_sources": self.known_sources,
            "dropped_sources": list(self.dropped_sources),
            "show_reasons": self.show_reasons,
            "require_ticket": self.require_ticket,
            "proof_of_work": self.proof_of_work,
            "pow_bits": self.pow_bits,
            "pow_auto_per_minute": self.pow_auto_per_minute,
        }

    def decide(self, scores: dict[Category, float]) -> tuple[Action, Category | None]:
        """The action for these scores and the category behind it (`decision.decide`)."""
        return decide(self, scores)
