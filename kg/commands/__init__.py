"""One module per ``kg`` sub-command; each has ``register(subparsers)``.

A module adds its parser with ``set_defaults(func=...)``; the function takes the parsed
arguments and returns the exit code.  Add new commands to ``COMMANDS`` in kg/cli.py.
Options several commands share are in :mod:`kg.commands.options`.  Modules import
only what building the parser needs at the top; the rest when the command runs.
"""
