#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

struct SimResponse;

// The API's input rules (reference §4), shared by every handler.
namespace SimValidation {
bool isLabelKey(const QString &key);
bool isLabelValue(const QString &value);
// nullopt when fine, else the 422 invalid_input answer naming field "labels".
std::optional<SimResponse> checkLabels(const QJsonValue &labels);
bool isRfc1123Hostname(const QString &name);
// "10.0.0.0/16" -> true and the parsed parts; IPv4 or IPv6.
bool parseCidr(const QString &cidr, QString *address = nullptr, int *prefix = nullptr);
bool isRfc1918Range(const QString &cidr);
} // namespace SimValidation
