"""Documents made from core objects: Word minutes, headlines, the action log, CSV.

python-docx is imported only inside this package, and nothing here imports Qt.
Import the exporter you need from its module (``export.minutes``,
``export.headlines``, ``export.action_log``) so that loading this package
stays cheap.
"""
