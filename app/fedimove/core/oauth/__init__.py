"""Signing in to a Fediverse server from a desktop app (fediverse-apis §1)."""
