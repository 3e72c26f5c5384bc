"""Tests of actbook.activations (a package only so that test basenames may repeat across layers)."""
