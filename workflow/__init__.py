"""The engine: models, database, services, clock, working days, region lookup."""
