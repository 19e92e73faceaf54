"""Imported by the job runner's fork server (store/jobs.py, PRELOAD): every reader's code and every rule
loaded once there, so that a job's child does not spend half a second importing them for its first file."""

from yusuan.model.formats import readers
from yusuan.rules.registry import load_rules

for _reader in readers():
    _reader.load()
load_rules()
