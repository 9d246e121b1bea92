# SSH session tests against a real sshd (tests/support/sshd), everything on 127.0.0.1.
set(ssh_session_tests tst_sshsession tst_sshexec tst_sshfollow tst_sshtransfer)
foreach(test IN LISTS ssh_session_tests)
    deployer_add_test(NAME ${test}
        SOURCES ${test}.cpp tst_sshfixture.h
        LIBS deployer_core sshtestsupport
        LABELS integration ssh
        TIMEOUT 600)
endforeach()

# Cancelling never blocks the GUI thread: a 10 ms timer's lateness while sessions are torn down mid-connect and
# mid-upload (issue 12 §3).
deployer_add_test(NAME tst_sshcancel
    SOURCES tst_sshcancel.cpp tst_sshfixture.h
    LIBS deployer_core sshtestsupport eventloopprobe
    LABELS integration ssh
    TIMEOUT 300)

# The session's pure parts (line splitting, the follow protocol), no server needed.
deployer_add_test(NAME tst_sshprotocol
    SOURCES tst_sshprotocol.cpp
    LIBS deployer_core
    LABELS ssh)

# When a quiet connection counts as dead (the keepalive rules), no server needed.
deployer_add_test(NAME tst_sshkeepalive
    SOURCES tst_sshkeepalive.cpp
    LIBS deployer_core
    LABELS ssh)
# Its ≤ 30 ms event-loop bound measures our GUI thread, not the machine: run it alone, not beside a testbed test.
set_tests_properties(tst_sshcancel PROPERTIES RUN_SERIAL TRUE)

# HostKeyScan (managing a deployment from another computer): the real sshd's key and fingerprint; bounded, plain
# failures against a closed port and non-SSH listeners; cancel mid-connect and mid-key-exchange.
deployer_add_test(NAME tst_hostkeyscan
    SOURCES tst_hostkeyscan.cpp
    LIBS deployer_core sshtestsupport
    LABELS integration ssh
    TIMEOUT 300)
