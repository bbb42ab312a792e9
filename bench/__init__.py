"""Benchmarks (not tests): `python -m bench.load`, `python -m bench.queries`."""
