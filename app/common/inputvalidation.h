#pragma once

#include "result.h"

#include <QString>
#include <QUrl>

// Checks of user input that need no network: bad input gets a clear error before anything is sent.
namespace InputValidation {

// A Hetzner API token: non-empty printable ASCII without spaces (real ones are 64 letters and digits).
// A token pasted with a line break or a quote is the usual mistake, so those get their own message.
Result<QString> token(const QString &raw);

// The API endpoint: an absolute https URL, e.g. https://api.hetzner.cloud/v1. Plain http would send the
// API token readable to everyone on the way, so it is accepted only for a server on this machine
// (isLoopbackHost), such as a local test server at http://127.0.0.1:4000/v1.
Result<QUrl> endpoint(const QString &raw);

// localhost, 127.0.0.0/8 or ::1: traffic to these never leaves the machine.
bool isLoopbackHost(const QString &host);

// "x86" or "arm", as the API names architectures.
Result<QString> architecture(const QString &raw);

} // namespace InputValidation
