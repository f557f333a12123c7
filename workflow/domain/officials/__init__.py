"""Officials: the region's counterparts and their tenures."""
