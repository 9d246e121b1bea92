# provisioning tests
# USERDATA: rendered user-data checked by Debian's real `cloud-init schema` and shellcheck.
deployer_add_test(NAME tst_userdata SOURCES tst_userdata.cpp LIBS deployer_core LABELS provision unit TIMEOUT 300)
# PLAN: the plan model, file format, names and generated secrets.
deployer_add_test(NAME tst_deploymentplan SOURCES tst_deploymentplan.cpp LIBS deployer_core LABELS provision unit)
# SCRIPTS: install scripts (shellcheck, config editing with the real hocon and prosodyctl), bundle, env file.
deployer_add_test(NAME tst_provisionscripts SOURCES tst_provisionscripts.cpp LIBS deployer_core
    LABELS provision unit TIMEOUT 300)
# PLAN: what a plan creates and costs, and the dry run's files (no secret in any of them).
deployer_add_test(NAME tst_plansummary SOURCES tst_plansummary.cpp LIBS deployer_core LABELS provision unit)
# DISCOVERY: deployments found by their labels, grouped and checked; the label sets the engine creates them with.
deployer_add_test(NAME tst_discovery SOURCES tst_discovery.cpp LIBS deployer_core hcloudsim Qt6::Network
    LABELS provision unit sim)
# VERIFY: the Verifier's verdicts on prosody, jicofo and jvb log fixtures (tests/fixtures/verify).
deployer_add_test(NAME tst_verifier SOURCES tst_verifier.cpp LIBS deployer_core LABELS provision unit)
deployer_add_test(NAME tst_jitsistate SOURCES tst_jitsistate.cpp LIBS deployer_core LABELS provision unit)
