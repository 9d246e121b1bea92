# sources of the deployment model
target_sources(deployer_core PRIVATE
    deploy/deploymentplan.h deploy/deploymentplan.cpp
    deploy/dryrunwriter.h deploy/dryrunwriter.cpp
    deploy/plansummary.h deploy/plansummary.cpp)
