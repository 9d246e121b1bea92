// The first deployment in the real WizardShell, Welcome to Verified, against hcloud-sim and fake hosts (1 web + 2
// bridges), driven with the keyboard only: every key goes to the widget that has the focus (as a person's keyboard
// would), focus moves only by Tab and Backtab, buttons are pressed with Space, lists and combo boxes are moved with
// the arrow keys, fields are typed into. No mouse, no setFocus(), no setter on a widget, the state or a controller.
//
// On every page it also walks one whole Tab cycle and one whole Backtab cycle and asserts that both reach every
// control a person needs there, and that Tab reaches them in the order they are read (top to bottom, left to right,
// then the wizard's buttons). A control missing from a cycle, a widget that swallows Tab (a text editor inserting a
// tab, a table moving from cell to cell), or a scrambled order fails it; and that the window fits a 1366×768 screen.

#include "deploysandbox.h"
#include "hcloud/hetznerclient.h"
#include "testhome.h"
#include "ui/deploycontroller.h"
#include "ui/hosttablemodel.h"
#include "ui/wizardshell.h"
#include "wizard_pages/deploypage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QSpinBox>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// Each step of the walk stops the test at its first failure (a helper's QVERIFY only leaves the helper).
#define STEP(call) \
    do { \
        call; \
        if (QTest::currentTestFailed()) \
            return; \
    } while (false)

namespace {

constexpr int pageTimeoutMs = 30000;
constexpr int runTimeoutMs = 120000;
constexpr int maxCycle = 120; // more Tab presses than any page has controls: a longer cycle is a focus trap

const QString token = u"KeyboardTestToken123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLM"_s;

QWidget *focused()
{
    return QApplication::focusWidget();
}

} // namespace

