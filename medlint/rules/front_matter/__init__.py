"""Front-matter rules: the YAML/TOML header of Markdown articles."""
