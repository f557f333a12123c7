"""Use cases: each takes a UnitOfWork first, commits once, and returns plain views."""
