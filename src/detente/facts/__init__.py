"""Facts beside the events: dates, amounts, themes and tone, each a pure function of the parse.

The modules inside are internal; this package's names are its interface.
"""

from .amounts import find_amounts
from .dates import find_dates
from .themes import article_themes, event_themes, find_theme_triggers
from .tone import find_tone

__all__ = ["article_themes", "event_themes", "find_amounts", "find_dates", "find_theme_triggers", "find_tone"]
