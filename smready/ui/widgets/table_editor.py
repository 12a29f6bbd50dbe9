"""A small editable table with Add / Remove buttons and a friendly empty state.

Used for the lists of the policy (accounts, spokespeople, responsibilities, crisis contacts,
ambassadors). Columns are text, checkbox or combo; rows go in and out as plain dicts so the
pages can turn them into domain models without knowing about Qt items.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smready.i18n import _

ColumnKind = Literal["text", "check", "combo"]
VALUE_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    kind: ColumnKind = "text"
    choices: Sequence[tuple[str, str]] = field(default_factory=tuple)
    """(value, label) pairs of a combo column."""
    free_text: bool = False
    """A combo column that also accepts any typed text (stored as typed)."""
    stretch: bool = False
    width: int = 0
    default: Any = None

    def label_for(self, value: Any) -> str:
        for choice_value, label in self.choices:
            if choice_value == value:
                return label
        return "" if value is None else str(value)

    def value_for(self, text: str) -> str:
        for choice_value, label in self.choices:
            if text in (label, choice_value):
                return choice_value
        return text.strip()


class _ComboDelegate(QStyledItemDelegate):
    """Edits combo columns with a QComboBox; other columns get the default line edit."""

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = columns

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        column = self._columns[index.column()]
        if column.kind != "combo":
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.setAccessibleName(column.title)
        combo.setEditable(column.free_text)
        for value, label in column.choices:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget,
                      index: QModelIndex | QPersistentModelIndex) -> None:
        column = self._columns[index.column()]
        if column.kind != "combo" or not isinstance(editor, QComboBox):
            super().setEditorData(editor, index)
            return
        value = index.data(VALUE_ROLE)
        position = editor.findData(value)
        if position >= 0:
            editor.setCurrentIndex(position)
        elif column.free_text:
            editor.setEditText("" if value is None else str(value))

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        column = self._columns[index.column()]
        if column.kind != "combo" or not isinstance(editor, QComboBox):
            super().setModelData(editor, model, index)
            return
        if column.free_text:
            value: Any = column.value_for(editor.currentText())
        else:
            value = editor.currentData()
        model.setData(index, value, VALUE_ROLE)
        model.setData(index, column.label_for(value), Qt.ItemDataRole.DisplayRole)


class _Table(QTableWidget):
    """Enter edits the current cell instead of leaving the page; Tab leaves the table;
    Delete removes the selected rows."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (event.key() == Qt.Key.Key_Delete
                and self.state() != QAbstractItemView.State.EditingState
                and self.currentRow() >= 0):
            self.delete_pressed.emit()
            event.accept()
            return
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.state() != QAbstractItemView.State.EditingState
            and self.currentItem() is not None
        ):
            item = self.currentItem()
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                checked = item.checkState() == Qt.CheckState.Checked
                item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
            else:
                self.editItem(item)
            event.accept()
            return
        super().keyPressEvent(event)


MAX_COLUMN_WIDTH = 320
"""A column fitted to its content stops here; longer text shows in full when edited."""


