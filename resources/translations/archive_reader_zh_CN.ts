<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../../desktop/about.py" line="12"/>
        <source>Repairs, searches and reads damaged archives of Chinese web news.</source>
        <translation>修复、检索和阅读受损的中文网络新闻存档。</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="15"/>
        <source>Text is shown in Noto Sans CJK (SIL Open Font License 1.1).</source>
        <translation>正文字体为思源黑体 Noto Sans CJK（SIL 开源字体许可证 1.1）。</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="18"/>
        <source>Built on jieba, OpenCC, pypinyin, Whoosh, SQLite and Qt.</source>
        <translation>基于 jieba、OpenCC、pypinyin、Whoosh、SQLite 和 Qt 构建。</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="28"/>
        <source>About Archive Reader</source>
        <translation>关于 Archive Reader</translation>
    </message>
</context>
<context>
    <name>ArticleDocument</name>
    <message>
        <location filename="../../desktop/document/article_document.py" line="35"/>
        <source>By {authors}</source>
        <translation>作者：{authors}</translation>
    </message>
    <message>
        <location filename="../../desktop/document/article_document.py" line="73"/>
        <source>[Picture] </source>
        <translation>[图] </translation>
    </message>
    <message>
        <location filename="../../desktop/document/article_document.py" line="89"/>
        <source>Editors: {editors}</source>
        <translation>编辑：{editors}</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <location filename="../../desktop/library_view/article_model.py" line="99"/>
        <source>Search not understood: {reason}</source>
        <translation>无法理解的搜索：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/article_model.py" line="163"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/article_model.py" line="163"/>
        <source>Outlet</source>
        <translation>媒体</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/article_model.py" line="163"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/article_model.py" line="163"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <location filename="../../desktop/export/export_controller.py" line="41"/>
        <source>Select the articles to export first.</source>
        <translation>请先选择要导出的文章。</translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_controller.py" line="64"/>
        <source>An export is already running.</source>
        <translation>已有导出正在进行。</translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_controller.py" line="67"/>
        <source>Writing {path}…</source>
        <translation>正在写入 {path}…</translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_controller.py" line="69"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_controller.py" line="92"/>
        <source>Saved {path} ({pages} pages).</source>
        <translation>已保存 {path}（{pages} 页）。</translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_controller.py" line="98"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/export/export_dialog.py" line="44"/>
        <location filename="../../desktop/export/export_dialog.py" line="89"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/export/export_dialog.py" line="47"/>
        <source>%n article(s) will be exported, each on a new page.</source>
        <translation>
            <numerusform>将导出 %n 篇文章，每篇从新的一页开始。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_dialog.py" line="51"/>
        <source>Simplified Chinese (简体)</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_dialog.py" line="52"/>
        <source>Traditional Chinese (繁體)</source>
        <translation>繁体中文</translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_dialog.py" line="55"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_dialog.py" line="68"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_dialog.py" line="69"/>
        <source>Script:</source>
        <translation>字形：</translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_dialog.py" line="70"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../desktop/export/export_dialog.py" line="89"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../desktop/reader/find_bar.py" line="43"/>
        <source>Find in article</source>
        <translation>在文中查找</translation>
    </message>
    <message>
        <location filename="../../desktop/reader/find_bar.py" line="48"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个 (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/reader/find_bar.py" line="51"/>
        <source>Next match (Enter)</source>
        <translation>下一个 (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/reader/find_bar.py" line="54"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/reader/find_bar.py" line="122"/>
        <source>no match</source>
        <translation>无结果</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../desktop/importing/import_controller.py" line="37"/>
        <source>Import a folder of dump files</source>
        <translation>导入存档文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/importing/import_controller.py" line="43"/>
        <source>Import dump files</source>
        <translation>导入存档文件</translation>
    </message>
    <message>
        <location filename="../../desktop/importing/import_controller.py" line="51"/>
        <source>An import is already running.</source>
        <translation>已有导入正在进行。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/importing/import_controller.py" line="83"/>
        <source>Imported %n article(s).</source>
        <translation>
            <numerusform>已导入 %n 篇文章。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/importing/import_controller.py" line="88"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <location filename="../../desktop/importing/import_dialog.py" line="20"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../desktop/importing/import_dialog.py" line="21"/>
        <source>Looking for files…</source>
        <translation>正在查找文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/importing/import_dialog.py" line="22"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/importing/import_dialog.py" line="35"/>
        <source>{done} of {total} files · {added} articles added
{name}</source>
        <translation>{done} / {total} 个文件 · 新增 {added} 篇文章
{name}</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <location filename="../../desktop/importing/import_dialog.py" line="46"/>
        <source>{files} files: {added} articles added, {duplicates} already in the library, {errors} files could not be read.</source>
        <translation>{files} 个文件：新增 {added} 篇文章，{duplicates} 篇已在文库中，{errors} 个文件无法读取。</translation>
    </message>
    <message>
        <location filename="../../desktop/importing/import_dialog.py" line="57"/>
        <source>Cancelled: the articles imported so far are kept.</source>
        <translation>已取消：已导入的文章会保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/importing/import_dialog.py" line="66"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="70"/>
        <source>Archive Reader — {folder}</source>
        <translation>Archive Reader 新闻存档阅读器 — {folder}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="85"/>
        <source>Reset filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="166"/>
        <source>About Archive Reader</source>
        <translation>关于 Archive Reader</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="169"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="171"/>
        <source>Import dump files or folders (or drop them here)</source>
        <translation>导入存档文件或文件夹（也可拖放到窗口）</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="173"/>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="176"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="178"/>
        <source>Export the selected articles to PDF (Ctrl+P)</source>
        <translation>将选中的文章导出为 PDF (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="179"/>
        <source>Find in article</source>
        <translation>在文中查找</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="180"/>
        <source>Search the library</source>
        <translation>搜索文库</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="182"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="186"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="188"/>
        <source>Actual size</source>
        <translation>原始大小</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="190"/>
        <source>Add tag to selected articles…</source>
        <translation>为选中文章添加标签…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="193"/>
        <source>Remove tag from selected articles…</source>
        <translation>从选中文章移除标签…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="197"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="207"/>
        <source>Show everything in simplified characters</source>
        <translation>全部以简体显示</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="208"/>
        <source>Show everything in traditional characters</source>
        <translation>全部以繁体显示</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="213"/>
        <source>Search: words, &quot;a phrase&quot;, OR, -word, title:, outlet:, tag:, date:2025-07</source>
        <translation>搜索：词语、&quot;短语&quot;、OR、-排除、title:、outlet:、tag:、date:2025-07</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="217"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="231"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="235"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="239"/>
        <source>&amp;Tags</source>
        <translation>标签(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="241"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="321"/>
        <source>search “{text}”</source>
        <translation>搜索“{text}”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/main_window.py" line="330"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="332"/>
        <source>Filter: {filter}</source>
        <translation>筛选：{filter}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="334"/>
        <source>{count} · filter: {filter}</source>
        <translation>{count} · 筛选：{filter}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="337"/>
        <source>{count} in the library</source>
        <translation>文库共 {count}</translation>
    </message>
</context>
<context>
    <name>PdfExport</name>
    <message>
        <location filename="../../desktop/export/pdf.py" line="56"/>
        <source>Archive Reader: {count} articles</source>
        <translation>Archive Reader：{count} 篇文章</translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message>
        <location filename="../../desktop/reader/reader_pane.py" line="43"/>
        <source>Show repairs</source>
        <translation>显示修复</translation>
    </message>
    <message>
        <location filename="../../desktop/reader/reader_pane.py" line="45"/>
        <source>Mark every spot the repair changed; hover for the original text</source>
        <translation>标出每处修复；鼠标悬停可看原文</translation>
    </message>
    <message>
        <location filename="../../desktop/reader/reader_pane.py" line="47"/>
        <source>Originals inline</source>
        <translation>并列原文</translation>
    </message>
    <message>
        <location filename="../../desktop/reader/reader_pane.py" line="48"/>
        <source>Show each original next to its repair</source>
        <translation>在每处修复旁显示原文</translation>
    </message>
    <message>
        <location filename="../../desktop/reader/reader_pane.py" line="128"/>
        <source>Select an article to read it here.</source>
        <translation>选择一篇文章，在此阅读。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/reader/reader_pane.py" line="148"/>
        <source>%n repaired spot(s)</source>
        <translation>
            <numerusform>%n 处修复</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/reader/reader_pane.py" line="153"/>
        <source>%n repair(s)</source>
        <translation>
            <numerusform>%n 处修复</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RepairView</name>
    <message>
        <location filename="../../desktop/reader/repair_document.py" line="22"/>
        <source>{before} → {after} ({reason}, {confidence}% sure)</source>
        <translation>{before} → {after}（{reason}，把握 {confidence}%）</translation>
    </message>
    <message>
        <location filename="../../desktop/reader/repair_document.py" line="78"/>
        <source>Removed or changed while cleaning up</source>
        <translation>清理时删除或改动的内容</translation>
    </message>
</context>
<context>
    <name>TagBrowser</name>
    <message>
        <location filename="../../desktop/tags/tag_browser.py" line="43"/>
        <source>Filter tags</source>
        <translation>筛选标签</translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_browser.py" line="63"/>
        <source>Remove tag from selected articles</source>
        <translation>从选中文章移除标签</translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_browser.py" line="115"/>
        <source>Add a tag to the selected articles…</source>
        <translation>为选中文章添加标签…</translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_browser.py" line="119"/>
        <source>Remove “{name}” from the selected articles</source>
        <translation>从选中文章移除“{name}”</translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_browser.py" line="123"/>
        <source>Clear the tag filter</source>
        <translation>清除标签筛选</translation>
    </message>
</context>
<context>
    <name>TagTreeModel</name>
    <message>
        <location filename="../../desktop/tags/tag_model.py" line="49"/>
        <source>Outlets</source>
        <translation>媒体</translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_model.py" line="50"/>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_model.py" line="51"/>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_model.py" line="52"/>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_model.py" line="53"/>
        <source>My tags</source>
        <translation>我的标签</translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_model.py" line="92"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_model.py" line="92"/>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../desktop/tags/tag_model.py" line="115"/>
        <source>{name}: {count} articles</source>
        <translation>{name}：{count} 篇文章</translation>
    </message>
</context>
<context>
    <name>UserTagEditor</name>
    <message>
        <location filename="../../desktop/tags/user_tags.py" line="39"/>
        <source>Select the articles to tag first.</source>
        <translation>请先选择要加标签的文章。</translation>
    </message>
    <message>
        <location filename="../../desktop/tags/user_tags.py" line="42"/>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/tags/user_tags.py" line="42"/>
        <source>Tag for %n article(s):</source>
        <translation>
            <numerusform>为 %n 篇文章添加标签：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/tags/user_tags.py" line="52"/>
        <source>Tag not added</source>
        <translation>未能添加标签</translation>
    </message>
    <message>
        <location filename="../../desktop/tags/user_tags.py" line="66"/>
        <source>The selected articles have no tags of yours.</source>
        <translation>选中的文章没有您的标签。</translation>
    </message>
    <message>
        <location filename="../../desktop/tags/user_tags.py" line="69"/>
        <source>Remove tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <location filename="../../desktop/tags/user_tags.py" line="69"/>
        <source>Tag to remove:</source>
        <translation>要移除的标签：</translation>
    </message>
    <message>
        <location filename="../../desktop/tags/user_tags.py" line="78"/>
        <source>Select the articles to untag first.</source>
        <translation>请先选择要移除标签的文章。</translation>
    </message>
    <message>
        <location filename="../../desktop/tags/user_tags.py" line="84"/>
        <source>Tag not removed</source>
        <translation>未能移除标签</translation>
    </message>
</context>
</TS>
