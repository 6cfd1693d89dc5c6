"""Draw the application icon at every size the platforms want, and write the files.

    .venv/bin/python packaging/make_icons.py

Writes (all committed; run again only to change the drawing):
- ``opsg_desktop/resources/icon.png`` (256 px): the window icon, package data;
- ``packaging/linux/<APP_ID>.png`` (256 px): the icon the desktop entry names;
- ``packaging/icons/opsg-desktop.ico`` (16-256 px) for Windows and the installer;
- ``packaging/icons/opsg-desktop.icns`` (16-512 px) for macOS.
The .ico and .icns hold PNG images, written here without any imaging library.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from opsg_desktop.paths import APP_ID  # noqa: E402

BLUE, PAPER, INK, GREEN = "#1d4e89", "#ffffff", "#8aa4c4", "#2e9d5b"


def draw(size: int) -> QImage:
    """The icon: a page of minutes with ruled lines and a tick, on a rounded blue square."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(BLUE))
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    p.setBrush(QColor(PAPER))
    p.drawRoundedRect(QRectF(62 * s, 40 * s, 132 * s, 176 * s), 10 * s, 10 * s)
    p.setPen(QPen(QColor(INK), max(1.0, 10 * s), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for y in (80, 108, 136):
        p.drawLine(int(84 * s), int(y * s), int(172 * s), int(y * s))
    p.drawLine(int(84 * s), int(164 * s), int(124 * s), int(164 * s))
    p.setPen(QPen(QColor(GREEN), max(1.5, 16 * s), Qt.PenStyle.SolidLine,
                  Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))  # fmt: skip
    p.drawPolyline([QPointF(138 * s, 176 * s), QPointF(158 * s, 196 * s),
                    QPointF(200 * s, 150 * s)])  # fmt: skip
    p.end()
    return image


def png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico(sizes: list[int]) -> bytes:
    """A Windows icon file whose images are PNGs (Windows Vista and later)."""
    images = [png(draw(n)) for n in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for n, data in zip(sizes, images, strict=True):
        side = 0 if n >= 256 else n  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(images)


#: The ICNS types that hold a PNG of each size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def icns() -> bytes:
    """A macOS icon file of PNG images."""
    body = b""
    for n, kind in ICNS_TYPES.items():
        data = png(draw(n))
        body += kind + struct.pack(">I", len(data) + 8) + data
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QGuiApplication(sys.argv[:1])
    big = png(draw(256))
    (ROOT / "opsg_desktop" / "resources" / "icon.png").write_bytes(big)
    (ROOT / "packaging" / "linux" / f"{APP_ID}.png").write_bytes(big)
    (ROOT / "packaging" / "icons" / "opsg-desktop.ico").write_bytes(ico([16, 24, 32, 48, 64, 256]))
    (ROOT / "packaging" / "icons" / "opsg-desktop.icns").write_bytes(icns())
    print("icons written")


if __name__ == "__main__":
    main()
