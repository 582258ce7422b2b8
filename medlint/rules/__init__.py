"""Rules, one module each, grouped by family. See ``registry`` for how they are found."""
