"""The centre article list: what to list (search + tag filters) and its lazy Qt model."""
