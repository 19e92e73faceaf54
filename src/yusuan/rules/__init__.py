"""The check catalogue: one module per rule, metadata in catalog.csv."""
