# tests for app/common
deployer_add_test(NAME tst_common
    SOURCES tst_common.cpp
    LIBS deployer_core
    LABELS common)
