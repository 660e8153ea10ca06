"""Benchmark of the portal's public pages on a large, bulk-built site (see benchmarks/README.md)."""
