"""Interoperability: imports (publiccode.yml, SILL/Catalogi, Markdown) and exports of the portal's content."""
