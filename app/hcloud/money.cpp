#include "money.h"

#include <QtNumeric>

#include <array>
#include <limits>

namespace {

// Scales beyond 18 decimal places cannot be represented next to a non-zero integer part in 64 bits.
constexpr int maxScale = 18;

constexpr std::array<qint64, maxScale + 1> powersOfTen = [] {
    std::array<qint64, maxScale + 1> powers{};
    powers[0] = 1;
    for (int i = 1; i <= maxScale; ++i)
        powers[i] = powers[i - 1] * 10;
    return powers;
}();

bool scaleUp(qint64 value, int steps, qint64 *result)
{
    if (steps < 0 || steps > maxScale)
        return false;
    return !qMulOverflow(value, powersOfTen[steps], result);
}

} // namespace

Money::Money(qint64 mantissa, int scale)
    : m_mantissa(mantissa)
    , m_scale(scale)
{
    normalise();
}

void Money::normalise()
{
    while (m_scale > 0 && m_mantissa % 10 == 0) {
        m_mantissa /= 10;
        --m_scale;
    }
    if (m_mantissa == 0)
        m_scale = 0;
}

std::optional<Money> Money::parse(const QString &text)
{
    qsizetype pos = 0;
    bool negative = false;
    if (pos < text.size() && (text.at(pos) == u'-' || text.at(pos) == u'+')) {
        negative = text.at(pos) == u'-';
        ++pos;
    }
    const qsizetype dot = text.indexOf(u'.', pos);
    const QStringView integerPart = QStringView(text).mid(pos, dot < 0 ? -1 : dot - pos);
    QStringView fractionPart = dot < 0 ? QStringView() : QStringView(text).mid(dot + 1);
    if (integerPart.isEmpty() && fractionPart.isEmpty())
        return std::nullopt;
    if (dot >= 0 && fractionPart.isEmpty())
        return std::nullopt; // "3." is not a price the API writes
    const auto allDigits = [](QStringView digits) {
        for (QChar c : digits) {
            if (c < u'0' || c > u'9')
                return false;
        }
        return true;
    };
    if (!allDigits(integerPart) || !allDigits(fractionPart))
        return std::nullopt;
    // Trailing zeros carry no value; dropping them first keeps "3.2900000000000000" within 64 bits.
    while (!fractionPart.isEmpty() && fractionPart.back() == u'0')
        fractionPart.chop(1);
    if (fractionPart.size() > maxScale)
        return std::nullopt;

    qint64 mantissa = 0;
    for (QStringView part : {integerPart, fractionPart}) {
        for (QChar c : part) {
            if (qMulOverflow(mantissa, qint64(10), &mantissa)
                || qAddOverflow(mantissa, qint64(c.unicode() - u'0'), &mantissa))
                return std::nullopt;
        }
    }
    return Money(negative ? -mantissa : mantissa, int(fractionPart.size()));
}

std::optional<Money> Money::plus(const Money &other) const
{
    const int scale = qMax(m_scale, other.m_scale);
    qint64 left = 0;
    qint64 right = 0;
    qint64 sum = 0;
    if (!scaleUp(m_mantissa, scale - m_scale, &left) || !scaleUp(other.m_mantissa, scale - other.m_scale, &right)
        || qAddOverflow(left, right, &sum))
        return std::nullopt;
    return Money(sum, scale);
}

std::optional<Money> Money::times(qint64 factor) const
{
    qint64 product = 0;
    if (qMulOverflow(m_mantissa, factor, &product))
        return std::nullopt;
    return Money(product, m_scale);
}

QString Money::toString() const
{
    return toString(m_scale);
}

QString Money::toString(int decimals) const
{
    decimals = qBound(0, decimals, maxScale);
    // Work on the magnitude as unsigned so that the most negative mantissa has a magnitude too.
    const bool negative = m_mantissa < 0;
    quint64 magnitude = negative ? quint64(0) - quint64(m_mantissa) : quint64(m_mantissa);
    int scale = m_scale;
    if (scale > decimals) {
        const quint64 divisor = quint64(powersOfTen[scale - decimals]);
        const quint64 remainder = magnitude % divisor;
        magnitude /= divisor;
        if (remainder >= divisor - remainder) // half away from zero
            ++magnitude;
        scale = decimals;
    }
    QString digits = QString::number(magnitude);
    if (scale > 0) {
        if (digits.size() <= scale)
            digits.prepend(QString(scale - digits.size() + 1, u'0'));
        digits.insert(digits.size() - scale, u'.');
    }
    if (scale < decimals)
        digits += QString(decimals - scale, u'0');
    if (decimals > 0 && scale == 0)
        digits.insert(digits.size() - decimals, u'.');
    if (negative && magnitude != 0)
        digits.prepend(u'-');
    return digits;
}

bool Money::operator==(const Money &other) const
{
    return m_mantissa == other.m_mantissa && m_scale == other.m_scale;
}

bool Money::operator<(const Money &other) const
{
    if ((m_mantissa < 0) != (other.m_mantissa < 0))
        return m_mantissa < 0;
    const int scale = qMax(m_scale, other.m_scale);
    qint64 left = 0;
    qint64 right = 0;
    const bool leftFits = scaleUp(m_mantissa, scale - m_scale, &left);
    const bool rightFits = scaleUp(other.m_mantissa, scale - other.m_scale, &right);
    if (leftFits && rightFits)
        return left < right;
    // Only the side scaled up can overflow, and then its magnitude is the larger one.
    const bool negative = m_mantissa < 0;
    return leftFits ? !negative : negative;
}
