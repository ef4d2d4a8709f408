"""Read: turn inputs (paths, folders, JSON Lines, WARC, URLs) into ``Document`` records.

Readers never interpret content; they decode bytes, say where each document came from and
report every failure with the input's name and the reason.
"""

from newsledger.ingest.readers import ReadError, expand_inputs, read_input

__all__ = ["ReadError", "expand_inputs", "read_input"]
