"""triangulate: many articles about the same events in, a cited cross-source briefing out.

The public API::

    from triangulate import Settings, brief, render

    briefing = brief(["articles/"], Settings(summary_sentences=5))
    print(render(briefing, "md"))
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("triangulate")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+unknown"

__all__ = [
    "Article",
    "Briefing",
    "Rejected",
    "Settings",
    "TriangulateError",
    "__version__",
    "brief",
    "render",
]

_LAZY = {
    "brief": ("pipeline", "brief"),
    "render": ("report", "render"),
    "Settings": ("settings", "Settings"),
    "Article": ("model", "Article"),
    "Briefing": ("model", "Briefing"),
    "Rejected": ("model", "Rejected"),
    "TriangulateError": ("errors", "TriangulateError"),
}


def __getattr__(name: str):
    """Import the public names on first use, so `triangulate --version` stays instant."""
    if name in _LAZY:
        from importlib import import_module

        module, attribute = _LAZY[name]
        return getattr(import_module(f".{module}", __name__), attribute)
    raise AttributeError(f"module 'triangulate' has no attribute {name!r}")
