"""Install the UI translation for the system locale (English is the source language)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.resources import TRANSLATIONS

__all__ = ["install_translator"]


def install_translator(app: QCoreApplication, locale: QLocale | None = None) -> QTranslator | None:
    """Load ``archive_reader_zh_CN.qm`` for a Chinese locale, else the English one (which
    holds only plural forms); None if neither loads.

    For Chinese, Qt's own strings (the OK, Save and Cancel buttons) are translated too when
    Qt's ``qtbase`` translation is installed. Translators are parented to ``app``.
    """
    locale = locale or QLocale.system()
    if locale.language() != QLocale.Language.Chinese:
        locale = QLocale(QLocale.Language.English)
    else:
        qt_strings = QTranslator(app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_strings.load(locale, "qtbase", "_", qt_folder):
            app.installTranslator(qt_strings)
    translator = QTranslator(app)
    if not translator.load(locale, "archive_reader", "_", str(TRANSLATIONS)):
        return None
    app.installTranslator(translator)
    return translator
