"""Rendering of letters, agreements and reports: pure functions over plain dicts.

`documents` never imports `workflow.infrastructure.models`: a service builds a plain context and
asks `documents.render.render_markdown(template, context)`; the Markdown text is the
one source every format comes from (`documents.output.write_document`).
"""
