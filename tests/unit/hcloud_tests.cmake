# tests for hcloud
foreach(name tst_money tst_hcloudparse tst_hclouderrors tst_retrypolicy)
    deployer_add_test(NAME ${name} SOURCES ${name}.cpp LIBS deployer_core LABELS hcloud unit)
endforeach()

# Against the in-process simulator; every exchange is checked against the OpenAPI description in cleanup().
deployer_add_test(NAME tst_hetznerclient SOURCES tst_hetznerclient.cpp
    LIBS deployer_core hcloudsim LABELS hcloud sim TIMEOUT 300)
