// The German translation is complete (DESIGN.md: "German complete") and actually reaches the user: the
// .ts has no open entry, the compiled catalogue covers the core library's messages, and the headless CLI
// answers in German when the environment asks for it.

#include "hcloud/hclouderrors.h"
#include "model/deploymentplan.h"
#include "ui/translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {
// %1…%99 and %n: a translation that drops or invents one shows the wrong value or a raw "%2".
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%(\\d+|n)"_s);
    QSet<QString> found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found.insert(match.captured());
    return found;
}

struct TsMessage
{
    QString context;
    QString source;
    QString type; // the <translation> element's type attribute: "unfinished", "vanished", ... or empty
    QStringList translations; // one entry, or one per numerus form
    bool numerus = false;
};

QList<TsMessage> readTs(const QString &path, QString *problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == "name"_L1) { // only <context> has one
            context = xml.readElementText();
            continue;
        }
        if (xml.name() != "message"_L1)
            continue;
        TsMessage message;
        message.context = context;
        message.numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
        while (xml.readNextStartElement()) {
            if (xml.name() == "source"_L1) {
                message.source = xml.readElementText();
            } else if (xml.name() == "translation"_L1) {
                message.type = xml.attributes().value("type"_L1).toString();
                if (message.numerus) {
                    while (xml.readNextStartElement()) {
                        if (xml.name() == "numerusform"_L1)
                            message.translations << xml.readElementText();
                        else
                            xml.skipCurrentElement();
                    }
                } else {
                    message.translations << xml.readElementText();
                }
            } else {
                xml.skipCurrentElement(); // comments, locations
            }
        }
        messages << message;
    }
    if (xml.hasError())
        *problem = xml.errorString() + u" at line "_s + QString::number(xml.lineNumber());
    return messages;
}

const auto endpoint = u"http://127.0.0.1:9/v1"_s;

const QList<hcloud::TransportError> transportErrors{
        hcloud::TransportError::EndpointUnreachable,  hcloud::TransportError::NetworkTimeout,
        hcloud::TransportError::ConnectionDropped,    hcloud::TransportError::TlsFailure,
        hcloud::TransportError::InvalidResponse,      hcloud::TransportError::HttpStatus,
        hcloud::TransportError::RateLimitWaitTooLong, hcloud::TransportError::ActionTimeout,
        hcloud::TransportError::ActionsNotFound};

QString translate(const char *context, const char *source)
{
    return QCoreApplication::translate(context, source);
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tsFileIsComplete();
    void representativeStringsAreGerman_data();
    void representativeStringsAreGerman();
    void tokenSummaryIsGerman();
    void everyApiErrorMessageIsGerman();
    void transportErrorMessagesAreGerman();
    void planMessagesAreGerman();
    void cliAnswersInTheUsersLanguage();

private:
    QMap<hcloud::ApiErrorCode, QString> m_englishApiMessages;
    QMap<int, QString> m_englishTransportMessages;
};

void TestTranslations::initTestCase()
{
    // The English texts first, while no translator is installed, to tell a translated message from an
    // untranslated one below.
    for (const hcloud::ApiErrorCode code : hcloud::allApiErrorCodes())
        m_englishApiMessages.insert(code, hcloud::messageFor(code, u"some_new_code"_s));
    for (const hcloud::TransportError kind : transportErrors)
        m_englishTransportMessages.insert(int(kind), hcloud::transportError(kind, endpoint, {}, 502).message);
    QVERIFY(m_englishApiMessages.size() > 50);

    QVERIFY(installTranslations(*QCoreApplication::instance(), QLocale(QLocale::German)));
}

