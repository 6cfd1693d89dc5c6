"""The action grid: item 2 (Actions Outstanding) reviewed during the call.

One row per action carried forward, in the secretary's order, then the
actions raised at this meeting (read-only, marked "new").  Status, update
and revised target are edited in place; Ctrl+Alt+C closes and Ctrl+Alt+O
reopens the selected actions.  Filters narrow the rows; header clicks sort
(a third click on a header restores the secretary's order).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opsg_desktop.core.model import ActionStatus
from opsg_desktop.ui.models.action_filter import ActionFilterProxy, Origin
from opsg_desktop.ui.models.action_grid_model import (
    ACTION,
    ID,
    OWNER,
    RAISED,
    REVISED,
    STATUS,
    TARGET,
    UPDATE,
    ActionGridModel,
)
from opsg_desktop.ui.session import MeetingSession

UPDATE_HELP = "Enter saves the update · Shift+Enter starts a new line · Esc cancels"
TARGET_HELP = "A date (11 June, 24/06/2021, next meeting), or text such as 'To be confirmed'"
_MAX_LINES = 3  # every row shows three lines; the tooltip shows the rest
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
#: The widest thing each narrow column usually shows.
_COLUMN_SAMPLES = {
    ID: "OPSG 45/CONF02",
    OWNER: "SECAS & DCC",
    RAISED: "22/02/2021",
    TARGET: "22/02/2021",
    REVISED: "Revised target",
    STATUS: "Closed",
}


class ActionGridDelegate(QStyledItemDelegate):
    """Editors for status (combo), update (multi-line) and revised target (line edit)."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802
        if index.column() == STATUS:
            combo = QComboBox(parent)
            combo.setAccessibleName("Status editor")
            for status in ActionStatus:
                combo.addItem(status.value.capitalize(), status.value)
            combo.activated.connect(lambda _=0: self._finish(combo))
            return combo
        if index.column() == UPDATE:
            editor = QPlainTextEdit(parent)
            editor.setAccessibleName("Update editor")
            editor.setToolTip(UPDATE_HELP)
            editor.setTabChangesFocus(True)
            return editor
        editor = super().createEditor(parent, option, index)
        editor.setAccessibleName("Revised target editor")
        editor.setToolTip(TARGET_HELP)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(str(value))))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value or "")
            editor.moveCursor(editor.textCursor().MoveOperation.End)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText())
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(self, editor: QWidget, option, index: QModelIndex) -> None:  # noqa: N802
        rect = option.rect
        if isinstance(editor, QPlainTextEdit):
            rect.setHeight(max(rect.height(), option.fontMetrics.lineSpacing() * 6))
        editor.setGeometry(rect)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802
        """In the update editor Enter commits and Shift+Enter adds a line."""
        if (
            isinstance(editor, QPlainTextEdit)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in _ENTER
        ):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                editor.insertPlainText("\n")
            else:
                self._finish(editor)
            return True
        return super().eventFilter(editor, event)

    def _finish(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)


