"""jixiao: extraction of project performance records from Chinese budget documents."""

__version__ = "0.1.0"
