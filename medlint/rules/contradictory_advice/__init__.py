"""Contradictory-advice rules: statements in one article that a reader sees as conflicting."""
