"""Metadata rules (issue 5)."""
