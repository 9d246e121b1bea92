#include "hcloud/money.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void rejectsGarbage_data();
    void rejectsGarbage();
    void decimalSumIsExact();
    void timesMultipliesExactly();
    void rounding_data();
    void rounding();
    void overflowGivesNullopt();
    void ordering();
};

static Money money(const QString &text)
{
    const std::optional<Money> parsed = Money::parse(text);
    if (!parsed)
        qFatal("test value does not parse: %s", qPrintable(text));
    return *parsed;
}

void TestMoney::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("exact");
    QTest::addColumn<qint64>("mantissa");
    QTest::addColumn<int>("scale");
    QTest::newRow("16-decimal gross") << u"3.2900000000000000"_s << u"3.29"_s << qint64(329) << 2;
    QTest::newRow("10-decimal net") << u"0.0052000000"_s << u"0.0052"_s << qint64(52) << 4;
    QTest::newRow("integer") << u"12"_s << u"12"_s << qint64(12) << 0;
    QTest::newRow("negative") << u"-1.5"_s << u"-1.5"_s << qint64(-15) << 1;
    QTest::newRow("zero with decimals") << u"0.0000000000000000"_s << u"0"_s << qint64(0) << 0;
    QTest::newRow("leading zeros") << u"007.10"_s << u"7.1"_s << qint64(71) << 1;
    QTest::newRow("fraction only") << u".5"_s << u"0.5"_s << qint64(5) << 1;
    QTest::newRow("18 significant decimals")
            << u"0.123456789012345678"_s << u"0.123456789012345678"_s << qint64(123456789012345678) << 18;
    QTest::newRow("all 64 bits") << u"92233720.368547758070000"_s << u"92233720.36854775807"_s
                                 << qint64(9223372036854775807) << 11;
}

void TestMoney::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, exact);
    QFETCH(qint64, mantissa);
    QFETCH(int, scale);
    const std::optional<Money> parsed = Money::parse(text);
    QVERIFY(parsed);
    QCOMPARE(parsed->toString(), exact);
    QCOMPARE(parsed->mantissa(), mantissa);
    QCOMPARE(parsed->scale(), scale);
}

void TestMoney::rejectsGarbage_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("sign only") << u"-"_s;
    QTest::newRow("dot only") << u"."_s;
    QTest::newRow("trailing dot") << u"3."_s;
    QTest::newRow("exponent") << u"1e5"_s;
    QTest::newRow("leading space") << u" 3.29"_s;
    QTest::newRow("trailing space") << u"3.29 "_s;
    QTest::newRow("comma decimal") << u"3,29"_s;
    QTest::newRow("two dots") << u"3.2.9"_s;
    QTest::newRow("currency") << u"€3.29"_s;
    QTest::newRow("letters") << u"abc"_s;
    QTest::newRow("double sign") << u"--1"_s;
    QTest::newRow("nan") << u"NaN"_s;
    QTest::newRow("too many decimals") << u"0.0000000000000000001"_s;
    QTest::newRow("beyond 64 bits") << u"99999999999999999999"_s;
}

void TestMoney::rejectsGarbage()
{
    QFETCH(QString, text);
    QVERIFY(!Money::parse(text).has_value());
}

void TestMoney::decimalSumIsExact()
{
    // The classic floating-point trap: 0.1 + 0.2 != 0.3 in binary; here it must be exactly 0.3.
    const std::optional<Money> sum = money(u"0.1"_s).plus(money(u"0.2"_s));
    QVERIFY(sum);
    QCOMPARE(*sum, money(u"0.3"_s));
    QCOMPARE(sum->toString(), u"0.3"_s);

    // Mixed scales, as net (10 decimals) and gross (16 decimals) strings come.
    const std::optional<Money> mixed = money(u"3.2900000000"_s).plus(money(u"0.0052000000000000"_s));
    QVERIFY(mixed);
    QCOMPARE(mixed->toString(), u"3.2952"_s);

    const std::optional<Money> toZero = money(u"1.25"_s).plus(money(u"-1.25"_s));
    QVERIFY(toZero);
    QCOMPARE(toZero->toString(), u"0"_s);
    QCOMPARE(*toZero, Money());
}

void TestMoney::timesMultipliesExactly()
{
    // 10 bridges at 3.29 a month, 730 hours at 0.0052.
    QCOMPARE(money(u"3.29"_s).times(10)->toString(), u"32.9"_s);
    QCOMPARE(money(u"0.0052"_s).times(730)->toString(), u"3.796"_s);
    QCOMPARE(money(u"0.1"_s).times(3)->toString(), u"0.3"_s);
    QCOMPARE(money(u"7.5"_s).times(0)->toString(), u"0"_s);
    QCOMPARE(money(u"2.5"_s).times(-2)->toString(), u"-5"_s);
}

void TestMoney::rounding_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("rounded");
    QTest::newRow("pad") << u"3.29"_s << 4 << u"3.2900"_s;
    QTest::newRow("integer padded") << u"12"_s << 2 << u"12.00"_s;
    QTest::newRow("down") << u"0.0052"_s << 2 << u"0.01"_s;
    QTest::newRow("half up") << u"0.125"_s << 2 << u"0.13"_s;
    QTest::newRow("below half") << u"0.1249999"_s << 2 << u"0.12"_s;
    QTest::newRow("negative half away from zero") << u"-0.125"_s << 2 << u"-0.13"_s;
    QTest::newRow("negative rounds to zero") << u"-0.001"_s << 2 << u"0.00"_s;
    QTest::newRow("carry") << u"9.995"_s << 2 << u"10.00"_s;
    QTest::newRow("to integer") << u"2.5"_s << 0 << u"3"_s;
    QTest::newRow("zero decimals exact") << u"2"_s << 0 << u"2"_s;
    QTest::newRow("16-decimal gross to cents") << u"3.2900000000000000"_s << 2 << u"3.29"_s;
}

void TestMoney::rounding()
{
    QFETCH(QString, text);
    QFETCH(int, decimals);
    QFETCH(QString, rounded);
    QCOMPARE(money(text).toString(decimals), rounded);
}

void TestMoney::overflowGivesNullopt()
{
    const Money big = money(u"9223372036854775807"_s);
    QVERIFY(!big.plus(money(u"1"_s)));
    QVERIFY(!big.times(2));
    QVERIFY(!money(u"-9223372036854775807"_s).plus(money(u"-2"_s)));
    // Aligning scales can overflow too: 18 decimals next to a large integer part.
    QVERIFY(!money(u"922337203685477581"_s).plus(money(u"0.01"_s)));
    QVERIFY(money(u"1"_s).plus(money(u"0.000000000000000001"_s)));
}

void TestMoney::ordering()
{
    QVERIFY(money(u"0.3"_s) < money(u"0.31"_s));
    QVERIFY(!(money(u"0.31"_s) < money(u"0.3"_s)));
    QVERIFY(money(u"-1"_s) < money(u"0.0001"_s));
    QVERIFY(money(u"-2"_s) < money(u"-1.5"_s));
    QVERIFY(!(money(u"3.29"_s) < money(u"3.2900"_s)));
    // Comparing where aligning scales overflows must still order correctly.
    QVERIFY(money(u"0.000000000000000001"_s) < money(u"92233720368547758"_s));
    QVERIFY(money(u"-92233720368547758"_s) < money(u"-0.000000000000000001"_s));
    QVERIFY(money(u"3.2900000000"_s) == money(u"3.29"_s));
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
