#include "accountoperation.h"

#include "common/redactor.h"
#include "deploy/enginerun.h"

using namespace Qt::StringLiterals;

AccountOperation::AccountOperation(EngineRun &run, QObject *parent)
    : QObject(parent)
    , m_run(run)
{ }

void AccountOperation::start(const AccountRequest &request)
{
    const hcloud::Server web = m_run.state().web;
    const QString domain = m_run.state().plan.domain;
    switch (request.action) {
    case AccountRequest::Action::List:
        m_run.phase(Phase::Verify, tr("Reading the accounts of %1…").arg(domain));
        break;
    case AccountRequest::Action::Add:
        m_run.phase(Phase::Verify, tr("Adding the account %1 on %2…").arg(request.user, domain));
        break;
    case AccountRequest::Action::Remove:
        m_run.phase(Phase::Verify, tr("Removing the account %1 from %2…").arg(request.user, domain));
        break;
    }
    HostConnection *connection = m_run.connectionFor(web.name, HostRole::Web, web.ipv4);
    connection->open(m_run.orFail<void>([this, connection, request]() {
        connection->agent()->manageAccounts(request, m_run.orFail<AccountList>([this, request](AccountList list) {
            const bool changed = request.action != AccountRequest::Action::List;
            if (changed && !list.moderated) // the host's answer, in case the label and the host disagree
                m_run.warn(tr("Meetings on %1 are open to everyone, so accounts have no effect.")
                                   .arg(m_run.state().plan.domain));
            m_run.mutableOutcome().accounts = list;
            m_run.succeed();
        }));
    }));
}
