"""The performance bars of PRODUCT.md, measured side by side: run `python -m benchmarks` from the repo root.

Never imported by the app and never run under pytest (only the pure helpers in `stats` and `report`
have unit tests, in tests/unit/benchmarks/).
"""
