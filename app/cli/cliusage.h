#pragma once

#include <QString>

// The text of `jitsi-deployer --help`: every command and option, in the user's language (context
// "CliApplication"). On its own because it is long and changes with every command, not with the parsing.
QString cliUsage();
