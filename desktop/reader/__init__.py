"""The right reader pane: the article in readable type, find-in-article and the repair view."""
