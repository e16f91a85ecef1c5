"""Model → publication: what the public may see. Drafts, embargoes, withdrawals and private
business leave the model here, officer Markdown is sanitised, and publication dates come from git."""
