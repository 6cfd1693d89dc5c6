"""The four panes of the main window."""
