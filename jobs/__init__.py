"""Scheduled work: the reminder sweep (one pass) and the daemon that repeats it."""
