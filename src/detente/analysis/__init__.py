"""Analysis over the store: dyad series, shifts and the HTML report."""
