"""Readability rules (issue 5)."""
