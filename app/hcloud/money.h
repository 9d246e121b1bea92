#pragma once

#include <QString>

#include <optional>

// An exact decimal amount (prices are decimal strings in the API; never parsed into floating point).
// Stored as mantissa * 10^-scale, normalised (no trailing zeros). Arithmetic that would overflow
// returns std::nullopt rather than a wrong number.
class Money
{
public:
    Money() = default;

    // Parses "3.2900000000000000", "0.0052", "12", "-1.5". Rejects exponents, spaces, empty text.
    static std::optional<Money> parse(const QString &text);

    std::optional<Money> plus(const Money &other) const;
    std::optional<Money> times(qint64 factor) const;

    // Exact text with all significant digits ("3.29", "0.0052", "0").
    QString toString() const;
    // Rounded half away from zero to `decimals` places, zero-padded ("3.29", "0.01").
    QString toString(int decimals) const;

    bool operator==(const Money &other) const;
    bool operator<(const Money &other) const;

    qint64 mantissa() const { return m_mantissa; }
    int scale() const { return m_scale; }

private:
    Money(qint64 mantissa, int scale);
    void normalise();

    qint64 m_mantissa = 0;
    int m_scale = 0;
};
