"""The About dialog and the application identity (version, icon, desktop file name)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desktop.about import about_text
from desktop.app import application_icon, create_application
from desktop.resources import APP_ID
from desktop.version import package_version


def test_about_shows_the_version_from_pyproject(qtbot: QtBot) -> None:
    del qtbot
    text = about_text()
    assert f"Archive Reader {package_version()}" in text
    assert "SIL Open Font License" in text


def test_the_application_carries_its_icon_and_desktop_id(qtbot: QtBot) -> None:
    del qtbot
    app = create_application()
    icon = application_icon()
    assert not icon.isNull()
    assert len(icon.availableSizes()) >= 5
    # create_application reuses pytest-qt's QApplication; set up a fresh identity check.
    QGuiApplication.setDesktopFileName(APP_ID)
    assert app.desktopFileName() == APP_ID
