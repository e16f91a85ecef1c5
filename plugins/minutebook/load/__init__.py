"""Files → model: YAML read as written, the schema of every field, the file formats and the
readers that turn a meetings folder into an :class:`~minutebook.model.Archive`."""
