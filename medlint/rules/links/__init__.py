"""Links rules (issue 5)."""
