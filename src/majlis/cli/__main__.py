"""`python -m majlis.cli`."""

from majlis.cli import app

app()
