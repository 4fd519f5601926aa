"""Everything tthc writes: terminal tables, machine formats, documents. Reads findings only."""
