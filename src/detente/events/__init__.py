"""The event coder: CAMEO and PLOVER events with the sentence and rule behind each.

``coder`` runs it (``find_events``): ``verbs`` reads the verb dictionary, ``patterns`` and ``flat``
match its patterns, ``arguments`` and ``phrases`` find sources and targets, ``nominal`` codes event
nouns, ``said`` what was said, ``decisions`` turns a decision into events, ``ontology`` says what
codes mean and ``rules`` how they combine; ``explain`` prints the decisions. The modules inside
are internal.
"""

from .coder import find_events
from .explain import explain_record
from .ontology import goldstein_of, plover_of

__all__ = ["explain_record", "find_events", "goldstein_of", "plover_of"]
