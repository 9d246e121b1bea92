#pragma once

#include "common/advice.h"

#include <QString>

#include <utility>
#include <variant>

// An error as a value (DESIGN.md §3): a plain-language, translated message that tells the user what
// happened and what to do, plus technical detail for the log. Neither may ever contain a secret.
struct Error
{
    QString domain; // subsystem: "hcloud", "keychain", "ssh", "cli", ...
    QString code; // machine-readable; for the API the documented error code, e.g. "unauthorized"
    QString message; // for the user: what happened and the fix
    QString detail; // for the log and support: technical detail
    QString correlationId; // X-Correlation-Id of the failing API request, if any
    int httpStatus = 0; // 0 when no HTTP answer was received
    Advice advice{}; // how to go on, rendered by each front end (common/advice.h); message does not repeat it

    // This error with `kind` of advice: `return engineError(...).advising(Advice::Kind::ListDeployments);`
    Error advising(Advice::Kind kind, const QString &subject = {}) &&
    {
        advice = Advice{kind, subject};
        return std::move(*this);
    }

    // One line for logs and the console: message, then code and correlation id for support.
    QString toString() const;
};

// A value or an Error. Small and well-tested instead of a hand-rolled union (qt-style-anchors §6).
template<typename T>
class Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    { }
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    { }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T *operator->() const { return &std::get<0>(m_data); }
    const T &operator*() const { return std::get<0>(m_data); }

    // An empty Error when the result holds a value, so diagnostics such as QVERIFY2(r.ok(), r.error()…)
    // (whose message Qt evaluates either way) are safe.
    const Error &error() const
    {
        static const Error none;
        return ok() ? none : std::get<1>(m_data);
    }

private:
    std::variant<T, Error> m_data;
};

template<>
class Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_failed(true)
        , m_error(std::move(error))
    { }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    bool m_failed = false;
    Error m_error;
};
