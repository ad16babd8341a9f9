"""Benchmarks through a real server (manage.py bench_catalog)."""
