// The Accounts dialog's controller alone (no widgets, no engine): a Source of the test answers like the web host's
// web-accounts.sh (later, from the event loop), so each rule is seen: when accounts are offered at all (the web
// server's meeting-access label, then the host's own answer), name and password checks as typed, a generated password
// revealed once after it was added and forgotten when the dialog closes, the host's refusals shown, one request at a
// time, and an answer after the dialog closed ignored.
#include "ui/accountscontroller.h"
#include "ui/wizardstate.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
DiscoveredDeployment deployment(const QString &access)
{
    DiscoveredDeployment found;
    found.slug = u"meet-example-org"_s;
    found.domain = u"meet.example.org"_s;
    DiscoveredServer web;
    web.name = u"meet-example-org-web"_s;
    web.role = u"web"_s;
    web.meetingAccess = access;
    found.web = web;
    return found;
}
} // namespace

class TestAccountsController : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WizardState> m_state;
    std::unique_ptr<AccountsController> m_controller;
    QList<AccountRequest> m_requests;
    QStringList m_users; // the "host's" accounts
    bool m_moderated = true;
    std::function<void(Result<AccountList>)> m_pending; // held back when a test wants to answer later
    bool m_holdBack = false;

    void answer(const AccountRequest &request, std::function<void(Result<AccountList>)> done)
    {
        if (request.action == AccountRequest::Action::Add) {
            if (m_users.contains(request.user))
                return done(Error{u"host"_s, u"account_exists"_s, u"The account exists already."_s, {}, {}, 0});
            m_users.append(request.user);
        } else if (request.action == AccountRequest::Action::Remove) {
            m_users.removeAll(request.user);
        }
        done(AccountList{m_moderated, m_users});
    }

