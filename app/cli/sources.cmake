target_sources(deployer_core PRIVATE
    cli/cliapplication.h cli/cliapplication.cpp
    cli/clioutput.h cli/clioutput.cpp
    cli/hcloudcommands.h cli/hcloudcommands.cpp
    cli/plancommand.h cli/plancommand.cpp
    cli/tokenresolver.h cli/tokenresolver.cpp)
target_sources(deployer_core PRIVATE cli/statuscommand.h cli/statuscommand.cpp)
