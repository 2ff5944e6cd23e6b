"""Majlis: a self-hosted comment platform that screens every comment against a site's guidelines."""

__version__ = "0.1.0"
