"""The shared argument checks, as the training modules import them (:mod:`actbook._checks`)."""

from .._checks import generator, integer, positive, real, seed_sequence

__all__ = ["generator", "integer", "positive", "real", "seed_sequence"]
