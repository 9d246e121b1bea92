#include "accountscontroller.h"

#include "deploy/deploymentengine.h"
#include "deploy/deploymentlabels.h"
#include "wizardstate.h"

using namespace Qt::StringLiterals;

AccountsController::AccountsController(WizardState *state, QObject *parent)
    : QObject(parent)
    , m_state(state)
{
    m_source = [this](const QString &slug, const AccountRequest &request, QObject *context,
                      std::function<void(Result<AccountList>)> done) {
        if (!m_engine)
            m_engine = new DeploymentEngine(m_state->client(), m_state->engineSettings(), this);
        auto *once = new QObject(context);
        connect(m_engine, &DeploymentEngine::finished, once,
                [once, done = std::move(done)](const Result<EngineOutcome> &result) {
                    once->deleteLater();
                    if (!result)
                        return done(result.error());
                    if (!result->accounts)
                        return done(Error{
                                u"engine"_s, u"accounts_missing"_s, tr("The accounts could not be read."), {}, {}, 0});
                    done(*result->accounts);
                });
        m_engine->manageAccounts(slug, request);
    };
}

AccountsController::~AccountsController() = default;

bool AccountsController::isModerated(const DiscoveredDeployment &deployment)
{
    return deployment.web
           && deployment.web->meetingAccess
                      == DeploymentPlan::meetingAccessName(DeploymentPlan::MeetingAccess::Moderated);
}

bool AccountsController::available() const
{
    if (m_list)
        return m_list->moderated;
    return m_state && m_state->managedDeployment() && isModerated(*m_state->managedDeployment());
}

QString AccountsController::slug() const
{
    return m_state && m_state->managedDeployment() ? m_state->managedDeployment()->slug : QString();
}

QString AccountsController::domain() const
{
    if (!m_state || !m_state->managedDeployment())
        return {};
    const DiscoveredDeployment &deployment = *m_state->managedDeployment();
    return deployment.domain.isEmpty() ? deployment.slug : deployment.domain;
}

AccountsController::View AccountsController::view() const
{
    View view;
    view.title = tr("Accounts of %1").arg(domain());
    view.users = m_list ? m_list->users : QStringList();
    view.status = m_status;
    view.statusError = m_statusError;
    view.busy = m_busy;
    if (!m_user.isEmpty())
        if (auto checked = AccountRequest::validateUser(m_user); !checked.ok())
            view.userProblem = checked.error().message;
    if (!m_password.isEmpty())
        if (auto checked = AccountRequest::validatePassword(m_password); !checked.ok())
            view.passwordProblem = checked.error().message;
    const bool moderated = available();
    view.canAdd = moderated && !m_busy && !m_user.isEmpty() && !m_password.isEmpty() && view.userProblem.isEmpty()
                  && view.passwordProblem.isEmpty();
    view.canRemove = moderated && !m_busy && !m_selected.isEmpty() && view.users.contains(m_selected);
    view.revealedPassword = m_revealed;
    view.revealedFor = m_revealedFor;
    return view;
}

void AccountsController::refresh()
{
    run(AccountRequest{}, tr("Reading the accounts from the web server…"));
}

void AccountsController::setUser(const QString &typed)
{
    m_user = typed.trimmed();
    Q_EMIT changed();
}

void AccountsController::setPassword(const QString &typed)
{
    if (typed == m_password)
        return;
    m_password = typed;
    m_generated = false;
    Q_EMIT changed();
}

void AccountsController::generatePassword()
{
    m_password = AccountRequest::generatePassword();
    m_generated = true;
    Q_EMIT changed();
}

void AccountsController::setSelected(const QString &user)
{
    m_selected = user;
    Q_EMIT changed();
}

void AccountsController::add()
{
    if (!view().canAdd)
        return;
    AccountRequest request;
    request.action = AccountRequest::Action::Add;
    request.user = m_user;
    request.password = m_password;
    run(request, tr("Adding the account %1…").arg(m_user));
}

void AccountsController::removeSelected()
{
    if (!view().canRemove)
        return;
    AccountRequest request;
    request.action = AccountRequest::Action::Remove;
    request.user = m_selected;
    run(request, tr("Removing the account %1…").arg(m_selected));
}

void AccountsController::forgetSecrets()
{
    ++m_generation; // an answer still on its way changes nothing shown any more
    m_busy = false;
    m_password.clear();
    m_generated = false;
    m_revealed.clear();
    m_revealedFor.clear();
    m_status.clear();
    m_statusError = false;
    Q_EMIT changed();
}

void AccountsController::run(const AccountRequest &request, const QString &runningMessage)
{
    if (m_busy || slug().isEmpty())
        return;
    m_busy = true;
    m_status = runningMessage;
    m_statusError = false;
    m_revealed.clear();
    m_revealedFor.clear();
    const quint64 generation = ++m_generation;
    Q_EMIT changed();
    m_source(slug(), request, this, [this, request, generation](Result<AccountList> result) {
        if (generation != m_generation)
            return;
        finished(request, result);
    });
}

void AccountsController::finished(const AccountRequest &request, const Result<AccountList> &result)
{
    m_busy = false;
    if (!result) {
        m_status = result.error().message;
        m_statusError = true;
        Q_EMIT changed();
        return;
    }
    m_list = result.value();
    m_statusError = false;
    switch (request.action) {
    case AccountRequest::Action::List:
        m_status = m_list->moderated
                           ? tr("%n account(s) may open meetings.", nullptr, int(m_list->users.size()))
                           : tr("Meetings on %1 are open to everyone, so accounts have no effect.").arg(domain());
        break;
    case AccountRequest::Action::Add:
        m_status = tr("The account %1 may now open meetings.").arg(request.user);
        if (m_generated) {
            m_revealed = request.password;
            m_revealedFor = request.user;
        }
        m_user.clear();
        m_password.clear();
        m_generated = false;
        break;
    case AccountRequest::Action::Remove:
        m_status = tr("The account %1 was removed; it can no longer open meetings.").arg(request.user);
        m_selected.clear();
        break;
    }
    Q_EMIT changed();
}
