-- The agency that reported a statement ("TASS reported citing Rudenko").
ALTER TABLE quotes ADD COLUMN reported_by VARCHAR;
