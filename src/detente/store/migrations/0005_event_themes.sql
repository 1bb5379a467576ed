-- An event's themes: those of its CAMEO code and those triggered in its sentence.
ALTER TABLE events ADD COLUMN themes VARCHAR[];
