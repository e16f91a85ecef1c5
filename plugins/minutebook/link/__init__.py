"""Publication → links: references between minutes, topics, work-programme planning, the
recommendations tracker, legal checks and redirects for moved pages."""
