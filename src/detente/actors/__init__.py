"""Actors: names in an article resolved to countries, sectors and roles."""
