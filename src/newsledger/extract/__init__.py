"""Extract: facts from article text (figures, quotes, entities), each pointing back by offsets."""
