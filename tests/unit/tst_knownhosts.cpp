// The pinned host keys store (app/ssh/knownhosts): OpenSSH format, atomic owner-only writes, hand edits kept.
#include "ssh/knownhosts.h"

#include "sshtesttools.h"
#include "testkeys.h"
#include "testsshd.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

// "host algorithm base64 [comment]" as bytes.
QByteArray entry(const QString &host, const SshPublicKey &key)
{
    return (host + u' ' + key.line()).toUtf8();
}

} // namespace

class TestKnownHosts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void defaultLocation();
    void roundTrip();
    void nonDefaultPort();
    void replace();
    void remove();
    void handEditedFileIsPreserved();
    void damagedLinesAreIgnoredWithWarning();
    void hashedAndMultiHostEntries();
    void modeIsAlwaysOwnerOnly();
    void writeFailure();
    void realSshAcceptsTheFile();

private:
    SshPublicKey newKey(TestKeys::Type type = TestKeys::Type::Ed25519);

    TestKeys m_keys;
    QList<SshPublicKey> m_pool;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_file;
};

SshPublicKey TestKnownHosts::newKey(TestKeys::Type type)
{
    const auto key = m_keys.generate(type);
    return SshPublicKey::fromLine(key.publicLine).value();
}

void TestKnownHosts::initTestCase()
{
    QCoreApplication::setApplicationName(u"tst_knownhosts"_s);
    for (int i = 0; i < 3; ++i)
        m_pool.append(newKey());
    m_pool.append(newKey(TestKeys::Type::Ecdsa));
}

void TestKnownHosts::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_file = m_dir->filePath(u"data/known_hosts"_s);
}

void TestKnownHosts::defaultLocation()
{
    const QString expected = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/known_hosts"_s;
    QCOMPARE(KnownHosts::defaultFilePath(), expected);
    QCOMPARE(KnownHosts().filePath(), expected);
    // The test has its own XDG_DATA_HOME (DeployerTest.cmake), so this never touches a real user's file.
    QVERIFY(expected.startsWith(QString::fromLocal8Bit(qgetenv("XDG_DATA_HOME"))));
}

void TestKnownHosts::roundTrip()
{
    KnownHosts store(m_file);
    QVERIFY(!store.lookup(u"192.0.2.10"_s).has_value()); // no file yet
    QVERIFY(!QFileInfo::exists(m_file));
    QVERIFY(store.pin(u"192.0.2.10"_s, 22, m_pool.at(0)));
    QCOMPARE(contents(m_file), (u"192.0.2.10 "_s + m_pool.at(0).line() + u'\n').toUtf8());
    const auto found = KnownHosts(m_file).lookup(u"192.0.2.10"_s, 22);
    QVERIFY(found.has_value());
    QCOMPARE(*found, m_pool.at(0));
    QVERIFY(!store.lookup(u"192.0.2.11"_s).has_value());
    QVERIFY(!store.lookup(u"192.0.2.1"_s).has_value());
    // Host names compare without case, like OpenSSH.
    QVERIFY(store.pin(u"Meet.Example.ORG"_s, 22, m_pool.at(1)));
    QCOMPARE(store.lookup(u"meet.example.org"_s), m_pool.at(1));
    QVERIFY(contents(m_file).contains("\nmeet.example.org ssh-ed25519 "));
}

