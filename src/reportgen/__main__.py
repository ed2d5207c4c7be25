"""``python -m reportgen`` runs the command line."""

from .console import main

main()
