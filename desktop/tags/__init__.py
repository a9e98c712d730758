"""The left tag browser: categories of tags with counts, filtering the article list."""
