"""Rendering: templates, Markdown, HTML and Word output from plain dicts (no models)."""
