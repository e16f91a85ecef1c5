"""Tools for people working on an archive or on Minutebook: ``minutebook new`` scaffolds and the
synthetic archives of ``minutebook demo``."""
