from ungedesk.cli import entry

entry()
