"""Minutebook: a static site generator for published committee papers."""

__version__ = "0.1.0"