private Q_SLOTS:
    void init()
    {
        m_state = std::make_unique<WizardState>();
        m_state->setManagedDeployment(deployment(u"moderated"_s));
        m_controller = std::make_unique<AccountsController>(m_state.get());
        m_requests.clear();
        m_users = {u"bob"_s};
        m_moderated = true;
        m_holdBack = false;
        m_pending = nullptr;
        m_controller->setSource([this](const QString &slug, const AccountRequest &request, QObject *context,
                                       std::function<void(Result<AccountList>)> done) {
            QCOMPARE(slug, u"meet-example-org"_s);
            m_requests.append(request);
            if (m_holdBack) {
                m_pending = std::move(done);
                return;
            }
            QTimer::singleShot(1, context, [this, request, done] { answer(request, done); });
        });
    }

    void offeredOnlyWhenModerated()
    {
        QVERIFY(m_controller->available());
        m_state->setManagedDeployment(deployment(u"open"_s));
        QVERIFY(!m_controller->available());
        m_state->setManagedDeployment(deployment({})); // made before the label existed: open
        QVERIFY(!m_controller->available());
        QVERIFY(!AccountsController::isModerated(DiscoveredDeployment{}));

        // The host's answer wins over the label: it says open, so nothing may be added.
        m_state->setManagedDeployment(deployment(u"moderated"_s));
        m_moderated = false;
        m_controller->refresh();
        QTRY_VERIFY(!m_controller->view().busy);
        QVERIFY(!m_controller->available());
        QVERIFY(m_controller->view().status.contains(u"open to everyone"_s));
        m_controller->setUser(u"alice"_s);
        m_controller->setPassword(u"Long-Enough-1"_s);
        QVERIFY(!m_controller->view().canAdd);
    }

    void typedInputIsChecked()
    {
        m_controller->setUser(u"Alice Smith"_s);
        QVERIFY(m_controller->view().userProblem.contains(u"lower-case"_s));
        m_controller->setUser(u"alice"_s);
        QVERIFY(m_controller->view().userProblem.isEmpty());
        QVERIFY(!m_controller->view().canAdd); // no password yet
        m_controller->setPassword(u"short"_s);
        QVERIFY(m_controller->view().passwordProblem.contains(u"at least 8"_s));
        QVERIFY(!m_controller->view().canAdd);
        m_controller->setPassword(u"line\nbreak-password"_s);
        QVERIFY(m_controller->view().passwordProblem.contains(u"line break"_s));
        m_controller->setPassword(u"Typed-Password-1"_s);
        QVERIFY(m_controller->view().canAdd);
        QVERIFY(!m_controller->passwordGenerated());
    }

    void generatedPasswordIsRevealedOnceAfterAdding()
    {
        m_controller->refresh();
        QTRY_COMPARE(m_controller->view().users, QStringList{u"bob"_s});
        m_controller->setUser(u"alice"_s);
        m_controller->generatePassword();
        const QString generated = m_controller->password();
        QCOMPARE(generated.size(), AccountRequest::generatedPasswordLength);
        QVERIFY(m_controller->passwordGenerated());
        QVERIFY(m_controller->view().revealedPassword.isEmpty()); // not before it was added
        m_controller->add();
        QVERIFY(m_controller->view().busy);
        QVERIFY(!m_controller->view().canAdd); // one request at a time
        QTRY_VERIFY(!m_controller->view().busy);
        QCOMPARE(m_requests.last().action, AccountRequest::Action::Add);
        QCOMPARE(m_requests.last().password, generated);
        const AccountsController::View view = m_controller->view();
        QCOMPARE(view.users, (QStringList{u"bob"_s, u"alice"_s}));
        QCOMPARE(view.revealedPassword, generated);
        QCOMPARE(view.revealedFor, u"alice"_s);
        QVERIFY(m_controller->user().isEmpty() && m_controller->password().isEmpty()); // the form starts over

        // The next action clears the revealed password; closing the dialog forgets everything.
        m_controller->refresh();
        QVERIFY(m_controller->view().revealedPassword.isEmpty());
        QTRY_VERIFY(!m_controller->view().busy);
        m_controller->setPassword(u"Typed-Password-1"_s);
        m_controller->forgetSecrets();
        QVERIFY(m_controller->password().isEmpty());
    }

    void typedPasswordIsNeverRevealed()
    {
        m_controller->setUser(u"carol"_s);
        m_controller->setPassword(u"Typed-Password-2"_s);
        m_controller->add();
        QTRY_VERIFY(!m_controller->view().busy);
        QVERIFY(m_controller->view().users.contains(u"carol"_s));
        QVERIFY(m_controller->view().revealedPassword.isEmpty());
    }

    void refusalIsShownAndRemoveNeedsASelection()
    {
        m_controller->setSelected(u"bob"_s);
        QVERIFY(!m_controller->view().canRemove); // not listed yet: nothing is removed blind
        m_controller->refresh();
        QTRY_VERIFY(!m_controller->view().busy);
        m_controller->setSelected({});
        m_controller->setUser(u"bob"_s);
        m_controller->setPassword(u"Typed-Password-3"_s);
        m_controller->add();
        QTRY_VERIFY(!m_controller->view().busy);
        QVERIFY(m_controller->view().statusError);
        QCOMPARE(m_controller->view().status, u"The account exists already."_s);

        QVERIFY(!m_controller->view().canRemove);
        m_controller->setSelected(u"bob"_s);
        QVERIFY(m_controller->view().canRemove);
        m_controller->removeSelected();
        QTRY_VERIFY(!m_controller->view().busy);
        QCOMPARE(m_requests.last().action, AccountRequest::Action::Remove);
        QCOMPARE(m_requests.last().user, u"bob"_s);
        QVERIFY(m_controller->view().users.isEmpty());
        QVERIFY(!m_controller->view().canRemove);
    }

    void answerAfterCloseIsIgnored()
    {
        m_holdBack = true;
        m_controller->refresh();
        QVERIFY(m_controller->view().busy);
        m_controller->forgetSecrets(); // the dialog closed
        QVERIFY(!m_controller->view().busy);
        QSignalSpy changed(m_controller.get(), &AccountsController::changed);
        m_pending(AccountList{true, {u"late"_s}});
        QCOMPARE(changed.count(), 0);
        QVERIFY(m_controller->view().users.isEmpty());
    }
};

QTEST_MAIN(TestAccountsController)
#include "tst_accountscontroller.moc"
