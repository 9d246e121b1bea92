#include "common/inputvalidation.h"
#include "common/logging.h"
#include "common/redactor.h"
#include "common/result.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
QStringList captured;
void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    captured << message;
}
} // namespace

class TestCommon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resultCarriesValueOrError()
    {
        Result<int> good(42);
        QVERIFY(good.ok());
        QCOMPARE(good.value(), 42);
        Result<int> bad(Error{u"hcloud"_s, u"not_found"_s, u"gone"_s, {}, {}, 404});
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, u"not_found"_s);
        QVERIFY(good.error().code.isEmpty()); // safe to ask, e.g. inside QVERIFY2's message
        Result<void> fine;
        QVERIFY(fine.ok());
        Result<void> failed(Error{u"x"_s, u"y"_s, u"z"_s, {}, {}, 0});
        QVERIFY(!failed.ok());
    }

    void errorLineNamesCodeAndCorrelationId()
    {
        const Error error{u"hcloud"_s, u"server_error"_s, u"The API failed."_s, {}, u"abc123"_s, 500};
        const QString line = error.toString();
        QVERIFY(line.startsWith(u"The API failed."_s));
        QVERIFY(line.contains(u"server_error"_s));
        QVERIFY(line.contains(u"500"_s));
        QVERIFY(line.contains(u"abc123"_s));
    }

    void redactorBlanksSecrets()
    {
        Redactor::instance().clear();
        Redactor::instance().addSecret(u"s3cr3t-value"_s);
        Redactor::instance().addSecret(u"abc"_s); // too short to blank safely
        QCOMPARE(Redactor::instance().redact(u"token=s3cr3t-value; abc"_s), u"token=[redacted]; abc"_s);
        Redactor::instance().clear();
        QCOMPARE(Redactor::instance().redact(u"s3cr3t-value"_s), u"s3cr3t-value"_s);
    }

    void logMessagesAreRedacted()
    {
        Redactor::instance().clear();
        Redactor::instance().addSecret(u"TopSecretToken123"_s);
        captured.clear();
        const QtMessageHandler original = qInstallMessageHandler(capture);
        installRedactingMessageHandler();
        qCWarning(lcHcloud) << "Authorization: Bearer TopSecretToken123";
        qInstallMessageHandler(original);
        QCOMPARE(captured.size(), 1);
        QVERIFY(!captured.first().contains(u"TopSecretToken123"_s));
        QVERIFY(captured.first().contains(u"[redacted]"_s));
    }

    void tokenValidation_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("code"); // empty = accepted
        QTest::newRow("real shape") << u"AbCdEf0123456789AbCdEf0123456789AbCdEf0123456789AbCdEf0123456789"_s
                                    << QString();
        QTest::newRow("surrounding whitespace") << u"  abcdef0123456789\n"_s << QString();
        QTest::newRow("empty") << QString() << u"token_empty"_s;
        QTest::newRow("blank") << u" \t\n"_s << u"token_empty"_s;
        QTest::newRow("inner newline") << u"abcdef\n0123456789"_s << u"token_malformed"_s;
        QTest::newRow("inner space") << u"abcdef 0123456789"_s << u"token_malformed"_s;
        QTest::newRow("quotes") << u"'abcdef0123456789'"_s << u"token_malformed"_s;
        QTest::newRow("non-ascii") << u"abcdéf0123456789"_s << u"token_malformed"_s;
        QTest::newRow("too long") << QString(300, u'a') << u"token_malformed"_s;
    }

    void tokenValidation()
    {
        QFETCH(QString, input);
        QFETCH(QString, code);
        const auto result = InputValidation::token(input);
        if (code.isEmpty()) {
            QVERIFY(result.ok());
            QCOMPARE(result.value(), input.trimmed());
        } else {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, code);
            QVERIFY(!result.error().message.isEmpty());
            QVERIFY(!result.error().message.contains(input.trimmed()) || input.trimmed().isEmpty());
        }
    }

    void endpointValidation()
    {
        QVERIFY(InputValidation::endpoint(u"https://api.hetzner.cloud/v1"_s).ok());
        QVERIFY(InputValidation::endpoint(u"http://127.0.0.1:4000/v1"_s).ok());
        QVERIFY(!InputValidation::endpoint(u"ftp://example.com"_s).ok());
        QVERIFY(!InputValidation::endpoint(u"not a url"_s).ok());
        QVERIFY(!InputValidation::endpoint(QString()).ok());
    }

    void architectureValidation()
    {
        QCOMPARE(InputValidation::architecture(u"ARM"_s).value(), u"arm"_s);
        QCOMPARE(InputValidation::architecture(u"x86"_s).value(), u"x86"_s);
        QVERIFY(!InputValidation::architecture(u"amd64"_s).ok());
    }
};

QTEST_GUILESS_MAIN(TestCommon)
#include "tst_common.moc"
