target_sources(deployer_core PRIVATE
    cli/cliapplication.h cli/cliapplication.cpp
    cli/cliusage.h cli/cliusage.cpp
    cli/clioutput.h cli/clioutput.cpp
    cli/hcloudcommands.h cli/hcloudcommands.cpp
    cli/plancommand.h cli/plancommand.cpp
    cli/tokenresolver.h cli/tokenresolver.cpp)
target_sources(deployer_core PRIVATE cli/statuscommand.h cli/statuscommand.cpp)
target_sources(deployer_core PRIVATE cli/healthlines.h cli/healthlines.cpp)
target_sources(deployer_core PRIVATE cli/meetinglines.h cli/meetinglines.cpp)
# the engine's commands (issue 5): deploy, verify, add-bridge, remove-bridge, destroy, and their progress output
target_sources(deployer_core PRIVATE
    cli/enginecommands.h cli/enginecommands.cpp
    cli/eventrenderer.h cli/eventrenderer.cpp
    cli/cliadvice.h cli/cliadvice.cpp
    cli/interruptwatcher.h cli/interruptwatcher.cpp
    cli/terminal.h cli/terminal_p.h cli/terminal.cpp)
# The terminal is the one part of the CLI each platform reaches its own way.
if(WIN32)
    target_sources(deployer_core PRIVATE cli/terminal_win.cpp)
else()
    target_sources(deployer_core PRIVATE cli/terminal_posix.cpp)
endif()
# confirming host keys of servers pinned on another computer (issue 14)
target_sources(deployer_core PRIVATE cli/hostkeyprompt.h cli/hostkeyprompt.cpp)
# accounts of a moderated deployment (issue 15): `account list | add USER | remove USER`
target_sources(deployer_core PRIVATE cli/accountoptions.h cli/accountoptions.cpp)
