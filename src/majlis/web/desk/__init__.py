"""The moderator's desk at /moderate: server-rendered pages with a little plain JavaScript."""
