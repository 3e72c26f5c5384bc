"""Tests of actbook.figures (a package only so that test basenames may repeat across layers)."""
