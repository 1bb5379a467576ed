"""Reading inputs: files, directories, feeds, crawls and stdin become raw articles
(``sources``), cleaned of the web around them with every removal recorded (``clean``), with
their language (``language``).

The modules inside are internal; this package's names are its interface.
"""

from .clean import clean
from .language import detect_language
from .sources import RawArticle, read_path, read_paths

__all__ = ["RawArticle", "clean", "detect_language", "read_path", "read_paths"]
