"""A catalog's life between decisions: compare two versions (diff, and the annex it feeds), merge
catalogs (merge), and convert between YAML and the workbook (convert/)."""