class TableEditor(QWidget):
    """A table of rows (dicts keyed by column key) with Add / Remove and an empty state."""

    rows_changed = Signal()
    """A cell was edited or a row was added or removed (not emitted by ``set_rows``)."""

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        name: str,
        empty_text: str,
        add_text: str | None = None,
        item: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._loading = False
        self._item = item or _("row")
        self.last_change: str = "edit"
        """What the latest ``rows_changed`` was: "add", "remove" or "edit"."""

        self.table = _Table(0, len(self._columns), self)
        self.table.setObjectName("tableEditorTable")
        self.table.setAccessibleName(name)
        self.table.setHorizontalHeaderLabels([c.title for c in self._columns])
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setItemDelegate(_ComboDelegate(self._columns, self.table))
        self.table.verticalHeader().setVisible(False)
        self.table.setCornerButtonEnabled(False)  # hidden with the row header anyway
        corner = self.table.findChild(QAbstractButton, "qt_tableview_cornerbutton")
        if corner is not None:
            corner.setAccessibleName(_("Select all rows"))
        self.table.setWordWrap(False)
        self._min_height, self._max_height = 150, 340
        self.table.setMinimumHeight(self._min_height)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for index, column in enumerate(self._columns):
            if column.stretch:
                header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(index, QHeaderView.ResizeMode.Interactive)
                self.table.setColumnWidth(index, column.width or 130)

        self.empty_label = QLabel(empty_text, self.table.viewport())
        self.empty_label.setObjectName("tableEditorEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setEnabled(False)  # drawn in the muted "disabled" text colour
        self.table.viewport().installEventFilter(self)

        self.add_button = QPushButton(add_text or _("Add"), self)
        self.add_button.setAccessibleName(add_text or _("Add a row"))
        self.remove_button = QPushButton(_("Remove"), self)
        self.remove_button.setAccessibleName(_("Remove the selected row"))
        self.remove_button.setEnabled(False)
        # Tabbing out of a cell must never land on a destructive button (a space would
        # remove the row): Remove takes no keyboard focus; the Delete key on a selected
        # row is the keyboard path, and both can be undone.
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove_button.setToolTip(_("Or select the row and press Delete"))
        self.table.delete_pressed.connect(self._on_remove_clicked)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self._update_empty_state()

    # -- public API ---------------------------------------------------------------------

    def change_label(self) -> str:
        """The Edit menu's name for the latest change: "Remove spokesperson"."""
        if self.last_change == "add":
            return _("Add {item}").format(item=self._item)
        if self.last_change == "remove":
            return _("Remove {item}").format(item=self._item)
        return _("Edit {item}").format(item=self._item)

    @property
    def columns(self) -> list[Column]:
        return list(self._columns)

    def set_height_limits(self, minimum: int, maximum: int) -> None:
        self._min_height, self._max_height = minimum, maximum
        self._fit_height()

    def row_count(self) -> int:
        return self.table.rowCount()

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        """Replace all rows without emitting ``rows_changed``."""
        self._loading = True
        try:
            self.table.setRowCount(0)
            for row in rows:
                self._append(row)
        finally:
            self._loading = False
        self._update_empty_state()
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Widen fixed columns to what they hold (an e-mail address, a role), up to a cap;
        the stretching column takes what is left. Only on load: never while typing."""
        for index, column in enumerate(self._columns):
            if column.stretch:
                continue
            wanted = max(self.table.sizeHintForColumn(index),
                         self.table.horizontalHeader().sectionSizeHint(index))
            base = column.width or 130
            self.table.setColumnWidth(index, min(max(base, wanted + 8), MAX_COLUMN_WIDTH))

    def rows(self) -> list[dict[str, Any]]:
        result = []
        for r in range(self.table.rowCount()):
            row: dict[str, Any] = {}
            for c, column in enumerate(self._columns):
                item = self.table.item(r, c)
                if column.kind == "check":
                    row[column.key] = bool(
                        item is not None and item.checkState() == Qt.CheckState.Checked
                    )
                elif column.kind == "combo":
                    value = item.data(VALUE_ROLE) if item is not None else None
                    row[column.key] = value if value is not None else ""
                else:
                    row[column.key] = item.text().strip() if item is not None else ""
            result.append(row)
        return result

    def add_row(self, values: dict[str, Any] | None = None, *, edit: bool = True) -> int:
        """Append a row (defaults for missing keys) and start editing its first cell."""
        row = self._append(values or {})
        self._update_empty_state()
        self.last_change = "add"
        self.rows_changed.emit()
        self.table.setCurrentCell(row, 0)
        if edit:
            self.table.setFocus()
            item = self.table.item(row, 0)
            if item is not None and not item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                self.table.editItem(item)
        return row

    def set_cell(self, row: int, key: str, value: Any) -> None:
        """Set one cell as if the user had edited it (emits ``rows_changed``)."""
        c = next(i for i, col in enumerate(self._columns) if col.key == key)
        item = self.table.item(row, c)
        if item is not None:
            self._fill_item(item, self._columns[c], value)

    def remove_row(self, row: int) -> None:
        self.table.removeRow(row)
        self._update_empty_state()
        self.last_change = "remove"
        self.rows_changed.emit()

    # -- internals ----------------------------------------------------------------------

    def _append(self, values: dict[str, Any]) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for c, column in enumerate(self._columns):
            item = QTableWidgetItem()
            if column.kind == "check":
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
            value = values.get(column.key, column.default)
            if column.kind == "combo" and value in (None, "") and column.choices \
                    and not column.free_text:
                value = column.choices[0][0]
            self._fill_item(item, column, value)
            self.table.setItem(row, c, item)
        return row

    @staticmethod
    def _fill_item(item: QTableWidgetItem, column: Column, value: Any) -> None:
        if column.kind == "check":
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         _("yes") if value else _("no"))
        elif column.kind == "combo":
            item.setData(VALUE_ROLE, value)
            item.setText(column.label_for(value))
        else:
            item.setText("" if value is None else str(value))

    def _fit_height(self) -> None:
        """Grow with the rows (up to a limit) so short lists need no scrolling."""
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        wanted = (self.table.horizontalHeader().height() + rows + 2 * self.table.frameWidth()
                  + self.table.horizontalScrollBar().sizeHint().height())
        self.table.setMinimumHeight(max(self._min_height, min(wanted, self._max_height)))

    def _update_empty_state(self) -> None:
        self._fit_height()
        empty = self.table.rowCount() == 0
        self.empty_label.setVisible(empty)
        self._place_empty_label()

    def _place_empty_label(self) -> None:
        viewport = self.table.viewport()
        margin = 16
        self.empty_label.setGeometry(
            margin, margin, max(0, viewport.width() - 2 * margin),
            max(0, viewport.height() - 2 * margin),
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._place_empty_label()
        return super().eventFilter(watched, event)

    def _on_add_clicked(self) -> None:
        self.add_row()

    def _on_remove_clicked(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        if not rows:
            return
        for row in rows:
            self.table.removeRow(row)
        self._update_empty_state()
        self.last_change = "remove"
        self.rows_changed.emit()
        if self.table.rowCount():
            self.table.setCurrentCell(min(rows[-1], self.table.rowCount() - 1), 0)
            self.table.setFocus()
        else:
            self.add_button.setFocus()

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        column = self._columns[item.column()]
        if column.kind == "check":
            checked = item.checkState() == Qt.CheckState.Checked
            wanted = _("yes") if checked else _("no")
            if item.data(Qt.ItemDataRole.AccessibleTextRole) != wanted:
                item.setData(Qt.ItemDataRole.AccessibleTextRole, wanted)
        if not self._loading:
            self.last_change = "edit"
            self.rows_changed.emit()

    def _on_table_selection_changed(self) -> None:
        self.remove_button.setEnabled(
            bool(self.table.selectedIndexes()) or self.table.currentRow() >= 0
        )
