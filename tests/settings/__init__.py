"""Settings variants run in subprocesses by the integration tests (INSTALLED_APPS is fixed
within one process)."""
