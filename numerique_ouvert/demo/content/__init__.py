"""Demo content, one module per feature; each ``build_*`` function is idempotent."""
