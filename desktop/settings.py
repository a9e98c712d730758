"""The window's remembered state in QSettings: script, zoom, geometry and splitter sizes."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from desktop.script import DisplayScript

__all__ = ["AppSettings"]


class AppSettings:
    """Typed access to the few values the app keeps between runs."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()

    @property
    def script(self) -> DisplayScript:
        value = self._settings.value("reader/script", "simplified")
        return "traditional" if value == "traditional" else "simplified"

    @script.setter
    def script(self, script: DisplayScript) -> None:
        self._settings.setValue("reader/script", script)

    @property
    def zoom(self) -> float:
        try:
            return float(str(self._settings.value("reader/zoom", 1.0)))
        except ValueError:
            return 1.0

    @zoom.setter
    def zoom(self, factor: float) -> None:
        self._settings.setValue("reader/zoom", factor)

    def state(self, key: str) -> QByteArray | None:
        value = self._settings.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(f"window/{key}", value)

    def sync(self) -> None:
        self._settings.sync()
