"""The Qt layer: widgets and models over the core and the store."""
