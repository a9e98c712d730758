"""Archive Reader desktop side: the Qt application, PDF export and the command line."""
