-- What the coder read after an event's rule fired (an intention, a refusal, each way …), typed:
-- the rule column keeps the pattern or event noun alone.
ALTER TABLE events ADD COLUMN steps STRUCT(kind VARCHAR, detail VARCHAR)[];
