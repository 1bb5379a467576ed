"""The packaged knowledge: data-file loaders, the actor lexicon, PETRARCH/TABARI dictionaries."""
