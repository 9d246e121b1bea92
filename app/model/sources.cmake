# the plain plan shared by provision/ and deploy/: what the user asked for, its file format and validation
target_sources(deployer_core PRIVATE
    model/deploymentplan.h model/deploymentplan.cpp)
