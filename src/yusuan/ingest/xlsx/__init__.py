"""XLSX reader."""
