"""The wizard's pages, one module each (DESIGN.md §2)."""
