"""Duplicate-FAQ rules: FAQ answers and questions that repeat the article or each other."""
