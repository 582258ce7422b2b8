"""Safety rules (issue 5)."""
