"""Federation: commons and events of other numerique-ouvert instances, shown here as references
(see docs/federation.md)."""
