"""Build QTextDocuments from articles: the reader pane, the repair view and the PDF share them."""
