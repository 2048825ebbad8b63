"""Score floors, one JSON file per evaluation task: {metric: floor}."""
