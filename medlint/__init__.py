"""medlint: a content-quality linter for medical and health articles."""

__version__ = "0.1.0"
