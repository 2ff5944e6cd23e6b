"""The moderation core: text in, scores and evidence out. Imports nothing from web or storage."""

from majlis.screening import compiled

compiled.check()  # before the imports below load a compiled module built from older sources

from majlis.screening.context import ArticleText, RecentComment, ScreenContext
from majlis.screening.pipeline import ENGINE_VERSION, Screener, screen
from majlis.screening.policy import Policy, Thresholds
from majlis.screening.verdict import Evidence, Verdict

__all__ = [
    "ENGINE_VERSION",
    "ArticleText",
    "Evidence",
    "Policy",
    "RecentComment",
    "ScreenContext",
    "Screener",
    "Thresholds",
    "Verdict",
    "screen",
]