void TestKnownHosts::nonDefaultPort()
{
    KnownHosts store(m_file);
    QVERIFY(store.pin(u"192.0.2.10"_s, 2222, m_pool.at(0)));
    QVERIFY(store.pin(u"192.0.2.10"_s, 22, m_pool.at(1)));
    QVERIFY(contents(m_file).startsWith("[192.0.2.10]:2222 ssh-ed25519 "));
    QCOMPARE(store.lookup(u"192.0.2.10"_s, 2222), m_pool.at(0));
    QCOMPARE(store.lookup(u"192.0.2.10"_s, 22), m_pool.at(1));
    QVERIFY(!store.lookup(u"192.0.2.10"_s, 2223).has_value());
    QCOMPARE(KnownHosts::hostPattern(u"2001:db8::1"_s, 22), u"2001:db8::1"_s);
    QCOMPARE(KnownHosts::hostPattern(u"2001:db8::1"_s, 2222), u"[2001:db8::1]:2222"_s);

    // OpenSSH also accepts "[host]:22"; such a hand-written entry is found for port 22.
    QVERIFY(SshTestTools::writeFile(m_file, entry(u"[192.0.2.20]:22"_s, m_pool.at(2)) + '\n', 0600));
    QCOMPARE(store.lookup(u"192.0.2.20"_s, 22), m_pool.at(2));
}

void TestKnownHosts::replace()
{
    KnownHosts store(m_file);
    QVERIFY(store.pin(u"a.example"_s, 22, m_pool.at(0)));
    QVERIFY(store.pin(u"b.example"_s, 22, m_pool.at(1)));
    // Rotation / rebuilt server: the new key replaces the old one in place, even with another key type.
    QVERIFY(store.pin(u"a.example"_s, 22, m_pool.at(3)));
    QCOMPARE(store.lookup(u"a.example"_s), m_pool.at(3));
    QCOMPARE(store.lookup(u"b.example"_s), m_pool.at(1));
    const QList<QByteArray> lines = contents(m_file).trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).startsWith("a.example ecdsa-sha2-nistp256 "));
    QVERIFY(lines.at(1).startsWith("b.example ssh-ed25519 "));
    // Pinning the same key again changes nothing.
    const QByteArray before = contents(m_file);
    QVERIFY(store.pin(u"a.example"_s, 22, m_pool.at(3)));
    QCOMPARE(contents(m_file), before);
}

void TestKnownHosts::remove()
{
    KnownHosts store(m_file);
    QVERIFY(store.pin(u"a.example"_s, 22, m_pool.at(0)));
    QVERIFY(store.pin(u"a.example"_s, 2222, m_pool.at(1)));
    QVERIFY(store.remove(u"a.example"_s, 22));
    QVERIFY(!store.lookup(u"a.example"_s, 22).has_value());
    QCOMPARE(store.lookup(u"a.example"_s, 2222), m_pool.at(1));
    QVERIFY(store.remove(u"nothing.example"_s, 22)); // not pinned: nothing to do, not an error
    QVERIFY(store.remove(u"a.example"_s, 2222));
    QCOMPARE(contents(m_file), QByteArray());
}

void TestKnownHosts::handEditedFileIsPreserved()
{
    QByteArray handWritten = "# My servers, edited by hand\n\n";
    handWritten += entry(u"old.example"_s, m_pool.at(0)) + '\n';
    handWritten += "   # indented comment   \n";
    handWritten += "@cert-authority *.example.org " + m_pool.at(1).keyText().toUtf8() + '\n';
    handWritten += "[other.example]:2200 " + m_pool.at(2).keyText().toUtf8() + " with a comment\n";
    QVERIFY(QDir().mkpath(QFileInfo(m_file).absolutePath()));
    QVERIFY(SshTestTools::writeFile(m_file, handWritten, 0600));
    KnownHosts store(m_file);
    QCOMPARE(store.lookup(u"old.example"_s), m_pool.at(0));
    QCOMPARE(store.lookup(u"other.example"_s, 2200)->comment(), u"with a comment"_s);
    // @cert-authority lines are not pins for a host.
    QVERIFY(!store.lookup(u"*.example.org"_s).has_value());

    QVERIFY(store.pin(u"new.example"_s, 22, m_pool.at(3)));
    QByteArray expected = handWritten + entry(u"new.example"_s, m_pool.at(3)) + '\n';
    QCOMPARE(contents(m_file), expected);

    // Replacing keeps everything else where it was.
    QVERIFY(store.pin(u"old.example"_s, 22, m_pool.at(3)));
    expected.replace(entry(u"old.example"_s, m_pool.at(0)), entry(u"old.example"_s, m_pool.at(3)));
    QCOMPARE(contents(m_file), expected);
}

