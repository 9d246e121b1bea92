# SSH key utilities and the known-hosts store, and the self-test of the SSH test harness (tests/support/sshd).
# They start real OpenSSH tools (ssh-keygen, sshd, ssh, ssh-agent) on 127.0.0.1 only.
deployer_add_test(NAME tst_sshharness SOURCES tst_sshharness.cpp
    LIBS sshtestsupport deployer::libssh LABELS ssh unit TIMEOUT 300)
deployer_add_test(NAME tst_sshkeys SOURCES tst_sshkeys.cpp
    LIBS deployer_core sshtestsupport LABELS ssh unit TIMEOUT 300)
deployer_add_test(NAME tst_knownhosts SOURCES tst_knownhosts.cpp
    LIBS deployer_core sshtestsupport LABELS ssh unit TIMEOUT 120)
# One passphrase question however many sessions ask (the wizard's dialog and the CLI's prompt share it).
deployer_add_test(NAME tst_passphrasebroker SOURCES tst_passphrasebroker.cpp
    LIBS deployer_core LABELS ssh unit)
