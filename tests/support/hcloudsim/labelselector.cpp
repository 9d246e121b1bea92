#include "labelselector.h"

#include "simvalidation.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
QStringList splitTopLevel(const QString &expression, bool *balanced)
{
    QStringList terms;
    QString current;
    int depth = 0;
    *balanced = true;
    for (const QChar c : expression) {
        if (c == u'(') {
            ++depth;
        } else if (c == u')') {
            if (--depth < 0)
                *balanced = false;
        } else if (c == u',' && depth == 0) {
            terms << current;
            current.clear();
            continue;
        }
        current += c;
    }
    terms << current;
    if (depth != 0)
        *balanced = false;
    return terms;
}
} // namespace

std::optional<LabelSelector> LabelSelector::parse(const QString &expression, QString *reason)
{
    LabelSelector selector;
    if (expression.trimmed().isEmpty())
        return selector;
    bool balanced = true;
    const QStringList terms = splitTopLevel(expression, &balanced);
    if (!balanced) {
        if (reason)
            *reason = u"unbalanced parentheses"_s;
        return std::nullopt;
    }
    for (const QString &term : terms) {
        const auto requirement = parseTerm(term.trimmed(), reason);
        if (!requirement)
            return std::nullopt;
        selector.m_requirements << *requirement;
    }
    return selector;
}

std::optional<LabelSelector::Requirement> LabelSelector::parseTerm(const QString &term, QString *reason)
{
    const auto fail = [reason](const QString &why) -> std::optional<Requirement> {
        if (reason)
            *reason = why;
        return std::nullopt;
    };
    if (term.isEmpty())
        return fail(u"empty expression"_s);

    Requirement requirement;
    static const QRegularExpression setPattern(uR"(^(\S+)\s+(in|notin)\s*\((.*)\)$)"_s);
    if (const auto match = setPattern.match(term); match.hasMatch()) {
        requirement.key = match.captured(1);
        requirement.op = match.captured(2) == u"in"_s ? Op::In : Op::NotIn;
        const QStringList values = match.captured(3).split(u',');
        for (const QString &value : values) {
            const QString trimmed = value.trimmed();
            if (trimmed.isEmpty() || !SimValidation::isLabelValue(trimmed))
                return fail(u"invalid value '%1' in set"_s.arg(trimmed));
            requirement.values << trimmed;
        }
    } else if (term.startsWith(u'!') && !term.contains(u'=')) {
        requirement.key = term.mid(1).trimmed();
        requirement.op = Op::NotExists;
    } else if (const qsizetype at = term.indexOf(u"!="_s); at >= 0) {
        requirement.key = term.left(at).trimmed();
        requirement.op = Op::NotEquals;
        requirement.values << term.mid(at + 2).trimmed();
    } else if (const qsizetype at2 = term.indexOf(u"=="_s); at2 >= 0) {
        requirement.key = term.left(at2).trimmed();
        requirement.op = Op::Equals;
        requirement.values << term.mid(at2 + 2).trimmed();
    } else if (const qsizetype at3 = term.indexOf(u'='); at3 >= 0) {
        requirement.key = term.left(at3).trimmed();
        requirement.op = Op::Equals;
        requirement.values << term.mid(at3 + 1).trimmed();
    } else {
        requirement.key = term;
        requirement.op = Op::Exists;
    }

    if (!SimValidation::isLabelKey(requirement.key))
        return fail(u"invalid label key '%1'"_s.arg(requirement.key));
    if (requirement.op == Op::Equals || requirement.op == Op::NotEquals) {
        const QString &value = requirement.values.constFirst();
        if (!SimValidation::isLabelValue(value) || value.contains(u'=') || value.contains(u'!'))
            return fail(u"invalid label value '%1'"_s.arg(value));
    }
    return requirement;
}

bool LabelSelector::matches(const QJsonObject &labels) const
{
    for (const Requirement &r : m_requirements) {
        const bool present = labels.contains(r.key);
        const QString value = labels.value(r.key).toString();
        switch (r.op) {
        case Op::Equals:
            if (!present || value != r.values.constFirst())
                return false;
            break;
        case Op::NotEquals:
            // Like Kubernetes: an absent key satisfies k!=v.
            if (present && value == r.values.constFirst())
                return false;
            break;
        case Op::Exists:
            if (!present)
                return false;
            break;
        case Op::NotExists:
            if (present)
                return false;
            break;
        case Op::In:
            if (!present || !r.values.contains(value))
                return false;
            break;
        case Op::NotIn:
            if (present && r.values.contains(value))
                return false;
            break;
        }
    }
    return true;
}
