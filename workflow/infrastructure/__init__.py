"""Storage: engine and sessions, the unit of work, the mapped tables and their migrations."""
