"""What a person reads on a terminal: the console and its tables and progress (console), the
findings of `check` (findings), the tables of `stats` (stats)."""
