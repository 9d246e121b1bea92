#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The API's label selector language (reference §1.3): k=v, k==v, k!=v, k, !k, k in (a,b), k notin (a,b),
// joined by commas meaning AND. Commas inside parentheses belong to the set.
class LabelSelector
{
public:
    // nullopt and a reason when the expression is malformed (the API answers 422 invalid_input).
    static std::optional<LabelSelector> parse(const QString &expression, QString *reason = nullptr);

    bool matches(const QJsonObject &labels) const;
    bool isEmpty() const { return m_requirements.isEmpty(); }

private:
    enum class Op { Equals, NotEquals, Exists, NotExists, In, NotIn };
    struct Requirement
    {
        QString key;
        Op op = Op::Exists;
        QStringList values;
    };
    static std::optional<Requirement> parseTerm(const QString &term, QString *reason);

    QList<Requirement> m_requirements;
};
