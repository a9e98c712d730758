<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>About</name>
    <message>
        <location filename="../../desktop/about.py" line="12"/>
        <source>Repairs, searches and reads damaged archives of Chinese web news.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="15"/>
        <source>Text is shown in Noto Sans CJK (SIL Open Font License 1.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="18"/>
        <source>Built on jieba, OpenCC, pypinyin, Whoosh, SQLite and Qt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="28"/>
        <source>About Archive Reader</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleDocument</name>
    <message>
        <location filename="../../desktop/document/article_document.py" line="35"/>
        <source>By {authors}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/document/article_document.py" line="73"/>
        <source>[Picture] </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/document/article_document.py" line="89"/>
        <source>Editors: {editors}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <location filename="../../desktop/library_view/article_model.py" line="99"/>
        <source>Search not understood: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/article_model.py" line="163"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/article_model.py" line="163"/>
        <source>Outlet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/article_model.py" line="163"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/article_model.py" line="163"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <location filename="../../desktop/export/export_controller.py" line="41"/>
        <source>Select the articles to export first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_controller.py" line="64"/>
        <source>An export is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_controller.py" line="67"/>
        <source>Writing {path}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_controller.py" line="69"/>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_controller.py" line="92"/>
        <source>Saved {path} ({pages} pages).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_controller.py" line="98"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/export/export_dialog.py" line="44"/>
        <location filename="../../desktop/export/export_dialog.py" line="89"/>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/export/export_dialog.py" line="47"/>
        <source>%n article(s) will be exported, each on a new page.</source>
        <translation>
            <numerusform>%n article will be exported, each on a new page.</numerusform>
            <numerusform>%n articles will be exported, each on a new page.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_dialog.py" line="51"/>
        <source>Simplified Chinese (简体)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_dialog.py" line="52"/>
        <source>Traditional Chinese (繁體)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_dialog.py" line="55"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_dialog.py" line="68"/>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_dialog.py" line="69"/>
        <source>Script:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_dialog.py" line="70"/>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_dialog.py" line="89"/>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../desktop/reader/find_bar.py" line="43"/>
        <source>Find in article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/reader/find_bar.py" line="48"/>
        <source>Previous match (Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/reader/find_bar.py" line="51"/>
        <source>Next match (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/reader/find_bar.py" line="54"/>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/reader/find_bar.py" line="122"/>
        <source>no match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../desktop/importing/import_controller.py" line="37"/>
        <source>Import a folder of dump files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/importing/import_controller.py" line="43"/>
        <source>Import dump files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/importing/import_controller.py" line="51"/>
        <source>An import is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/importing/import_controller.py" line="83"/>
        <source>Imported %n article(s).</source>
        <translation>
            <numerusform>Imported %n article.</numerusform>
            <numerusform>Imported %n articles.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/importing/import_controller.py" line="88"/>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <location filename="../../desktop/importing/import_dialog.py" line="20"/>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/importing/import_dialog.py" line="21"/>
        <source>Looking for files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/importing/import_dialog.py" line="22"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/importing/import_dialog.py" line="35"/>
        <source>{done} of {total} files · {added} articles added
{name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <location filename="../../desktop/importing/import_dialog.py" line="46"/>
        <source>{files} files: {added} articles added, {duplicates} already in the library, {errors} files could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/importing/import_dialog.py" line="57"/>
        <source>Cancelled: the articles imported so far are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/importing/import_dialog.py" line="66"/>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="70"/>
        <source>Archive Reader — {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="85"/>
        <source>Reset filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="166"/>
        <source>About Archive Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="169"/>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="171"/>
        <source>Import dump files or folders (or drop them here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="173"/>
        <source>Import files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="176"/>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="178"/>
        <source>Export the selected articles to PDF (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="179"/>
        <source>Find in article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="180"/>
        <source>Search the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="182"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="186"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="188"/>
        <source>Actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="190"/>
        <source>Add tag to selected articles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="193"/>
        <source>Remove tag from selected articles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="197"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="207"/>
        <source>Show everything in simplified characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="208"/>
        <source>Show everything in traditional characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="213"/>
        <source>Search: words, &quot;a phrase&quot;, OR, -word, title:, outlet:, tag:, date:2025-07</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="217"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="231"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="235"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="239"/>
        <source>&amp;Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="241"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="321"/>
        <source>search “{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/main_window.py" line="330"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="332"/>
        <source>Filter: {filter}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="334"/>
        <source>{count} · filter: {filter}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="337"/>
        <source>{count} in the library</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfExport</name>
    <message>
        <location filename="../../desktop/export/pdf.py" line="56"/>
        <source>Archive Reader: {count} articles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message>
        <location filename="../../desktop/reader/reader_pane.py" line="43"/>
        <source>Show repairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/reader/reader_pane.py" line="45"/>
        <source>Mark every spot the repair changed; hover for the original text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/reader/reader_pane.py" line="47"/>
        <source>Originals inline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/reader/reader_pane.py" line="48"/>
        <source>Show each original next to its repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/reader/reader_pane.py" line="128"/>
        <source>Select an article to read it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/reader/reader_pane.py" line="148"/>
        <source>%n repaired spot(s)</source>
        <translation>
            <numerusform>%n repaired spot</numerusform>
            <numerusform>%n repaired spots</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/reader/reader_pane.py" line="153"/>
        <source>%n repair(s)</source>
        <translation>
            <numerusform>%n repair</numerusform>
            <numerusform>%n repairs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RepairView</name>
    <message>
        <location filename="../../desktop/reader/repair_document.py" line="22"/>
        <source>{before} → {after} ({reason}, {confidence}% sure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/reader/repair_document.py" line="78"/>
        <source>Removed or changed while cleaning up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagBrowser</name>
    <message>
        <location filename="../../desktop/tags/tag_browser.py" line="43"/>
        <source>Filter tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_browser.py" line="63"/>
        <source>Remove tag from selected articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_browser.py" line="115"/>
        <source>Add a tag to the selected articles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_browser.py" line="119"/>
        <source>Remove “{name}” from the selected articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_browser.py" line="123"/>
        <source>Clear the tag filter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagTreeModel</name>
    <message>
        <location filename="../../desktop/tags/tag_model.py" line="49"/>
        <source>Outlets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_model.py" line="50"/>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_model.py" line="51"/>
        <source>Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_model.py" line="52"/>
        <source>Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_model.py" line="53"/>
        <source>My tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_model.py" line="92"/>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_model.py" line="92"/>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_model.py" line="115"/>
        <source>{name}: {count} articles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserTagEditor</name>
    <message>
        <location filename="../../desktop/tags/user_tags.py" line="39"/>
        <source>Select the articles to tag first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/tags/user_tags.py" line="42"/>
        <source>Add tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/tags/user_tags.py" line="42"/>
        <source>Tag for %n article(s):</source>
        <translation>
            <numerusform>Tag for %n article:</numerusform>
            <numerusform>Tag for %n articles:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/tags/user_tags.py" line="52"/>
        <source>Tag not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/tags/user_tags.py" line="66"/>
        <source>The selected articles have no tags of yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/tags/user_tags.py" line="69"/>
        <source>Remove tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/tags/user_tags.py" line="69"/>
        <source>Tag to remove:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/tags/user_tags.py" line="78"/>
        <source>Select the articles to untag first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/tags/user_tags.py" line="84"/>
        <source>Tag not removed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
