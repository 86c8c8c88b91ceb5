"""Engines that run the pipeline somewhere other than local processes (Ray)."""
