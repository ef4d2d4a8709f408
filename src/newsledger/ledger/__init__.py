"""The ledger: one SQLite file a user can open with any SQLite tool."""
