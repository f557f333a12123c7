"""Corrections: put a mistake right by appending a row that points at it, never by erasing.

`undo` reverts a region's latest lifecycle event; `amend` replaces the note of an audit
row (the old text stays in the audit). Voiding blockers and letters, and correcting or
ending an official's tenure, live with their own areas and follow the same rule.
"""