void TestTranslations::tsFileIsComplete()
{
    QString problem;
    const QList<TsMessage> messages
            = readTs(QStringLiteral(DEPLOYER_SOURCE_DIR "/translations/jitsi-deployer_de.ts"), &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // Guards against a parser that silently reads nothing: the file holds well over a hundred entries.
    QVERIFY2(messages.size() > 100, qPrintable(QString::number(messages.size())));

    QSet<QString> contexts;
    for (const TsMessage &message : messages) {
        contexts.insert(message.context);
        const QString where = message.context + u": "_s + message.source.left(70);
        QVERIFY2(!message.source.isEmpty(), qPrintable(where));
        QVERIFY2(message.type.isEmpty(), qPrintable(where + u" is "_s + message.type));
        // German has two plural forms (singular, plural); Qt Linguist expects exactly these.
        QVERIFY2(message.translations.size() == (message.numerus ? 2 : 1),
                 qPrintable(where + u" needs exactly two plural forms"_s));
        for (const QString &translation : message.translations) {
            QVERIFY2(!translation.trimmed().isEmpty(), qPrintable(where + u" has an empty translation"_s));
            QVERIFY2(placeholders(translation) == placeholders(message.source),
                     qPrintable(where + u" has other placeholders: "_s + translation));
        }
    }
    for (const QString &expected :
         {u"CliApplication"_s, u"HcloudCommands"_s, u"InputValidation"_s, u"hcloud"_s, u"CredentialStore"_s,
          u"TokenSource"_s, u"TokenController"_s, u"TokenPage"_s, u"WelcomePage"_s})
        QVERIFY2(contexts.contains(expected), qPrintable(expected + u" is missing from the .ts"_s));
}

void TestTranslations::representativeStringsAreGerman_data()
{
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("germanFragment");

    QTest::newRow("cli unknown command") << "CliApplication"_ba
                                         << "Unknown command \"%1\"."_ba << u"Unbekannter Befehl"_s;
    QTest::newRow("cli option") << "CliApplication"_ba
                                << "That option does not belong to \"hcloud %1\"."_ba << u"gehört nicht"_s;
    QTest::newRow("cli access") << "HcloudCommands"_ba
                                << "read only"_ba << u"Nur-Lese"_s;
    QTest::newRow("cli table header") << "HcloudCommands"_ba
                                      << "NETWORK ZONE"_ba << u"NETZWERKZONE"_s;
    QTest::newRow("cli no server type") << "HcloudCommands"_ba
                                        << "No server type can be ordered in this project right now."_ba
                                        << u"Servertyp"_s;
    QTest::newRow("empty token") << "InputValidation"_ba
                                 << "The API token is empty. Create one in the Hetzner Console under Security → "
                                    "API tokens (Read & Write) and paste it."_ba
                                 << u"API-Token ist leer"_s;
    QTest::newRow("architecture") << "InputValidation"_ba
                                  << "Unknown architecture. Use x86 or arm."_ba << u"Unbekannte Architektur"_s;
    QTest::newRow("keychain") << "CredentialStore"_ba
                              << "No system keychain is available to keep secrets safe."_ba << u"Schlüsselbund"_s;
    QTest::newRow("token source") << "TokenSource"_ba
                                  << "No Hetzner Cloud API token found. Set the HCLOUD_TOKEN environment variable, "
                                     "or save a token with the wizard (start jitsi-deployer without arguments)."_ba
                                  << u"Umgebungsvariable HCLOUD_TOKEN"_s;
    QTest::newRow("token controller") << "TokenController"_ba
                                      << "It is saved in your system keychain."_ba << u"Schlüsselbund"_s;
    QTest::newRow("token page") << "TokenPage"_ba
                                << "Check token"_ba << u"Token prüfen"_s;
    QTest::newRow("welcome page") << "WelcomePage"_ba
                                  << "Welcome to Jitsi Deployer"_ba << u"Willkommen"_s;
    QTest::newRow("ssh key") << "hcloud"_ba
                             << "The SSH public key is not valid. Choose the .pub file of the key or generate a "
                                "new key."_ba
                             << u"SSH-Schlüssel"_s;
}

void TestTranslations::representativeStringsAreGerman()
{
    QFETCH(QByteArray, context);
    QFETCH(QByteArray, source);
    QFETCH(QString, germanFragment);
    const QString translated = translate(context.constData(), source.constData());
    QVERIFY2(translated != QString::fromUtf8(source), source.constData());
    QVERIFY2(translated.contains(germanFragment), qPrintable(translated));
}

void TestTranslations::tokenSummaryIsGerman()
{
    // Built from two translated parts: the access fragment must read as the German sentence's subject.
    const QString summary
            = translate("HcloudCommands", "Token works: %1 access to the project at %2 (servers: %3; API budget: %4 of "
                                          "%5 requests left this hour).")
                      .arg(translate("HcloudCommands", "read & write"), endpoint)
                      .arg(3)
                      .arg(3599)
                      .arg(3600);
    QCOMPARE(summary, u"Das Token funktioniert: Lese- und Schreibzugriff auf das Projekt unter "_s + endpoint
                              + u" (Server: 3; API-Kontingent: noch 3599 von 3600 Anfragen in dieser Stunde)."_s);
}

void TestTranslations::everyApiErrorMessageIsGerman()
{
    for (auto it = m_englishApiMessages.cbegin(); it != m_englishApiMessages.cend(); ++it) {
        const QString german = hcloud::messageFor(it.key(), u"some_new_code"_s);
        const QString code = hcloud::toString(it.key());
        QVERIFY2(!german.isEmpty(), qPrintable(code));
        QVERIFY2(german != it.value(), qPrintable(code + u" is still English: "_s + german));
    }
    const QString unauthorized = hcloud::messageFor(hcloud::ApiErrorCode::Unauthorized);
    QVERIFY2(unauthorized.contains(u"hat das API-Token abgelehnt"_s), qPrintable(unauthorized));
    // The code this build does not know is quoted for support, in German as in English.
    QVERIFY(hcloud::messageFor(hcloud::ApiErrorCode::Unrecognized, u"some_new_code"_s).contains(u"„some_new_code“"_s));

    // An action's failure wraps the code's own message: both parts must be German.
    const Error action = hcloud::actionError(u"create_server"_s, 42, u"locked"_s, u"locked"_s);
    QVERIFY2(action.message.startsWith(u"Der Hetzner-Cloud-Vorgang „create_server“ ist fehlgeschlagen."_s),
             qPrintable(action.message));
    QVERIFY2(action.message.contains(hcloud::messageFor(hcloud::ApiErrorCode::Locked)), qPrintable(action.message));
}

// The plan's checks live in free functions and a second struct; their messages must reach the catalogue under the
// context the code asks for at run time (lupdate cannot see a tr() outside a class, so this once failed).
void TestTranslations::planMessagesAreGerman()
{
    DeploymentPlan plan;
    plan.domain = u"localhost"_s;
    const QString domain = plan.validate().error().message;
    QVERIFY2(domain.contains(u"kein vollständiger Domainname"_s), qPrintable(domain));
    const QString missing = DeploymentPlan::fromJson(QJsonObject{{u"version"_s, 1}}).error().message;
    QVERIFY2(missing.contains(u"Im Plan fehlt"_s), qPrintable(missing));
    const QString secret = DeploymentSecrets::validateSecret(u"short"_s).error().message;
    QVERIFY2(!secret.contains(u"characters"_s), qPrintable(secret));
}

void TestTranslations::transportErrorMessagesAreGerman()
{
    for (const hcloud::TransportError kind : transportErrors) {
        const QString german = hcloud::transportError(kind, endpoint, {}, 502).message;
        QVERIFY2(german != m_englishTransportMessages.value(int(kind)), qPrintable(hcloud::toString(kind)));
    }
    const QString unreachable
            = hcloud::transportError(hcloud::TransportError::EndpointUnreachable, endpoint, {}).message;
    QVERIFY2(unreachable.contains(u"unter "_s + endpoint + u" ist nicht erreichbar"_s), qPrintable(unreachable));
}

void TestTranslations::cliAnswersInTheUsersLanguage()
{
    // Qt takes the language from LANGUAGE/LC_ALL/LC_MESSAGES/LANG itself, so no German locale needs to be
    // installed for this. The English run proves the language follows the environment.
    struct Case
    {
        QString language;
        QString lang;
        QString unknownCommand;
        QString usage;
    };
    const QList<Case> cases{{u"de"_s, u"de_DE.UTF-8"_s, u"Unbekannter Befehl „hcloud nonsense“."_s,
                             u"Aufruf: jitsi-deployer [Befehl] [Optionen]"_s},
                            {{},
                             u"C.UTF-8"_s,
                             u"Unknown command \"hcloud nonsense\"."_s,
                             u"Usage: jitsi-deployer [command] [options]"_s}};
    for (const Case &c : cases) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString &name : {u"LANGUAGE"_s, u"LC_ALL"_s, u"LC_MESSAGES"_s, u"LANG"_s})
            environment.remove(name);
        if (!c.language.isEmpty())
            environment.insert(u"LANGUAGE"_s, c.language);
        environment.insert(u"LANG"_s, c.lang);
        environment.remove(u"HCLOUD_TOKEN"_s);
        environment.insert(u"HCLOUD_ENDPOINT"_s, endpoint);

        QProcess cli;
        cli.setProcessEnvironment(environment);
        cli.start(QString::fromUtf8(DEPLOYER_APP_BINARY), {u"hcloud"_s, u"nonsense"_s});
        QVERIFY2(cli.waitForFinished(30000), qPrintable(cli.errorString()));
        const QString errors = QString::fromUtf8(cli.readAllStandardError());
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 2); // bad input
        QVERIFY2(errors.contains(c.unknownCommand), qPrintable(errors));
        QVERIFY2(errors.contains(c.usage), qPrintable(errors));
    }
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
