"""Reusable widgets the wizard's pages are built from."""
