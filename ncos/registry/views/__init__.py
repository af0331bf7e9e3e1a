"""The register's pages (thin: they open the person, call a service or selector, render)."""
