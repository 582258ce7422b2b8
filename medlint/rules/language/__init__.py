"""Language rules (issue 5)."""
