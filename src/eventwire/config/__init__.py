"""Packaged pipeline configs (TOML). ``default.toml`` is what ``eventwire`` runs."""
