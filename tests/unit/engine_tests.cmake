# engine tests (issue 5)
# FAKEHOST: the fake hosts engine tests run against speak the log protocol and satisfy the real Verifier.
deployer_add_test(NAME tst_fakehost SOURCES tst_fakehost.cpp LIBS fakehost deployer_core LABELS engine unit)
# ENGINE: the DeploymentEngine against hcloud-sim and fake hosts, secrets in a real private gnome-keyring:
# parallel creation, API faults, kill and resume, add/remove/destroy, validation, host keys, verify causes; the
# certificate path resolves through a real dnsmasq (as root).
deployer_add_test(NAME tst_engine SOURCES tst_engine.cpp
    LIBS fakehost deployer_core hcloudsim testdnsserver Qt6::Network
    LABELS engine unit sim KEYCHAIN TIMEOUT 600)
# PROGRESS: the core's progress model (per host state, step i/n, failed step, waiting reason, times; the run's
# phase) that the CLI and the wizard read, and the states' JSON names.
deployer_add_test(NAME tst_progressmodel SOURCES tst_progressmodel.cpp LIBS deployer_core LABELS engine unit)
# RUNLOG: each operation's log on disk (JSON lines, secrets blanked, 0600/0700, pruning, a log that cannot be written).
deployer_add_test(NAME tst_runlog SOURCES tst_runlog.cpp LIBS deployer_core LABELS engine unit)
# MEETING TEST (issue 15): MeetingTest against hcloud-sim and fake hosts: figures per bridge, "test every bridge" in
# turn, drains undone at the end, on cancel and after a killed run (MeetingDrains); the user's own drains untouched.
deployer_add_test(NAME tst_meetingtest SOURCES tst_meetingtest.cpp
    LIBS fakehost deployer_core hcloudsim Qt6::Network
    LABELS engine unit sim KEYCHAIN TIMEOUT 300)
