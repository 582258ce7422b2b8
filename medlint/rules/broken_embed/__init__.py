"""Broken-embed rules: iframes, video shortcodes and images."""
