"""Qt item models over the open meeting and the store."""
