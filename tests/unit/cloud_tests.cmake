# cloud tests (issue 5): CloudResources against the in-process simulator; every exchange is checked against the
# OpenAPI description in cleanup().
deployer_add_test(NAME tst_cloudresources SOURCES tst_cloudresources.cpp
    LIBS deployer_core hcloudsim LABELS deploy sim TIMEOUT 300)
