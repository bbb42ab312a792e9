"""ClaimGraph: claims, the sentences they are made in, and the evidence they rest on."""

__version__ = "0.1.0"
