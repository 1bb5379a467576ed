-- What reading and cleaning changed in an article's text (invalid UTF-8 replaced, control
-- characters removed, lone surrogates replaced), queryable beside the record that holds them.
ALTER TABLE articles ADD COLUMN warnings VARCHAR[];
