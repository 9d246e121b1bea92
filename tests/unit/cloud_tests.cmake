# cloud tests (issue 5): CloudResources against the in-process simulator; every exchange is checked against the
# OpenAPI description in cleanup().
deployer_add_test(NAME tst_cloudresources SOURCES tst_cloudresources.cpp
    LIBS deployer_core hcloudsim LABELS deploy sim TIMEOUT 300)
# PLANPREVIEW (issue 12): the one plan check that `plan`, `deploy` and the wizard's Review page share.
deployer_add_test(NAME tst_planpreview SOURCES tst_planpreview.cpp
    LIBS deployer_core hcloudsim LABELS deploy sim)
# FIREWALLPOLICY (issue 15): the web firewall opens coturn's ports exactly when the plan has TURN.
deployer_add_test(NAME tst_firewallpolicy SOURCES tst_firewallpolicy.cpp LIBS deployer_core LABELS deploy unit)
