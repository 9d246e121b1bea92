# tests for cli
# How engine events are shown: --json lines, plain lines, the terminal's progress block; redaction.
deployer_add_test(NAME tst_eventrenderer
    SOURCES tst_eventrenderer.cpp
    LIBS deployer_core
    LABELS cli engine)
