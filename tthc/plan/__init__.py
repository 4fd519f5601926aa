"""The simplification plan: findings → plan (build), compliance cost (cost), the officer's decisions
(decisions), what makes it a document one can file (filing), and what `recommend`/`cost` run (service)."""
