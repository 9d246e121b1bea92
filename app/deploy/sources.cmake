# sources of the deployment model
target_sources(deployer_core PRIVATE
    deploy/deploymentplan.h deploy/deploymentplan.cpp
    deploy/dryrunwriter.h deploy/dryrunwriter.cpp
    deploy/plansummary.h deploy/plansummary.cpp)
# discovery: finding deployments by their labels
target_sources(deployer_core PRIVATE
    deploy/deploymentlabels.h deploy/deploymentlabels.cpp
    deploy/discovery.h deploy/discovery.cpp)
# verification: is every bridge really connected (DESIGN.md §5), judged from logs and probes
target_sources(deployer_core PRIVATE
    deploy/verifier.h deploy/verifier.cpp)
