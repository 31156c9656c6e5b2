"""Everything that reads the outside world: site discovery, download, raw store, and PDF -> Report."""
