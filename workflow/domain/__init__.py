"""The rules of the engine: what acts on a session or on plain objects, below the use cases."""
