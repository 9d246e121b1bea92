# SSH key and known-hosts tests, and the self-test of the SSH test harness (tests/support/sshd).
deployer_add_test(NAME tst_sshharness SOURCES tst_sshharness.cpp
    LIBS sshtestsupport PkgConfig::LIBSSH LABELS ssh unit TIMEOUT 300)