void TestKnownHosts::damagedLinesAreIgnoredWithWarning()
{
    QByteArray text = entry(u"good.example"_s, m_pool.at(0)) + '\n';
    text += "broken.example ssh-ed25519\n";
    text += "garbage line without any sense\n";
    text += "bad64.example ssh-ed25519 AAAA!!notbase64\n";
    text += "mismatch.example ssh-rsa " + m_pool.at(1).base64().toUtf8() + '\n';
    text += entry(u"later.example"_s, m_pool.at(2)) + '\n';
    QVERIFY(QDir().mkpath(QFileInfo(m_file).absolutePath()));
    QVERIFY(SshTestTools::writeFile(m_file, text, 0600));
    KnownHosts store(m_file);
    const QRegularExpression warning(u"ignoring damaged known_hosts line"_s);
    for (int i = 0; i < 4; ++i)
        QTest::ignoreMessage(QtWarningMsg, warning);
    QCOMPARE(store.lookup(u"later.example"_s), m_pool.at(2));
    QCOMPARE(store.warnings().size(), 4);
    QVERIFY2(store.warnings().at(0).contains(u":2:"_s), qPrintable(store.warnings().at(0)));
    QVERIFY(store.warnings().at(3).contains(u":5:"_s));

    // Damaged lines are the user's: they survive a rewrite untouched.
    for (int i = 0; i < 4; ++i)
        QTest::ignoreMessage(QtWarningMsg, warning);
    QVERIFY(store.pin(u"good.example"_s, 22, m_pool.at(3)));
    QByteArray expected = text;
    expected.replace(entry(u"good.example"_s, m_pool.at(0)), entry(u"good.example"_s, m_pool.at(3)));
    QCOMPARE(contents(m_file), expected);
    for (int i = 0; i < 4; ++i)
        QTest::ignoreMessage(QtWarningMsg, warning);
    QVERIFY(!store.lookup(u"mismatch.example"_s).has_value());
}

void TestKnownHosts::hashedAndMultiHostEntries()
{
    QVERIFY(QDir().mkpath(QFileInfo(m_file).absolutePath()));
    // ssh-keygen -H hashes the names in place (HashKnownHosts); we must still find and replace them.
    QVERIFY(SshTestTools::writeFile(m_file,
                                    entry(u"hashed.example"_s, m_pool.at(0)) + '\n'
                                            + entry(u"[hashed.example]:2222"_s, m_pool.at(1)) + '\n',
                                    0600));
    const auto hashed = SshTestTools::run(u"ssh-keygen"_s, {u"-H"_s, u"-f"_s, m_file});
    QVERIFY2(hashed.ok(), qPrintable(hashed.describe(u"ssh-keygen"_s)));
    QVERIFY(contents(m_file).startsWith("|1|"));
    QVERIFY(!contents(m_file).contains("hashed.example"));
    KnownHosts store(m_file);
    QCOMPARE(store.lookup(u"hashed.example"_s), m_pool.at(0));
    QCOMPARE(store.lookup(u"hashed.example"_s, 2222), m_pool.at(1));
    QVERIFY(!store.lookup(u"other.example"_s).has_value());
    QVERIFY(store.pin(u"hashed.example"_s, 22, m_pool.at(2)));
    QCOMPARE(store.lookup(u"hashed.example"_s), m_pool.at(2));
    QCOMPARE(store.lookup(u"hashed.example"_s, 2222), m_pool.at(1));
    QCOMPARE(contents(m_file).count('\n'), 2);

    // One line for several names: only our host moves to the new key.
    QVERIFY(SshTestTools::writeFile(m_file, entry(u"a.example,b.example,[c.example]:2200"_s, m_pool.at(0)) + '\n',
                                    0600));
    QCOMPARE(store.lookup(u"b.example"_s), m_pool.at(0));
    QVERIFY(store.pin(u"b.example"_s, 22, m_pool.at(1)));
    QCOMPARE(store.lookup(u"a.example"_s), m_pool.at(0));
    QCOMPARE(store.lookup(u"b.example"_s), m_pool.at(1));
    QCOMPARE(store.lookup(u"c.example"_s, 2200), m_pool.at(0));
    QVERIFY(contents(m_file).startsWith("a.example,[c.example]:2200 "));
    QVERIFY(store.remove(u"a.example"_s));
    QVERIFY(contents(m_file).startsWith("[c.example]:2200 "));
}

