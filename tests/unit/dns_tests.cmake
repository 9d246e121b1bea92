# dns tests (issue 5)
# DnsCheck against the in-process hcloud-sim (Cloud DNS, checked against the OpenAPI description) and a real
# dnsmasq on a private loopback address. Port 53 needs root, as in CI; without it those cases are skipped.
deployer_add_test(NAME tst_dnscheck SOURCES tst_dnscheck.cpp
    LIBS deployer_core hcloudsim testdnsserver LABELS deploy dns sim TIMEOUT 180)
# The deployment's local state file and its secrets in a real, private gnome-keyring.
deployer_add_test(NAME tst_deploymentstore SOURCES tst_deploymentstore.cpp
    LIBS deployer_core LABELS deploy secrets KEYCHAIN TIMEOUT 180)
