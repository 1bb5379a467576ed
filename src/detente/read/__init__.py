"""Reading inputs: files, feeds and crawls into raw articles, cleaned, with their language."""
