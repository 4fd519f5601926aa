"""Nightly runs: the baseline of accepted findings and the history database of past runs."""
