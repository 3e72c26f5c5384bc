"""Tests of actbook.training (a package only so that test basenames may repeat across layers)."""