class _GridView(QTableView):
    """The grid edits on F2, Enter or a double-click only: stray letters edit nothing."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        editing = self.state() == QAbstractItemView.State.EditingState
        if event.key() in _ENTER and not editing and self.currentIndex().isValid():
            self.edit(self.currentIndex())
            return
        super().keyPressEvent(event)


class ActionGridPane(QWidget):
    """Filters above a table of the actions outstanding and this meeting's new actions."""

    message = Signal(str)  # something for the status bar

    def __init__(self, session: MeetingSession, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = ActionGridModel(session, self)
        self.model.refused.connect(self.message.emit)
        self.proxy = ActionFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._make_table()
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._kept: tuple[int, int] | None = None
        self._build_filters()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._filter_bar)
        layout.addWidget(self.table)
        self.close_action = self._shortcut("Close action", "Ctrl+Alt+C", ActionStatus.CLOSED)
        self.reopen_action = self._shortcut("Reopen action", "Ctrl+Alt+O", ActionStatus.OPEN)
        self.proxy.modelAboutToBeReset.connect(self._keep_current)
        self.proxy.modelReset.connect(self._restore_current)
        # Counted once per change: a filter change removes rows in many ranges, and
        # counting at each one made typing into the filter quadratic in the rows.
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.dataChanged, self.proxy.layoutChanged):  # fmt: skip
            signal.connect(self._count_unless_filtering)
        self.proxy.filtered.connect(self._update_counts)
        self.model.modelReset.connect(self._fill_owners)
        self.model.dataChanged.connect(self._fill_owners)
        self._update_counts()

    def focus_main(self) -> None:
        """Put the keyboard on the grid, on the first row if none is current."""
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, UPDATE))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building -------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = _GridView(self)
        table.setAccessibleName("Action grid")
        table.setModel(self.proxy)
        table.setItemDelegate(ActionGridDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        table.setWordWrap(True)
        table.verticalHeader().hide()
        # Fixed sizes: sizing rows or columns to their contents asks every cell of a
        # ten-year log for its size on each refresh, which stalled typing.
        metrics = table.fontMetrics()
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(metrics.lineSpacing() * _MAX_LINES + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, sample in _COLUMN_SAMPLES.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        for column in (ACTION, UPDATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sectionClicked.connect(self._header_clicked)
        return table

    def _build_filters(self) -> None:
        self.text_filter = QLineEdit(self)
        self.text_filter.setAccessibleName("Text filter")
        self.text_filter.setPlaceholderText("Filter by id, action or update")
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.textChanged.connect(self.proxy.set_text)
        all_owners = [("All owners", None)]
        self.owner_filter = self._combo("Owner filter", all_owners, self.proxy.set_owner)
        self._fill_owners()
        statuses = [("Open and closed", None)] + [(s.value.capitalize(), s) for s in ActionStatus]
        self.status_filter = self._combo("Status filter", statuses, self.proxy.set_status)
        origins = [("All actions", Origin.ALL), ("Carried forward", Origin.CARRIED),
                   ("Raised at this meeting", Origin.NEW)]  # fmt: skip
        self.meeting_filter = self._combo("Meeting filter", origins, self.proxy.set_origin)
        self.counts = QLabel(self)
        self.counts.setAccessibleName("Action counts")
        bar = self._filter_bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)
        bar.addWidget(self.text_filter, 2)
        for combo in (self.owner_filter, self.status_filter, self.meeting_filter):
            bar.addWidget(combo)
        bar.addWidget(self.counts, 1, Qt.AlignmentFlag.AlignRight)

    def _combo(self, name: str, entries: list[tuple[str, object]], apply) -> QComboBox:
        """A filter combo whose chosen entry's data is handed to ``apply``."""
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        for text, data in entries:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(lambda _: apply(combo.currentData()))
        return combo

    def _shortcut(self, text: str, keys: str, status: ActionStatus) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: self.set_selected_status(status))
        self.addAction(action)
        return action

    # -- behaviour ------------------------------------------------------------

    def set_selected_status(self, status: ActionStatus) -> int:
        """Open or close the selected carried-forward actions; how many changed."""
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        source = [self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in sorted(rows)]
        reviews = [self.model.row_at(r).review for r in source]
        reviews = [r for r in reviews if r is not None and r.status != status]
        stack = self.session.undo_stack
        if len(reviews) > 1:
            verb = "Close" if status == ActionStatus.CLOSED else "Reopen"
            stack.beginMacro(f"{verb} {len(reviews)} actions")
        for review in reviews:
            self.model.set_status(review, status)
        if len(reviews) > 1:
            stack.endMacro()
        return len(reviews)

    def _header_clicked(self, column: int) -> None:
        """Ascending, then descending, then back to the secretary's order."""
        if self._sort is None or self._sort[0] != column:
            self._sort = (column, Qt.SortOrder.AscendingOrder)
        elif self._sort[1] == Qt.SortOrder.AscendingOrder:
            self._sort = (column, Qt.SortOrder.DescendingOrder)
        else:
            self._sort = None
        column, order = self._sort or (-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(column, order)
        self.table.horizontalHeader().setSortIndicator(column, order)

    def _keep_current(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            row = self.proxy.mapToSource(current).row()
            self._kept = (self.model.row_at(row).key, current.column())

    def _restore_current(self) -> None:
        kept, self._kept = self._kept, None
        if kept is None:
            return
        index = self.proxy.mapFromSource(self.model.index(self.model.row_of_key(kept[0]), kept[1]))
        if index.isValid():
            self.table.setCurrentIndex(index)

    def _fill_owners(self) -> None:
        combo, chosen = self.owner_filter, self.owner_filter.currentData()
        owners = self.model.owners()
        if [combo.itemData(i) for i in range(1, combo.count())] == owners:
            return
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for owner in owners:
            combo.addItem(owner, owner)
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
        combo.blockSignals(False)
        self.proxy.set_owner(combo.currentData())

    def _count_unless_filtering(self) -> None:
        if not self.proxy.filtering:
            self._update_counts()

    def _update_counts(self) -> None:
        shown, closed = self.proxy.counts()
        text = (
            f"{shown} action{'s' if shown != 1 else ''} · {shown - closed} open · {closed} closed"
        )
        total = self.model.rowCount()
        self.counts.setText(text if shown == total else f"{text} (of {total})")
