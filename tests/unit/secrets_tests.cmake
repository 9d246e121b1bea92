# tests for app/secrets: run against a real, private gnome-keyring (KEYCHAIN), never the insecure fallback.
deployer_add_test(NAME tst_credentialstore
    SOURCES tst_credentialstore.cpp
    LIBS deployer_core
    LABELS secrets
    KEYCHAIN
    TIMEOUT 180)
# the file store, deliberately without a keyring or any D-Bus session: the machines it is for have none.
deployer_add_test(NAME tst_filesecretstore
    SOURCES tst_filesecretstore.cpp
    LIBS deployer_core
    LABELS secrets
    TIMEOUT 120)
