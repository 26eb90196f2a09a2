"""Trust and safety screens: the lock screen, unlocking, the recovery passphrase, backup
and restore, case transfer, retention and the access log views."""
