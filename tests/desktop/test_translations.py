"""The UI ships in English and simplified Chinese, chosen by the system locale."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.translations import install_translator


def test_chinese_locale_gets_chinese_strings(qapp: QApplication) -> None:
    before = set(qapp.findChildren(QTranslator))
    translator = install_translator(qapp, QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    assert translator is not None
    try:
        assert QCoreApplication.translate("MainWindow", "Import…") == "导入…"
        assert QCoreApplication.translate("MainWindow", "%n article(s)", "", 3) == "3 篇文章"
    finally:
        for installed in set(qapp.findChildren(QTranslator)) - before:
            qapp.removeTranslator(installed)
    assert QCoreApplication.translate("MainWindow", "Import…") == "Import…"


def test_english_plurals(qapp: QApplication) -> None:
    assert QCoreApplication.translate("MainWindow", "%n article(s)", "", 1) == "1 article"
    assert QCoreApplication.translate("MainWindow", "%n article(s)", "", 2) == "2 articles"
