"""A tree model over the open meeting's agenda: items and sub-items."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from opsg_desktop.core.classification import effective_items
from opsg_desktop.core.model import AgendaItem, Meeting

_Index = QModelIndex | QPersistentModelIndex
ItemRole = Qt.ItemDataRole.UserRole + 1


class AgendaModel(QAbstractItemModel):
    """Columns: number and title, presenter, classification, headline mark."""

    HEADERS = ("Item", "Presenter", "Level", "Headline")

    def __init__(self, meeting: Meeting, parent=None) -> None:
        super().__init__(parent)
        self._meeting = meeting
        self._parents: dict[int, AgendaItem | None] = {}
        self._levels: dict[int, str] = {}
        #: Called with (item, new title) when the title is edited in place.
        self.on_rename: Callable[[AgendaItem, str], None] | None = None
        self._index_tree()

    def refresh(self) -> None:
        """Re-read the agenda after a change (cheap: agendas are short)."""
        self.beginResetModel()
        self._index_tree()
        self.endResetModel()

    def _index_tree(self) -> None:
        self._parents.clear()

        def walk(items: list[AgendaItem], parent: AgendaItem | None) -> None:
            for item in items:
                self._parents[id(item)] = parent
                walk(item.items, item)

        walk(self._meeting.agenda, None)
        self._levels = {id(i): lvl.label for i, lvl in effective_items(self._meeting)}

    def siblings(self, item: AgendaItem | None) -> list[AgendaItem]:
        """The list holding ``item`` (the agenda itself for a top-level one)."""
        parent = self._parents.get(id(item)) if item is not None else None
        return parent.items if parent is not None else self._meeting.agenda

    def parent_item(self, item: AgendaItem) -> AgendaItem | None:
        return self._parents.get(id(item))

    def item_at(self, index: _Index) -> AgendaItem | None:
        return index.internalPointer() if index.isValid() else None

    def index_of(self, item: AgendaItem, column: int = 0) -> QModelIndex:
        if id(item) not in self._parents:
            return QModelIndex()
        row = next(i for i, x in enumerate(self.siblings(item)) if x is item)
        return self.createIndex(row, column, item)

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        children = self._children(parent)
        if not (0 <= row < len(children) and 0 <= column < len(self.HEADERS)):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: _Index = QModelIndex()):  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        owner = self._parents.get(id(index.internalPointer()))
        return self.index_of(owner) if owner is not None else QModelIndex()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def _children(self, parent: _Index) -> list[AgendaItem]:
        return self.item_at(parent).items if parent.isValid() else self._meeting.agenda

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        item = self.item_at(index)
        if item is None:
            return None
        if role == ItemRole:
            return item
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.EditRole,
        ):
            return self._display(item, index.column(), role)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Item {item.number} {item.title}"
        return None

    def _display(self, item: AgendaItem, column: int, role: int) -> str | None:
        if column == 0:
            if role == Qt.ItemDataRole.EditRole:
                return item.title
            return f"{item.number}  {item.title}"
        if column == 1:
            return item.presenter or ""
        if column == 2:
            level = self._levels.get(id(item), "")
            own = item.classification is not None
            inherited = not own and role == Qt.ItemDataRole.ToolTipRole
            return level.capitalize() + (" (inherited)" if inherited else "")
        if item.headline is None:
            return "" if role == Qt.ItemDataRole.DisplayRole else "Not in the headlines"
        return "✓" if role == Qt.ItemDataRole.DisplayRole else item.headline or "(title only)"

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item_at(index)
        if item is None or index.column() != 0 or role != Qt.ItemDataRole.EditRole:
            return False
        if self.on_rename is not None:
            self.on_rename(item, str(value))
        return True

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid():
            return flags | Qt.ItemFlag.ItemIsDropEnabled
        flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None
