-- Stories: near-duplicate articles grouped (detente.stories); the signature lets a later run
-- rebuild the index and keep grouping new articles into the same stories.
CREATE TABLE stories (
    article_id VARCHAR PRIMARY KEY,
    story_id   VARCHAR NOT NULL,
    signature  BLOB NOT NULL
);
