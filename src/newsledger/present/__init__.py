"""Present: exports and reports written from the ledger."""
