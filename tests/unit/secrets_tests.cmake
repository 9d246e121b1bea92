# tests for app/secrets: run against a real, private gnome-keyring (KEYCHAIN), never the insecure fallback.
deployer_add_test(NAME tst_credentialstore
    SOURCES tst_credentialstore.cpp
    LIBS deployer_core
    LABELS secrets
    KEYCHAIN
    TIMEOUT 180)
