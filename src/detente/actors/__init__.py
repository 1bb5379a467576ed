"""Actors: an article's names resolved to countries, sectors and roles.

``mentions`` finds what the lexicon knows, ``names`` what spaCy's entities add, ``coreference``
links surnames, role descriptions and pronouns, and ``resolve`` runs them and groups mentions
into actors (``find_actors``). The modules inside are internal.
"""

from .resolve import actors_by_token, find_actors

__all__ = ["actors_by_token", "find_actors"]
