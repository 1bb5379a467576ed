"""The event coder: CAMEO and PLOVER events with the sentence and rule behind each."""
