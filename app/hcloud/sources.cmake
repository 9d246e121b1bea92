# sources of the hcloud subsystem
target_sources(deployer_core PRIVATE
    hcloud/money.h hcloud/money.cpp
    hcloud/hcloudtypes.h hcloud/hcloudtypes.cpp
    hcloud/hcloudparse.h hcloud/hcloudparse.cpp
    hcloud/hclouderrors.h hcloud/hclouderrors.cpp
    hcloud/retrypolicy.h hcloud/retrypolicy.cpp
    hcloud/labelselector.h hcloud/labelselector.cpp
    hcloud/hcloudtransport.h hcloud/hcloudtransport.cpp
    hcloud/actionpoller.h hcloud/actionpoller.cpp
    hcloud/hetznerclient.h hcloud/hetznerclient.cpp)
