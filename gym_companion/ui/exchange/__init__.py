"""Moving history in and out: the import wizard and the export dialog (File → Import… / Export…)."""
