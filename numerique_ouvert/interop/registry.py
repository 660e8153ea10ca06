"""Imports every format module of the package so each registers its importer."""

from importlib import import_module

# Format modules shipped with the package; a module missing here (not written yet, or left out)
# is simply not offered.
FORMAT_MODULES = ["publiccode", "catalogi", "markdown"]

for _name in FORMAT_MODULES:
    try:
        import_module(f"numerique_ouvert.interop.{_name}")
    except ModuleNotFoundError as error:
        if error.name != f"numerique_ouvert.interop.{_name}":
            raise
