"""Headline and cited briefing for one event."""

from .extractive import summarize

__all__ = ["summarize"]
