"""Clean: documents to articles (extraction, boilerplate removal, story splitting, dates, duplicates)."""
