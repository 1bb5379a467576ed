"""Quotations and their speakers.

``marks`` reads quotation marks and transcript turns, ``reported`` reported speech, ``speakers``
who speaks and which actor that is; ``attribute`` runs them and settles them against each other
(``find_quotes``). The modules inside are internal.
"""

from .attribute import find_quotes

__all__ = ["find_quotes"]
