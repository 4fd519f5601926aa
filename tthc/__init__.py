"""tthc: keep Vietnam's catalogs of administrative procedures (thủ tục hành chính) honest."""

__version__ = "0.1.0"