class TestKeyboardFlow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_keyFile;
    std::unique_ptr<DeploySandbox> m_sandbox;
    std::unique_ptr<WizardShell> m_wizard;

    // "<Next>", "<Back>", "<Cancel>", "<Commit>", "<Finish>": the wizard's buttons; any other name: a widget on
    // the current page by objectName.
    QWidget *widget(const QString &name) const
    {
        static const QHash<QString, QWizard::WizardButton> buttons{{u"<Next>"_s, QWizard::NextButton},
                                                                   {u"<Back>"_s, QWizard::BackButton},
                                                                   {u"<Cancel>"_s, QWizard::CancelButton},
                                                                   {u"<Commit>"_s, QWizard::CommitButton},
                                                                   {u"<Finish>"_s, QWizard::FinishButton}};
        if (buttons.contains(name))
            return m_wizard->button(buttons.value(name));
        return m_wizard->currentPage()->findChild<QWidget *>(name);
    }
    QString nameOf(QWidget *w) const
    {
        if (!w)
            return u"(nothing)"_s;
        for (const QString &button : {u"<Next>"_s, u"<Back>"_s, u"<Cancel>"_s, u"<Commit>"_s, u"<Finish>"_s})
            if (widget(button) == w)
                return button;
        return w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : w->objectName();
    }

    QString pageSays() const
    {
        QStringList texts;
        for (QLabel *label : m_wizard->currentPage()->findChildren<QLabel *>())
            if (label->isVisible() && !label->text().isEmpty())
                texts << label->objectName() + u": "_s + label->text();
        return texts.join(u'\n');
    }

    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QWidget *target = focused();
        QVERIFY2(target, "nothing has the keyboard focus");
        QTest::keyClick(target, Qt::Key(key), modifiers);
    }
    void type(const QString &text)
    {
        QWidget *target = focused();
        QVERIFY2(target, "nothing has the keyboard focus");
        QTest::keyClicks(target, text);
    }

    // The widgets one whole cycle of `key` visits: from the first one it reaches until focus is back there. (The
    // widget focused before may be outside the chain, e.g. a button that hid itself.)
    QList<QWidget *> cycle(Qt::Key key)
    {
        QTest::keyClick(focused(), key);
        QWidget *first = focused();
        QList<QWidget *> visited{first};
        for (int i = 0; i < maxCycle; ++i) {
            QTest::keyClick(focused(), key);
            if (focused() == first)
                return visited;
            visited << focused();
        }
        return visited; // no way back: a trap, which the callers report
    }
    QString describe(const QList<QWidget *> &visited) const
    {
        QStringList names;
        for (QWidget *w : visited)
            names << nameOf(w);
        return names.join(u" → "_s);
    }

    // Tab until `name` has the focus; fails when one whole cycle does not reach it.
    void tabTo(const QString &name)
    {
        QWidget *target = widget(name);
        QVERIFY2(target, qPrintable(u"no control "_s + name));
        QVERIFY2(QTest::qWaitFor([target] { return target->isVisible() && target->isEnabled(); }, runTimeoutMs),
                 qPrintable(name + u" never became usable"_s));
        QStringList path;
        for (int i = 0; i < maxCycle && focused() != target; ++i) {
            press(Qt::Key_Tab);
            path << nameOf(focused());
        }
        QVERIFY2(focused() == target, qPrintable(u"Tab never reached "_s + name + u": "_s + path.join(u" → "_s)));
    }
    void activate(const QString &button)
    {
        tabTo(button);
        if (QTest::currentTestFailed())
            return;
        press(Qt::Key_Space);
    }

    // Both cycles reach every control in `needed`, and Tab reaches them in this order (the first one wherever
    // the cycle starts).
    void expectFocusOrder(const QStringList &needed)
    {
        expectFitsSmallScreen();
        const QList<QWidget *> forward = cycle(Qt::Key_Tab);
        QVERIFY2(forward.size() < maxCycle, qPrintable(u"Tab is trapped: "_s + describe(forward)));
        const QList<QWidget *> backward = cycle(Qt::Key_Backtab);
        QVERIFY2(backward.size() < maxCycle, qPrintable(u"Backtab is trapped: "_s + describe(backward)));
        QList<QWidget *> order;
        for (QWidget *w : forward)
            if (!order.contains(w))
                order << w;
        QStringList reached;
        for (QWidget *w : std::as_const(order)) {
            const QString name = nameOf(w);
            if (needed.contains(name))
                reached << name;
        }
        for (const QString &name : needed) {
            QVERIFY2(reached.contains(name),
                     qPrintable(u"page %1: Tab never reaches %2: %3"_s.arg(m_wizard->currentId())
                                        .arg(name, describe(forward))));
            QVERIFY2(backward.contains(widget(name)),
                     qPrintable(u"page %1: Backtab never reaches %2: %3"_s.arg(m_wizard->currentId())
                                        .arg(name, describe(backward))));
        }
        const qsizetype first = reached.indexOf(needed.first());
        const QStringList rotated = reached.mid(first) + reached.mid(0, first);
        QVERIFY2(rotated == needed,
                 qPrintable(u"page %1: Tab order %2, expected %3; the whole cycle: %4"_s.arg(m_wizard->currentId())
                                    .arg(rotated.join(u", "_s), needed.join(u", "_s), describe(forward))));
    }

    // The window can be made small enough for a 1366×768 screen (less a 48 px panel) on every page: at 100 %, and at
    // 200 % on the screens made for it (2732×1536, the same logical size). What it then shows: docs/screenshots.
    void expectFitsSmallScreen()
    {
        const QSize least = m_wizard->minimumSize().expandedTo(m_wizard->minimumSizeHint());
        QVERIFY2(least.width() <= 1366 && least.height() <= 768 - 48,
                 qPrintable(u"page %1 needs at least %2×%3"_s.arg(m_wizard->currentId())
                                    .arg(least.width())
                                    .arg(least.height())));
    }

    // Home, then Down until the combo box that has the focus shows `data`.
    bool chooseWithArrows(const QString &data)
    {
        auto *box = qobject_cast<QComboBox *>(focused());
        if (!box)
            return false;
        QTest::keyClick(box, Qt::Key_Home);
        for (int i = 0; i <= box->count() && box->currentData().toString() != data; ++i)
            QTest::keyClick(box, Qt::Key_Down);
        return box->currentData().toString() == data;
    }

    void forward(const QString &button, int expectedPage)
    {
        QWidget *target = widget(button);
        QVERIFY2(QTest::qWaitFor([target] { return target->isVisible() && target->isEnabled(); }, runTimeoutMs),
                 qPrintable(u"cannot go on from page %1; it says:\n"_s.arg(m_wizard->currentId()) + pageSays()));
        activate(button);
        QCOMPARE(m_wizard->currentId(), expectedPage);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QString error;
        m_keyFile = TestHome::withOneKey(m_home.path(), u"keys@test"_s, &error);
        QVERIFY2(!m_keyFile.isEmpty(), qPrintable(error));
    }

    void init()
    {
        m_sandbox = std::make_unique<DeploySandbox>();
        QVERIFY(m_sandbox->start());
        m_sandbox->sim().addToken(token);
        m_wizard = m_sandbox->openWizard();
        QVERIFY(m_wizard);
        m_wizard->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_wizard.get()));
    }

    void cleanup()
    {
        if (m_wizard && QTest::currentTestFailed())
            qInfo("failed on page %d, focus on %s", m_wizard->currentId(), qPrintable(nameOf(focused())));
        m_wizard.reset();
        m_sandbox.reset();
    }

    void firstDeploymentWithTheKeyboardOnly()
    {
        // Welcome: Next.
        QCOMPARE(m_wizard->currentId(), int(WizardShell::WelcomePageId));
        QVERIFY2(focused(), "the window opens with nothing focused");
        STEP(expectFocusOrder({u"<Next>"_s, u"<Cancel>"_s}));
        STEP(forward(u"<Next>"_s, WizardShell::TokenPageId));
        if (QTest::currentTestFailed())
            return;

        // Token: typed, checked with its button.
        STEP(tabTo(u"tokenLineEdit"_s));
        STEP(type(token));
        STEP(activate(u"checkTokenButton"_s));
        QVERIFY2(QTest::qWaitFor([this] { return widget(u"<Next>"_s)->isEnabled(); }, pageTimeoutMs),
                 qPrintable(pageSays()));
        STEP(expectFocusOrder({u"tokenLineEdit"_s, u"checkTokenButton"_s, u"<Back>"_s, u"<Next>"_s, u"<Cancel>"_s}));
        STEP(forward(u"<Next>"_s, WizardShell::StartPageId));
        if (QTest::currentTestFailed())
            return;

        // Start: the project has no deployment yet, so "New deployment" is the one choice (and already chosen).
        QVERIFY2(QTest::qWaitFor([this] { return widget(u"<Next>"_s)->isEnabled(); }, pageTimeoutMs),
                 qPrintable(pageSays()));
        STEP(tabTo(u"newDeploymentRadioButton"_s));
        STEP(press(Qt::Key_Space));
        STEP(expectFocusOrder({u"newDeploymentRadioButton"_s, u"<Back>"_s, u"<Next>"_s, u"<Cancel>"_s}));
        STEP(forward(u"<Next>"_s, WizardShell::DeploymentPageId));
        if (QTest::currentTestFailed())
            return;

        // Deployment: domain, then e-mail.
        STEP(tabTo(u"domainLineEdit"_s));
        STEP(type(DeploySandbox::domain));
        STEP(tabTo(u"emailLineEdit"_s));
        STEP(type(u"admin@example.org"_s));
        QVERIFY(QTest::qWaitFor([this] { return widget(u"<Next>"_s)->isEnabled(); }, pageTimeoutMs));
        STEP(expectFocusOrder({u"domainLineEdit"_s, u"emailLineEdit"_s, u"<Back>"_s, u"<Next>"_s, u"<Cancel>"_s}));
        STEP(forward(u"<Next>"_s, WizardShell::SshKeyPageId));
        if (QTest::currentTestFailed())
            return;

        // SSH key: the key file chosen in the list with the arrow keys.
        auto *keys = m_wizard->currentPage()->findChild<QListWidget *>(u"keyFileListWidget"_s);
        QVERIFY(QTest::qWaitFor([keys] { return keys->count() == 1; }, pageTimeoutMs));
        STEP(tabTo(u"keyFileListWidget"_s));
        STEP(press(Qt::Key_Home));
        STEP(press(Qt::Key_Down));
        STEP(press(Qt::Key_Up));
        QVERIFY(QTest::qWaitFor(
                [this] {
                    return m_wizard->currentPage()->findChild<QLineEdit *>(u"keyFilePathLineEdit"_s)->text()
                           == m_keyFile;
                },
                pageTimeoutMs));
        QVERIFY2(QTest::qWaitFor([this] { return widget(u"<Next>"_s)->isEnabled(); }, pageTimeoutMs),
                 qPrintable(pageSays()));
        // In a group of radio buttons Tab stops at the checked one; the arrow keys move between them.
        STEP(expectFocusOrder({u"keyFileRadioButton"_s, u"keyFileListWidget"_s, u"keyFilePathLineEdit"_s,
                               u"browseKeyFileButton"_s, u"refreshKeysButton"_s, u"<Back>"_s, u"<Next>"_s,
                               u"<Cancel>"_s}));
        // The other sources are arrow keys away in the radio group (the agent's is disabled: no agent here).
        STEP(tabTo(u"keyFileRadioButton"_s));
        for (int i = 0; i < 3 && nameOf(focused()) != u"generateRadioButton"_s; ++i)
            STEP(press(Qt::Key_Down));
        QCOMPARE(nameOf(focused()), u"generateRadioButton"_s);
        QVERIFY(qobject_cast<QAbstractButton *>(focused())->isChecked());
        STEP(expectFocusOrder({u"generateRadioButton"_s, u"newKeyPathLineEdit"_s, u"browseNewKeyButton"_s,
                               u"newPassphraseLineEdit"_s, u"repeatPassphraseLineEdit"_s, u"generateKeyButton"_s,
                               u"refreshKeysButton"_s, u"<Back>"_s, u"<Cancel>"_s}));
        for (int i = 0; i < 3 && nameOf(focused()) != u"keyFileRadioButton"_s; ++i)
            STEP(press(Qt::Key_Up));
        QCOMPARE(nameOf(focused()), u"keyFileRadioButton"_s);
        QVERIFY(qobject_cast<QAbstractButton *>(focused())->isChecked());
        QVERIFY2(QTest::qWaitFor([this] { return widget(u"<Next>"_s)->isEnabled(); }, pageTimeoutMs),
                 qPrintable(pageSays()));
        STEP(forward(u"<Next>"_s, WizardShell::ServersPageId));
        if (QTest::currentTestFailed())
            return;

        // Servers: combo boxes with the arrow keys, the count typed.
        auto *location = m_wizard->currentPage()->findChild<QComboBox *>(u"locationComboBox"_s);
        QVERIFY(QTest::qWaitFor([&] { return location->isEnabled() && location->count() > 0; }, pageTimeoutMs));
        STEP(expectFocusOrder({u"locationComboBox"_s, u"webTypeComboBox"_s, u"bridgeTypeComboBox"_s,
                               u"bridgeCountSpinBox"_s, u"imageComboBox"_s, u"<Back>"_s, u"<Next>"_s, u"<Cancel>"_s}));
        STEP(tabTo(u"locationComboBox"_s));
        QVERIFY(chooseWithArrows(u"nbg1"_s));
        STEP(tabTo(u"webTypeComboBox"_s));
        QVERIFY(chooseWithArrows(u"ccx13"_s));
        STEP(tabTo(u"bridgeTypeComboBox"_s));
        QVERIFY(chooseWithArrows(u"cx23"_s));
        STEP(tabTo(u"bridgeCountSpinBox"_s));
        STEP(press(Qt::Key_A, Qt::ControlModifier));
        STEP(type(u"3"_s));
        STEP(press(Qt::Key_Down));
        STEP(tabTo(u"imageComboBox"_s));
        QVERIFY(chooseWithArrows(u"debian-12"_s));
        QCOMPARE(m_wizard->currentPage()->findChild<QSpinBox *>(u"bridgeCountSpinBox"_s)->value(), 2);
        STEP(forward(u"<Next>"_s, WizardShell::ReviewPageId));
        if (QTest::currentTestFailed())
            return;

        // Review: the details can be read with the keyboard (the cost table), the plan saved, then Deploy.
        QVERIFY(QTest::qWaitFor([this] { return widget(u"<Commit>"_s)->isEnabled(); }, pageTimeoutMs));
        STEP(expectFocusOrder({u"costTable"_s, u"savePlanButton"_s, u"<Back>"_s, u"<Commit>"_s, u"<Cancel>"_s}));
        STEP(forward(u"<Commit>"_s, WizardShell::DeployPageId));
        if (QTest::currentTestFailed())
            return;

        // Deploy: the rows, the console's tabs and its tools, Cancel while running, Next at the end.
        const HostTableModel *rows = m_wizard->deployPage()->hostModel();
        const auto allDone = [rows] {
            for (int row = 0; row < rows->rowCount(); ++row)
                if (rows->data(rows->index(row, HostTableModel::StateColumn)).toString() != u"Done"_s)
                    return false;
            return rows->rowCount() == 3;
        };
        QVERIFY2(QTest::qWaitFor(allDone, runTimeoutMs),
                 qPrintable(m_wizard->deployController()->lastError().toString()));
        QVERIFY(QTest::qWaitFor([this] { return widget(u"<Commit>"_s)->isEnabled(); }, runTimeoutMs));
        STEP(expectFocusOrder({u"hostTableView"_s, u"qt_tabwidget_tabbar"_s,
                               u"consoleEdit_"_s + DeploySandbox::slug + u"-web"_s, u"consoleFindLineEdit"_s,
                               u"consoleFindNextButton"_s, u"consoleCopyButton"_s, u"consoleSaveButton"_s,
                               u"<Commit>"_s, u"<Cancel>"_s}));
        STEP(forward(u"<Commit>"_s, WizardShell::DnsPageId));
        if (QTest::currentTestFailed())
            return;

        // DNS: every record's copy button, copy all, and going on with a self-signed certificate.
        QVERIFY(QTest::qWaitFor([this] { return widget(u"copyRecordButton_0"_s) != nullptr; }, pageTimeoutMs));
        QStringList dnsControls;
        for (int i = 0; widget(u"copyRecordButton_%1"_s.arg(i)); ++i)
            dnsControls << u"copyRecordButton_%1"_s.arg(i);
        dnsControls << u"copyAllButton"_s << u"continueWithoutDnsButton"_s << u"<Cancel>"_s;
        STEP(expectFocusOrder(dnsControls));
        STEP(activate(u"continueWithoutDnsButton"_s));
        STEP(forward(u"<Next>"_s, WizardShell::VerifiedPageId));
        if (QTest::currentTestFailed())
            return;

        // Verified: the meeting, the link, the log, the plan, and Finish.
        STEP(expectFocusOrder(
                {u"openMeetingButton"_s, u"copyLinkButton"_s, u"openLogButton"_s, u"showPlanButton"_s, u"<Finish>"_s}));
        STEP(activate(u"copyLinkButton"_s));
        QVERIFY2(QApplication::clipboard()->text().contains(DeploySandbox::domain),
                 qPrintable(QApplication::clipboard()->text()));
        STEP(activate(u"<Finish>"_s));
        QVERIFY(QTest::qWaitFor([this] { return !m_wizard->isVisible(); }, pageTimeoutMs));
    }
};

QTEST_MAIN(TestKeyboardFlow)
#include "tst_keyboardflow.moc"
