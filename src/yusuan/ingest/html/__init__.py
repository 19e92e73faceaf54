"""HTML reader."""
