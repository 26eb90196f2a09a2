"""The main window's menu bar: File, Young people, Case, Rules and Security, each action
connected to the window's handler (ui.shell.*_menu, ui.shell.records, ui.main_window)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from ungedesk.ui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    file_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
    window.import_case_action = QAction(
        QCoreApplication.translate("MainWindow", "&Receive a transferred case…"), window
    )
    window.import_case_action.triggered.connect(window.receive_case)
    file_menu.addAction(window.import_case_action)
    window.plan_batch_action = QAction(
        QCoreApplication.translate("MainWindow", "&Plans handed out as PDF…"), window
    )
    window.plan_batch_action.triggered.connect(window.open_plan_batch)
    file_menu.addAction(window.plan_batch_action)
    file_menu.addSeparator()
    window.profile_action = QAction(
        QCoreApplication.translate("MainWindow", "My &profile…"), window
    )
    window.profile_action.triggered.connect(window.open_my_profile)
    file_menu.addAction(window.profile_action)
    window.colleagues_action = QAction(
        QCoreApplication.translate("MainWindow", "&Colleagues…"), window
    )
    window.colleagues_action.triggered.connect(window.open_colleagues)
    file_menu.addAction(window.colleagues_action)
    window.actors_action = QAction(QCoreApplication.translate("MainWindow", "&Actors…"), window)
    window.actors_action.triggered.connect(window.open_actors)
    file_menu.addAction(window.actors_action)
    file_menu.addSeparator()
    window.quit_action = QAction(QCoreApplication.translate("MainWindow", "&Quit"), window)
    window.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    window.quit_action.triggered.connect(window.quit_asking)
    file_menu.addAction(window.quit_action)

    youth_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Young people"))
    window.new_action = QAction(
        QCoreApplication.translate("MainWindow", "&Register a young person…"), window
    )
    window.new_action.setShortcut(QKeySequence("Ctrl+N"))
    window.new_action.triggered.connect(window.register_new)
    window.find_action = QAction(QCoreApplication.translate("MainWindow", "&Search"), window)
    window.find_action.setShortcut(QKeySequence("Ctrl+F"))
    window.find_action.triggered.connect(window.focus_search)
    # "Close the tab" and "End the case" are named apart: they once read "Luk sagen" and
    # "Afslut sag", and a caseworker could end a case meaning to close its tab.
    window.close_record_action = QAction(
        QCoreApplication.translate("MainWindow", "Close the &tab"), window
    )
    window.close_record_action.setStatusTip(
        QCoreApplication.translate(
            "MainWindow", "Closes the record's tab. The case itself is not changed."
        )
    )
    window.close_record_action.setShortcut(QKeySequence("Ctrl+W"))
    window.close_record_action.triggered.connect(window.close_current_record)
    window.deadlines_action = QAction(
        QCoreApplication.translate("MainWindow", "&Deadlines"), window
    )
    window.deadlines_action.setShortcut(QKeySequence("Ctrl+D"))
    window.deadlines_action.triggered.connect(window.show_deadlines)
    youth_menu.addAction(window.new_action)
    youth_menu.addAction(window.find_action)
    youth_menu.addAction(window.deadlines_action)
    window.caseload_progression_action = QAction(
        QCoreApplication.translate("MainWindow", "&Progression over the caseload…"), window
    )
    window.caseload_progression_action.triggered.connect(window.open_caseload_progression)
    youth_menu.addAction(window.caseload_progression_action)
    window.catalogue_action = QAction(
        QCoreApplication.translate("MainWindow", "O&ffers catalogue…"), window
    )
    window.catalogue_action.triggered.connect(window.open_catalogue)
    youth_menu.addAction(window.catalogue_action)
    window.restgruppe_action = QAction(
        QCoreApplication.translate("MainWindow", "Coordination &group's list…"), window
    )
    window.restgruppe_action.setStatusTip(
        QCoreApplication.translate(
            "MainWindow",
            "The monthly list of 15-17-year-olds outside education: import and review",
        )
    )
    window.restgruppe_action.triggered.connect(window.open_restgruppe)
    youth_menu.addAction(window.restgruppe_action)
    window.figures_action = QAction(
        QCoreApplication.translate("MainWindow", "Management f&igures…"), window
    )
    window.figures_action.triggered.connect(window.open_figures)
    youth_menu.addAction(window.figures_action)
    youth_menu.addSeparator()
    youth_menu.addAction(window.close_record_action)

    case_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Case"))
    window.close_case_action = QAction(
        QCoreApplication.translate("MainWindow", "&End the case…"), window
    )
    window.close_case_action.setStatusTip(
        QCoreApplication.translate(
            "MainWindow",
            "Ends the young person's case with where they went; asks before it is done.",
        )
    )
    window.close_case_action.triggered.connect(window.close_case)
    window.reopen_case_action = QAction(
        QCoreApplication.translate("MainWindow", "&Reopen case"), window
    )
    window.reopen_case_action.triggered.connect(window.reopen_case)
    window.follow_up_action = QAction(
        QCoreApplication.translate("MainWindow", "&Follow-up after the case ended…"), window
    )
    window.follow_up_action.triggered.connect(window.follow_up_case)
    window.export_person_action = QAction(
        QCoreApplication.translate("MainWindow", "Right of &access: export all data…"), window
    )
    window.export_person_action.triggered.connect(window.export_person)
    window.history_action = QAction(
        QCoreApplication.translate("MainWindow", "Access &history"), window
    )
    window.history_action.triggered.connect(window.show_history)
    window.transfer_action = QAction(
        QCoreApplication.translate("MainWindow", "&Transfer case…"), window
    )
    window.transfer_action.triggered.connect(window.transfer_case)
    case_menu.addAction(window.close_case_action)
    case_menu.addAction(window.reopen_case_action)
    case_menu.addAction(window.follow_up_action)
    case_menu.addSeparator()
    case_menu.addAction(window.export_person_action)
    case_menu.addAction(window.history_action)
    case_menu.addSeparator()
    case_menu.addAction(window.transfer_action)
    window.case_actions = (
        window.close_case_action,
        window.reopen_case_action,
        window.follow_up_action,
        window.export_person_action,
        window.history_action,
        window.transfer_action,
    )

    rules_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Rules"))
    window.rules_browser_action = QAction(
        QCoreApplication.translate("MainWindow", "Rule &overview…"), window
    )
    window.rules_browser_action.triggered.connect(window.open_rules_browser)
    rules_menu.addAction(window.rules_browser_action)
    window.load_rules_action = QAction(
        QCoreApplication.translate("MainWindow", "Load &rule file…"), window
    )
    window.load_rules_action.triggered.connect(window.load_rule_file)
    rules_menu.addAction(window.load_rules_action)
    rules_menu.addSeparator()
    window.local_rules_action = QAction(
        QCoreApplication.translate("MainWindow", "&Local standards…"), window
    )
    window.local_rules_action.triggered.connect(window.open_local_rules)
    rules_menu.addAction(window.local_rules_action)
    window.descriptors_action = QAction(
        QCoreApplication.translate("MainWindow", "&Progression descriptors…"), window
    )
    window.descriptors_action.triggered.connect(window.open_descriptors)
    rules_menu.addAction(window.descriptors_action)

    security_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "Se&curity"))
    window.backup_action = QAction(
        QCoreApplication.translate("MainWindow", "&Take a backup…"), window
    )
    window.backup_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
    window.backup_action.triggered.connect(window.take_backup)
    window.restore_action = QAction(
        QCoreApplication.translate("MainWindow", "&Restore from backup…"), window
    )
    window.restore_action.triggered.connect(window.restore_backup)
    window.passphrase_action = QAction(
        QCoreApplication.translate("MainWindow", "Change recovery &passphrase…"), window
    )
    window.passphrase_action.triggered.connect(window.change_passphrase)
    window.my_access_action = QAction(
        QCoreApplication.translate("MainWindow", "&My access"), window
    )
    window.my_access_action.triggered.connect(window.show_my_access)
    window.verify_action = QAction(
        QCoreApplication.translate("MainWindow", "&Check the access log"), window
    )
    window.verify_action.triggered.connect(window.verify_audit_log)
    window.witness_action = QAction(
        QCoreApplication.translate("MainWindow", "Save the access log's &head for a witness…"),
        window,
    )
    window.witness_action.triggered.connect(window.save_witness)
    window.expired_action = QAction(
        QCoreApplication.translate("MainWindow", "Cases to &delete…"), window
    )
    window.expired_action.triggered.connect(window.show_expired_cases)
    window.settings_action = QAction(QCoreApplication.translate("MainWindow", "&Settings…"), window)
    window.settings_action.triggered.connect(window.open_settings)
    security_menu.addAction(window.backup_action)
    security_menu.addAction(window.restore_action)
    security_menu.addAction(window.passphrase_action)
    security_menu.addSeparator()
    security_menu.addAction(window.my_access_action)
    security_menu.addAction(window.verify_action)
    security_menu.addAction(window.witness_action)
    security_menu.addSeparator()
    security_menu.addAction(window.expired_action)
    security_menu.addSeparator()
    security_menu.addAction(window.settings_action)
