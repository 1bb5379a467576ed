-- Tone in GDELT's convention on each article, and the words behind each article theme.
ALTER TABLE articles ADD COLUMN tone DOUBLE;
ALTER TABLE articles ADD COLUMN tone_positive DOUBLE;
ALTER TABLE articles ADD COLUMN tone_negative DOUBLE;
ALTER TABLE articles ADD COLUMN word_count INTEGER;
ALTER TABLE themes ADD COLUMN triggers INTEGER;

CREATE TABLE theme_triggers (
    article_id VARCHAR NOT NULL,
    trigger_no INTEGER NOT NULL,
    theme      VARCHAR NOT NULL,
    text       VARCHAR NOT NULL,
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL
);
