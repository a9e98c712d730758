"""Install the UI translation for the system locale (English is the source language)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.resources import TRANSLATIONS

__all__ = ["TRANSLATION_PREFIX", "install_translator"]

TRANSLATION_PREFIX = "archive_reader_"


def install_translator(app: QCoreApplication, locale: QLocale | None = None) -> QTranslator | None:
    """Load ``archive_reader_zh_CN.qm`` for a Chinese locale, else the English one (which
    holds only plural forms); None if neither loads.

    The translator is parented to ``app`` so it lives as long as the application.
    """
    locale = locale or QLocale.system()
    if locale.language() != QLocale.Language.Chinese:
        locale = QLocale(QLocale.Language.English)
    translator = QTranslator(app)
    if not translator.load(locale, "archive_reader", "_", str(TRANSLATIONS)):
        return None
    app.installTranslator(translator)
    return translator
