"""The window's commands as data: id, text, shortcut, menu, what it calls.

Menus, the toolbar and the F1 help sheet are all built from ``ACTIONS``,
so a shortcut is declared in one place only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    menu: str
    shortcut: str = ""
    handler: str = ""  # a method of the main window
    tip: str = ""
    checkable: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("new_meeting", "&New Meeting from This One…", "&Meeting", "Ctrl+N", "new_meeting",
               "Create the next meeting: roster, agenda titles and open actions carry over"),
    ActionSpec("open_meeting", "&Open Meeting…", "&Meeting", "Ctrl+O", "choose_meeting"),
    ActionSpec("import_meeting", "&Import Meeting File…", "&Meeting", "", "import_meeting"),
    ActionSpec("properties", "Meeting &Properties…", "&Meeting", "Ctrl+Shift+M", "edit_properties"),
    ActionSpec("group_settings", "&Group Settings…", "&Meeting", "", "group_settings",
               "Name, categories, organisations, decision verbs and wordings of the group"),
    ActionSpec("check", "&Check Before Sending…", "&Meeting", "F7", "run_check",
               "What is missing or inconsistent; Enter on a finding goes to it"),
    ActionSpec("send_comments", "&Send for Comments…", "&Meeting", "", "send_for_comments",
               "Export the draft and open an email to the members with it attached"),
    ActionSpec("versions", "&Versions, Comments and Final…", "&Meeting", "", "show_versions"),
    ActionSpec("restore_backup", "&Restore from Backup…", "&Meeting", "", "restore_from_backup",
               "Put a backup of the database back; the current file is kept"),
    ActionSpec("quit", "&Quit", "&Meeting", "Ctrl+Q", "close"),
    ActionSpec("undo", "&Undo", "&Edit", "Ctrl+Z", "undo"),
    ActionSpec("redo", "&Redo", "&Edit", "Ctrl+Shift+Z", "redo"),
    ActionSpec("search", "&Search All Meetings…", "&Edit", "Ctrl+F", "search"),
    ActionSpec("raise_action", "Raise &Action", "&Insert", "Ctrl+Shift+A", "raise_action",
               "Make the current paragraph an action; its id appears at once"),
    ActionSpec("record_decision", "Record &Decision", "&Insert", "Ctrl+Shift+D", "record_decision",
               "Make the current paragraph a decision (NOTED, AGREED, …)"),
    ActionSpec("sub_heading", "Sub-&heading", "&Insert", "Ctrl+Shift+H", "toggle_heading"),
    ActionSpec("outstanding_table", "Actions &Outstanding Table", "&Insert", "Ctrl+Shift+T",
               "place_outstanding", "Place the table of actions outstanding in this item"),
    ActionSpec("link", "&Link…", "&Insert", "Ctrl+K", "add_link",
               "Link the selected words to a web page or an email address"),
    ActionSpec("list_entry", "List &Entry (Bullet, Number, Letter)", "&Insert", "Ctrl+Shift+L",
               "cycle_list", "Make the paragraph a bullet, numbered or lettered entry, or plain"),
    ActionSpec("focus_attendees", "&Attendees", "&Go", "Ctrl+1", "focus_attendees"),
    ActionSpec("focus_agenda", "A&genda", "&Go", "Ctrl+2", "focus_agenda"),
    ActionSpec("focus_notes", "&Notes", "&Go", "Ctrl+3", "focus_notes"),
    ActionSpec("focus_actions", "Action &Grid", "&Go", "Ctrl+4", "focus_actions"),
    ActionSpec("action_log", "Action &Log", "&Go", "Ctrl+L", "show_action_log",
               "Every action of every meeting: filters, per-owner counts, open against closed"),
    ActionSpec("next_item", "Ne&xt Item", "&Go", "Alt+Down", "next_item"),
    ActionSpec("previous_item", "&Previous Item", "&Go", "Alt+Up", "previous_item"),
    ActionSpec("export_minutes", "&Minutes…", "E&xport", "Ctrl+E", "export_minutes"),
    ActionSpec("export_headlines", "&Headlines…", "E&xport", "", "export_headlines"),
    ActionSpec("preview_headlines", "Headlines Pre&view…", "E&xport", "", "preview_headlines"),
    ActionSpec("export_actions", "&Action Log…", "E&xport", "", "export_action_log"),
    ActionSpec("open_after_export", "&Open the File After Export", "E&xport", "", "",
               checkable=True),
    ActionSpec("shortcuts", "&Keyboard Shortcuts", "&Help", "F1", "show_shortcuts"),
    ActionSpec("open_log_folder", "Open &Log Folder", "&Help", "", "open_log_folder",
               "Show the folder of the error log in the file manager"),
    ActionSpec("about", "&About OPSG Secretary", "&Help", "", "show_about"),
)  # fmt: skip

#: Commands that act on the open meeting: off while none is open (the start page).
NEEDS_MEETING = frozenset({
    "new_meeting", "properties", "group_settings", "check", "send_comments", "versions",
    "raise_action", "record_decision", "sub_heading", "outstanding_table", "link",
    "list_entry", "focus_attendees", "focus_agenda", "focus_notes", "focus_actions",
    "next_item", "previous_item", "export_minutes", "export_headlines", "preview_headlines",
    "export_actions",
})  # fmt: skip

#: Commands that write to the database: off while it is open read-only.
WRITES = frozenset({
    "new_meeting", "import_meeting", "properties", "restore_backup", "raise_action",
    "record_decision", "sub_heading", "send_comments", "group_settings",
})  # fmt: skip

#: Keys that work inside one pane, for the help sheet.
PANE_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Attendees", "P / A / X", "Mark present / apologies / absent"),
    ("Attendees", "Space", "Cycle present → apologies → absent"),
    ("Attendees", "F2 / Delete", "Edit the person / remove from this roster"),
    ("Agenda", "Insert / Ctrl+Insert", "Add an item / a sub-item"),
    ("Agenda", "F2 / F4", "Rename the item / its presenter, level and headline"),
    ("Agenda", "Ctrl+Up / Ctrl+Down", "Move the item"),
    ("Agenda", "Enter", "Type the item's notes"),
    ("Notes", "Enter / Shift+Enter", "New paragraph / line break"),
    ("Notes", "Enter inside an action or decision", "A new paragraph of the same block"),
    ("Notes", "Enter on an empty list entry", "End the list"),
    ("Link bar", "Enter / Esc", "Link (an empty address removes the link) / cancel"),
    ("Decision bar", "Enter / Esc", "Record the verb shown / cancel"),
    ("Notes", "Tab", "Leave the notes (Ctrl+3 comes back)"),
    ("Action bar", "Tab, Enter / Esc", "Owner → target, record / cancel"),
    ("Action grid", "Ctrl+Alt+C / Ctrl+Alt+O", "Close / reopen the selected action"),
)


def build_actions(window) -> dict[str, QAction]:
    """QActions for every spec, connected to the window's handlers."""
    built = {}
    for spec in ACTIONS:
        action = QAction(spec.text, window)
        action.setObjectName(spec.id)
        if spec.shortcut:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.tip:
            action.setStatusTip(spec.tip)
            action.setToolTip(spec.tip)
        action.setCheckable(spec.checkable)
        if spec.handler:
            action.triggered.connect(getattr(window, spec.handler))
        built[spec.id] = action
    return built
