"""Facts beside the events: dates, amounts, themes and tone."""
