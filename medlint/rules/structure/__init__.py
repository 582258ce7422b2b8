"""Structure rules: the shape of the article body."""
