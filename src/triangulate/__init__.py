"""triangulate: many articles about the same events in, a cited cross-source briefing out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("triangulate")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
