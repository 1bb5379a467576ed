"""The pipeline: raw article to record, one at a time, in batches, in workers, into the store."""
