"""newsledger: turn a pile of news pages into an evidence-linked ledger."""

__version__ = "0.1.0"
