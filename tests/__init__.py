"""Test suite of numerique-ouvert: one folder per feature, plus features/ and integration/."""
