"""The Qt-free, SQL-free domain: model, rules and their errors."""
