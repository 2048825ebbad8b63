"""``python -m eventwire`` runs the CLI."""
from .cli import main

main()
