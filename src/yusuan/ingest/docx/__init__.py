"""DOCX reader."""
