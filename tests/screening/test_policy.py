"""A site's policy turns scores into approve, review or reject."""

from __future__ import annotations

from majlis.domain import Action, Category
from majlis.screening.policy import DEFAULT_THRESHOLDS, Policy


def test_thresholds_decide() -> None:
    policy = Policy()
    assert policy.decide({Category.PROFANITY: 0.9}) == (Action.REJECT, Category.PROFANITY)
    assert policy.decide({Category.PROFANITY: 0.6}) == (Action.REVIEW, Category.PROFANITY)
    assert policy.decide({Category.PROFANITY: 0.1}) == (Action.APPROVE, None)


def test_the_category_with_the_widest_margin_names_the_reason() -> None:
    decision = Policy().decide({Category.PROFANITY: 0.86, Category.THREAT: 0.99})
    assert decision == (Action.REJECT, Category.THREAT)


def test_premoderation_sends_everything_to_review() -> None:
    assert Policy(premoderate_all=True).decide({Category.PROFANITY: 0.0}) == (Action.REVIEW, None)
    assert Policy(premoderate_all=True).decide({Category.PROFANITY: 0.99})[0] is Action.REJECT


def test_round_trip_and_partial_overrides() -> None:
    policy = Policy.from_dict({"thresholds": {"threat": {"reject": 0.7}}, "allowed_domains": ["BBC.co.uk"]})
    assert policy.thresholds[Category.THREAT].reject == 0.7
    assert policy.thresholds[Category.THREAT].review == DEFAULT_THRESHOLDS[Category.THREAT].review
    assert policy.allowed_domains == ("bbc.co.uk",)
    assert Policy.from_dict(policy.to_dict()) == policy


def test_link_lists_round_trip_and_old_policies_load() -> None:
    policy = Policy.from_dict({"blocked_domains": ["https://www.Spam-News.example/", "spam-news.example"],
                               "known_sources": False, "dropped_sources": ["RT.com"]})
    assert policy.blocked_domains == ("spam-news.example",)  # one form, once
    assert (policy.known_sources, policy.dropped_sources) == (False, ("rt.com",))
    assert Policy.from_dict(policy.to_dict()) == policy
    old = Policy.from_dict({"thresholds": {}, "allowed_domains": ["bbc.co.uk"], "show_reasons": True})
    assert (old.blocked_domains, old.known_sources, old.dropped_sources) == ((), True, ())
    assert Policy.from_dict(None) == Policy()
    assert Policy.from_dict({"blocked_domains": "a.example, b.example\nc.example"}).blocked_domains == (
        "a.example", "b.example", "c.example")
