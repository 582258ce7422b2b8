"""Unsupported-claim rules: health claims with nothing in their scope to support them."""
