"""triangulate: many articles about the same events in, a cited cross-source briefing out.

The public API::

    from triangulate import Settings, brief, brief_documents, render, to_dict

    briefing = brief(["articles/"], Settings(summary_sentences=5))  # files, folders, globs
    briefing = brief_documents(["First article text...", {"text": "...", "source": "Outlet"}])
    print(render(briefing, "md"))  # or "json", "html"
    data = to_dict(briefing)  # the JSON report as Python values; triangulate.schema() describes it
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
    "brief_documents",
    "render",
    "schema",
    "to_dict",
]

_LAZY = {
    "brief": ("pipeline", "brief"),
    "brief_documents": ("pipeline", "brief_documents"),
    "render": ("report", "render"),
    "schema": ("report.json", "schema"),
    "to_dict": ("report.json", "briefing_to_dict"),
    "Settings": ("settings", "Settings"),
    "Article": ("model", "Article"),
    "Briefing": ("model", "Briefing"),
    "Rejected": ("model", "Rejected"),
    "TriangulateError": ("errors", "TriangulateError"),
}


def __getattr__(name: str) -> object:
    """Import the public names on first use, so `triangulate --version` stays instant."""
    if name in _LAZY:
        from importlib import import_module

        module, attribute = _LAZY[name]
        return getattr(import_module(f".{module}", __name__), attribute)
    raise AttributeError(f"module 'triangulate' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names too, though they are imported only on first use."""
    return sorted({*globals(), *__all__})
