"""The engine: models, database, services, clock, working days, region lookup."""

__version__ = "0.1.0"
