#pragma once

// Helpers shared by CloudResources' files (cloudresources.cpp, cloudservers.cpp, clouddeletion.cpp); not for use
// elsewhere.

#include "common/result.h"
#include "hcloud/hclouderrors.h"
#include "hcloud/hcloudtypes.h"

#include <QString>

#include <functional>
#include <optional>

namespace cloudsupport {

inline QString latin1(const char *text)
{
    return QString::fromLatin1(text);
}

inline bool hasCode(const Error &error, hcloud::ApiErrorCode code)
{
    return error.code == hcloud::toString(code);
}

// A failure after which the request may still have taken effect: the answer was lost, the backend failed (5xx)
// after committing, or the name is taken now (possibly by a silent resend of our own request).
inline bool mayHaveTakenEffect(const Error &error)
{
    return hasCode(error, hcloud::ApiErrorCode::UniquenessError) || error.httpStatus == 0 || error.httpStatus >= 500;
}

inline Error deployError(const QString &code, const QString &message, const QString &detail)
{
    return Error{QStringLiteral("deploy"), code, message, detail, {}, 0};
}

// Keeps the API's code, status and correlation id (the engine and support need them) with our own message.
inline Error rephrased(const Error &cause, const QString &message, const QString &context)
{
    Error error = cause;
    error.message = message;
    error.detail = context + QStringLiteral(": ") + (cause.detail.isEmpty() ? cause.message : cause.detail);
    return error;
}

template<typename T>
const T *findByName(const QList<T> &items, const QString &name)
{
    for (const T &item : items) {
        if (item.name == name)
            return &item;
    }
    return nullptr;
}

// Collects the answers of requests sent together and continues once, when the last one is in.
struct Join
{
    int outstanding = 0;
    std::optional<Error> error;
    std::function<void(const std::optional<Error> &)> then;

    void fail(const Error &failure)
    {
        if (!error)
            error = failure;
    }
    void arrived()
    {
        if (--outstanding == 0)
            then(error);
    }
};

} // namespace cloudsupport
