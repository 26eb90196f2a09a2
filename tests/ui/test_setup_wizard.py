"""First start: the wizard creates the encrypted store, driven through its widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from ungedesk.domain.contact import EMAIL_MESSAGE
from ungedesk.services import caseworkers, settings, setup
from ungedesk.store.paths import StorePaths
from ungedesk.ui.setup.setup_wizard import SetupWizard

GOOD = "grøn kaffe tager toget til Ribe"


def next_button(wizard: SetupWizard):
    page = wizard.currentPage()
    if page.isCommitPage():
        return wizard.button(QWizard.WizardButton.CommitButton)
    return wizard.button(QWizard.WizardButton.NextButton)


def fill_profile(qtbot, wizard: SetupWizard) -> None:
    page = wizard.profile_page
    qtbot.keyClicks(page.name, "Anne Bjerregaard")
    qtbot.keyClicks(page.initials, "abj")
    qtbot.keyClicks(page.unit, "Jobcenter, Ungeteamet")
    page.role.setCurrentIndex(1)
    qtbot.keyClicks(page.municipality, "Demo Kommune")


def test_wizard_creates_the_store(qtbot, store_paths: StorePaths) -> None:
    wizard = SetupWizard(store_paths)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.windowTitle() == "Opsætning af UngeDesk"
    assert not next_button(wizard).isEnabled()  # name and initials are required
    fill_profile(qtbot, wizard)
    assert next_button(wizard).isEnabled()
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)

    page = wizard.passphrase_page
    assert wizard.currentPage() is page
    assert not next_button(wizard).isEnabled()
    qtbot.keyClicks(page.passphrase, "kort")
    assert "For kort" in page.strength.text()
    assert page.strength.text().startswith("Styrke: ")
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, "password1234")
    assert "Let at gætte" in page.strength.text()
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, GOOD)
    assert "God." in page.strength.text()
    assert not next_button(wizard).isEnabled()  # not repeated yet
    qtbot.keyClicks(page.repeat, GOOD[:-1] + "x")
    assert page.match.text() == "De to fraser er ikke ens."
    assert not next_button(wizard).isEnabled()
    page.repeat.clear()
    qtbot.keyClicks(page.repeat, GOOD)
    assert page.match.isHidden()
    assert next_button(wizard).isEnabled()
    assert next_button(wizard).text() == "&Opret databasen"
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page)
    result = wizard.setup_result
    assert result is not None and result.keyring_used
    assert wizard.done_page.key_location.text() == result.key_location
    assert "nøglering" in result.key_location
    assert wizard.done_page.subTitle() == "Databasen er oprettet og krypteret."
    assert str(store_paths.root) in wizard.done_page.data_dir.text()
    assert store_paths.db.exists()
    assert not setup.needs_passphrase(store_paths)
    me = caseworkers.current_user(result.opened.store)
    assert me is not None and me.initials == "ABJ" and me.name == "Anne Bjerregaard"
    assert settings.get_setting(result.opened.store, settings.MUNICIPALITY) == "Demo Kommune"

    with qtbot.waitSignal(wizard.accepted):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    result.opened.store.close()


def test_without_keyring_the_last_page_says_the_passphrase_is_needed(
    qtbot, store_paths: StorePaths, no_keyring
) -> None:
    wizard = SetupWizard(store_paths)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_profile(qtbot, wizard)
    wizard.next()
    wizard.passphrase_page.passphrase.setText(GOOD)
    wizard.passphrase_page.repeat.setText(GOOD)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page)
    result = wizard.setup_result
    assert result is not None and not result.keyring_used
    text = wizard.done_page.key_location.text()
    assert "hver gang UngeDesk starter" in text
    assert text.count("hver gang") == 1  # said once, plainly
    assert setup.needs_passphrase(store_paths)
    wizard.accept()
    result.opened.store.close()


def test_profile_errors_are_shown_next_to_their_fields(qtbot, store_paths: StorePaths) -> None:
    wizard = SetupWizard(store_paths)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.profile_page
    qtbot.keyClicks(page.name, "Anne")
    qtbot.keyClicks(page.initials, "A1")
    qtbot.keyClicks(page.email, "anne at kommune")
    wizard.next()
    assert wizard.currentPage() is page
    assert page.errors["initials"].text() == "Initialer skal være 2-6 bogstaver, fx ABJ."
    assert page.errors["email"].text() == EMAIL_MESSAGE
    assert page.errors["name"].isHidden()
    assert not store_paths.db.exists()
    wizard.reject()


def test_store_errors_from_creation_are_shown_on_the_page(
    qtbot, store_paths: StorePaths, store
) -> None:
    # The data folder holds a store already (e.g. created meanwhile by the CLI).
    wizard = SetupWizard(store_paths)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_profile(qtbot, wizard)
    wizard.next()
    wizard.passphrase_page.passphrase.setText(GOOD)
    wizard.passphrase_page.repeat.setText(GOOD)
    wizard.next()
    error = wizard.passphrase_page.error
    qtbot.waitUntil(error.isVisible)
    assert "findes allerede" in error.text()
    assert wizard.currentPage() is wizard.passphrase_page
    wizard.reject()
