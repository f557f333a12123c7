"""KSM pre-monitoring: the sheet's cells, scoring, the registry, the file formats."""
