"""``python -m reportgen`` runs the command line."""

from .cli.console import main

main()