void TestKnownHosts::modeIsAlwaysOwnerOnly()
{
    KnownHosts store(m_file);
    QVERIFY(store.pin(u"a.example"_s, 22, m_pool.at(0)));
    QCOMPARE(QFileInfo(m_file).permissions()
                     & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    QCOMPARE(QFileInfo(QFileInfo(m_file).absolutePath()).permissions()
                     & (QFile::ReadGroup | QFile::ReadOther | QFile::ExeGroup | QFile::ExeOther),
             QFile::Permissions());
    // Even when someone loosened it, the next write tightens it again.
    QVERIFY(QFile::setPermissions(m_file, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
    QVERIFY(store.pin(u"b.example"_s, 22, m_pool.at(1)));
    QCOMPARE(QFileInfo(m_file).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    // Atomic: no temporary files are left next to it.
    QCOMPARE(QDir(QFileInfo(m_file).absolutePath()).entryList(QDir::Files), QStringList{u"known_hosts"_s});
}

void TestKnownHosts::writeFailure()
{
    // The "folder" is a file, so nothing can be written below it.
    const QString blocker = m_dir->filePath(u"blocker"_s);
    QVERIFY(SshTestTools::writeFile(blocker, "x", 0600));
    KnownHosts store(blocker + u"/known_hosts"_s);
    const auto result = store.pin(u"a.example"_s, 22, m_pool.at(0));
    QVERIFY(!result);
    QCOMPARE(result.error().code, u"known_hosts_write_failed"_s);
    QVERIFY(result.error().message.contains(u"known_hosts"_s));
    QVERIFY(!store.pin(u"a.example"_s, 22, SshPublicKey()));
}

void TestKnownHosts::realSshAcceptsTheFile()
{
    TestSshd sshd;
    QVERIFY2(sshd.start(), qPrintable(sshd.errorString()));
    const auto client = m_keys.generate(TestKeys::Type::Ed25519);
    sshd.authorize(client.publicLine);
    KnownHosts store(m_file);
    QVERIFY(store.pin(u"127.0.0.1"_s, sshd.port(), SshPublicKey::fromLine(sshd.hostPublicKey()).value()));
    QVERIFY(contents(m_file).startsWith("[127.0.0.1]:"));

    QStringList arguments = sshd.sshArguments(client.privateFile);
    const qsizetype index = arguments.indexOf(u"UserKnownHostsFile="_s + sshd.writeKnownHostsFile());
    QVERIFY(index >= 0);
    arguments[index] = u"UserKnownHostsFile="_s + m_file;
    const auto ok = SshTestTools::run(u"ssh"_s, QStringList(arguments) << u"echo trusted"_s);
    QVERIFY2(ok.ok(), qPrintable(ok.describe(u"ssh"_s)));
    QCOMPARE(ok.standardOutput, QByteArray("trusted\n"));

    // With another key pinned for the address, OpenSSH refuses: our file means what it says.
    QVERIFY(store.pin(u"127.0.0.1"_s, sshd.port(), m_pool.at(0)));
    const auto refused = SshTestTools::run(u"ssh"_s, QStringList(arguments) << u"true"_s);
    QCOMPARE(refused.exitCode, 255);
}

QTEST_GUILESS_MAIN(TestKnownHosts)
#include "tst_knownhosts.moc"
