"""Fedimove: move a Fediverse account to another server without losing its social graph."""

__version__ = "0.1.0"
