"""Pages → outputs beside the pages: open data (JSON, CSV), feeds, calendars."""
