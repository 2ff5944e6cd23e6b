"""The HTTP face of Majlis: a thin layer over the services."""
