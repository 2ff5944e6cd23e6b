"""Use cases of Majlis: each takes a `Store` (and a screener where it screens) and returns domain objects."""
