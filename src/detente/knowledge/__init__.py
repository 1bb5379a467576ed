"""The packaged knowledge: data files read with ``importlib.resources`` (``files``), the actor
lexicon (``lexicon``) and PETRARCH/TABARI dictionary files (``petrarch``). Loaders are cached and
nothing is read at import.

The modules inside are internal; this package's names are its interface.
"""

from .files import data_text, toml_data, tsv_rows, word_list
from .lexicon import Lexicon, load_lexicon
from .petrarch import convert, read_dictionary_dir

__all__ = [
    "Lexicon",
    "convert",
    "data_text",
    "load_lexicon",
    "read_dictionary_dir",
    "toml_data",
    "tsv_rows",
    "word_list",
]
