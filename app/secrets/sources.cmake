# The secrets subsystem: CredentialStore over QtKeychain, FileSecretStore for machines without one, SecretStore
# choosing between them, and where the API token comes from.
target_sources(deployer_core PRIVATE
    secrets/credentialstore.h secrets/credentialstore.cpp
    secrets/filesecretstore.h secrets/filesecretstore.cpp
    secrets/secretstore.h secrets/secretstore.cpp
    secrets/tokensource.h secrets/tokensource.cpp)

# QKeychain::isAvailable() exists from QtKeychain 0.14 on (Debian 12 ships 0.13).
if(Qt6Keychain_VERSION VERSION_GREATER_EQUAL 0.14)
    set_source_files_properties(secrets/credentialstore.cpp
        PROPERTIES COMPILE_DEFINITIONS DEPLOYER_QKEYCHAIN_HAS_ISAVAILABLE)
endif()
