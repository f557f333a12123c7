"""Blockers: the log (open, resolve, find) and the one view of a blocker."""
