"""Grammar: the string grammars of news that need no model (numbers and amounts, time expressions,
their shared vocabulary), used by cleaning (publication dates) and extraction alike."""
