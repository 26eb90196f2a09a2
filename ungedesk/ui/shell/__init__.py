"""The main window's menus and the actions behind them (ui.main_window puts them together)."""
