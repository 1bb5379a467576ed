"""The ``detente`` command: thin commands over the library (``commands``) and the text they
print for people (``console``). The modules inside are internal.
"""

from .commands import entry, main

__all__ = ["entry", "main"]
