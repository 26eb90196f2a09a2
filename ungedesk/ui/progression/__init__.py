"""The progression screens: the record's tab (panel), its charts, the measurement and
indicator-choice dialogs, the descriptor editor and the caseload figures."""
