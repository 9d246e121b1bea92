# The one way to register a test (qt-style-anchors §5.8).
#
#   deployer_add_test(NAME tst_foo SOURCES tst_foo.cpp [LIBS ...] [LABELS ...] [KEYCHAIN] [TIMEOUT s]
#                     [RESOURCE_LOCKS name...] [FIXTURES name...])
#
# Every test runs on the offscreen platform with its own HOME and XDG config/data/cache directories, so
# nothing a test does touches the user's settings, pinned host keys or keychain. KEYCHAIN runs the test
# inside a private D-Bus session with its own unlocked gnome-keyring (tests/support/with-keyring.sh):
# the real Secret Service backend, never QtKeychain's insecure fallback. RESOURCE_LOCKS: tests naming the same
# lock never run at the same time under ctest --parallel (e.g. "testbed": one address range, one set of services).
# The "testbed" lock also holds across separate ctest runs (two build trees on one machine): run-test.sh takes
# the file lock named by DEPLOYER_MACHINE_LOCK for the whole test.
# FIXTURES: ctest fixtures the test requires, whose setup runs before and cleanup after it (e.g. "testbed", whose
# cleanup tears the testbed down also after a failed or timed-out test).
#
# Every test runs through tests/support/run-test.sh: it gets a short XDG_RUNTIME_DIR under /tmp (socket paths are
# limited to ~107 bytes, the build tree may be anywhere), and a QtTest skip is reported as "Skipped" (exit 77),
# never as passed; under CI=true or DEPLOYER_FAIL_ON_SKIP=1 a skip fails the test.
# One file for the whole machine: the testbed's address range, bridges and services exist once per machine.
set(DEPLOYER_TESTBED_MACHINE_LOCK /run/lock/jitsi-deployer-testbed.lock)

function(deployer_add_test)
    cmake_parse_arguments(T "KEYCHAIN" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT;RESOURCE_LOCKS;FIXTURES" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    deployer_apply_settings(${T_NAME})
    target_compile_definitions(${T_NAME} PRIVATE
        QT_FORCE_ASSERTS
        DEPLOYER_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        DEPLOYER_BINARY_DIR="${PROJECT_BINARY_DIR}"
        DEPLOYER_OPENAPI_DIR="${DEPLOYER_OPENAPI_DIR}")
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})

    set(home "${CMAKE_BINARY_DIR}/test-home/${T_NAME}")
    set(command $<TARGET_FILE:${T_NAME}>)
    if(T_KEYCHAIN)
        set(command bash ${PROJECT_SOURCE_DIR}/tests/support/with-keyring.sh ${command})
    endif()
    set(command bash ${PROJECT_SOURCE_DIR}/tests/support/run-test.sh ${command})
    add_test(NAME ${T_NAME} COMMAND ${command})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        TIMEOUT ${T_TIMEOUT}
        SKIP_RETURN_CODE 77
        LABELS "${T_LABELS}"
        FIXTURES_REQUIRED "test_homes;${T_FIXTURES}"
        ENVIRONMENT_MODIFICATION "QT_QPA_PLATFORM=set:offscreen;HOME=set:${home};XDG_CONFIG_HOME=set:${home}/config;XDG_DATA_HOME=set:${home}/data;XDG_CACHE_HOME=set:${home}/cache;HCLOUD_TOKEN=unset:;HCLOUD_ENDPOINT=unset:;JITSI_DEPLOYER_SECRET_STORE=unset:;JITSI_DEPLOYER_SECRET_DIR=unset:;DBUS_SESSION_BUS_ADDRESS=unset:;QT_LOGGING_RULES=set:deployer.*.debug=true;LANG=set:C.UTF-8;LANGUAGE=unset:;LC_ALL=unset:;LC_MESSAGES=unset:"
        ENVIRONMENT "${T_ENVIRONMENT}")
    if(T_RESOURCE_LOCKS)
        set_tests_properties(${T_NAME} PROPERTIES RESOURCE_LOCK "${T_RESOURCE_LOCKS}")
    endif()
    if("testbed" IN_LIST T_RESOURCE_LOCKS)
        set_property(TEST ${T_NAME} APPEND PROPERTY ENVIRONMENT "DEPLOYER_MACHINE_LOCK=${DEPLOYER_TESTBED_MACHINE_LOCK}")
    endif()
endfunction()

# Wipes and recreates the per-test home directories once per ctest run.
function(deployer_add_test_homes_fixture)
    add_test(NAME setup_test_homes
        COMMAND ${CMAKE_COMMAND} -DROOT=${CMAKE_BINARY_DIR}/test-home -P ${PROJECT_SOURCE_DIR}/cmake/ResetTestHomes.cmake)
    set_tests_properties(setup_test_homes PROPERTIES FIXTURES_SETUP test_homes)
endfunction()

# A test that cannot be registered because a tool is missing. Outside CI that is said once at configure time;
# under CI=true (every tool installed, see scripts/install-deps.sh) it stops the configuration, as a skip fails.
function(deployer_test_unavailable name reason)
    set(ci "$ENV{CI}")
    string(TOLOWER "${ci}" ci)
    if(ci AND NOT ci STREQUAL "false" AND NOT ci STREQUAL "0")
        message(FATAL_ERROR "Test ${name} cannot run: ${reason}. Under CI every test must run.")
    endif()
    message(WARNING "Test ${name} is not registered: ${reason}")
endfunction()
