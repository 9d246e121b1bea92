#include "hosttablemodel.h"

using namespace Qt::StringLiterals;

HostTableModel::HostTableModel(ProgressModel *progress, QObject *parent)
    : QAbstractTableModel(parent)
    , m_progress(progress)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    connect(progress, &ProgressModel::hostChanged, this, &HostTableModel::hostChanged);
}

void HostTableModel::setPlan(const DeploymentPlan &plan)
{
    beginResetModel();
    m_hosts.clear();
    m_specs.clear();
    m_hosts << plan.webServerName();
    m_specs.insert(plan.webServerName(), Spec{tr("Web server"), plan.web.location});
    for (int n = 1; n <= plan.bridges.size(); ++n) {
        m_hosts << plan.bridgeName(n);
        m_specs.insert(plan.bridgeName(n), Spec{tr("Videobridge"), plan.bridges.at(n - 1).location});
    }
    for (const QString &host : m_progress->hosts()) {
        if (!m_hosts.contains(host))
            m_hosts << host;
    }
    endResetModel();
}

void HostTableModel::reload()
{
    if (m_hosts.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void HostTableModel::refreshElapsed()
{
    if (m_hosts.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, ElapsedColumn), index(rowCount() - 1, ElapsedColumn), {Qt::DisplayRole});
}

void HostTableModel::hostChanged(const QString &host)
{
    int row = rowOf(host);
    if (row < 0) {
        // A host the plan did not name (a bridge added elsewhere): shown all the same.
        row = int(m_hosts.size());
        beginInsertRows({}, row, row);
        m_hosts << host;
        endInsertRows();
        return;
    }
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int HostTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hosts.size());
}

int HostTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 HostTableModel::elapsedSeconds(const HostProgress &host) const
{
    if (!host.started.isValid())
        return -1;
    const QDateTime end = host.finished.isValid() ? host.finished : m_clock();
    return std::max<qint64>(0, host.started.secsTo(end));
}

QString HostTableModel::elapsedText(qint64 seconds)
{
    if (seconds < 0)
        return {};
    return u"%1:%2"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QChar(u'0'));
}

QString HostTableModel::stateText(const HostProgress &host)
{
    if (!host.state)
        return tr("Queued");
    switch (*host.state) {
    case HostState::Started:
        return tr("Working");
    case HostState::Succeeded:
    case HostState::Skipped:
        return host.stepCount > 0 && host.stepsDone >= host.stepCount ? tr("Done") : tr("Working");
    case HostState::Failed:
        return tr("Failed");
    case HostState::Waiting:
        return tr("Waiting");
    }
    return {};
}

QVariant HostTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_hosts.size() || !m_progress)
        return {};
    const QString name = m_hosts.at(index.row());
    const HostProgress host = m_progress->host(name);
    if (role == ProgressRole && index.column() == StepColumn)
        return int(host.fraction() * 100 + 0.5);
    if (role == Qt::ToolTipRole && index.column() == StateColumn && !host.failureMessage.isEmpty())
        return host.failureMessage;
    if (role == Qt::ToolTipRole && index.column() == WaitingColumn && !host.waitingReason.isEmpty())
        return host.waitingReason; // in full, wherever a narrow window cuts the cell

    if (role == Qt::AccessibleTextRole && index.column() == StepColumn)
        return tr("%1 of %2 steps done").arg(host.stepsDone).arg(host.stepCount);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (static_cast<Column>(index.column())) {
    case HostColumn:
        return name;
    case RoleColumn:
        return m_specs.value(name).role;
    case LocationColumn:
        return m_specs.value(name).location;
    case StateColumn:
        return stateText(host);
    case StepColumn:
        if (host.step.isEmpty())
            return QString();
        if (host.stepCount > 0)
            return tr("%1/%2 %3").arg(host.stepIndex).arg(host.stepCount).arg(host.step);
        return host.step;
    case ElapsedColumn:
        return elapsedText(elapsedSeconds(host));
    case WaitingColumn:
        return host.waitingReason;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant HostTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(section)) {
    case HostColumn:
        return tr("Server");
    case RoleColumn:
        return tr("Role");
    case LocationColumn:
        return tr("Location");
    case StateColumn:
        return tr("State");
    case StepColumn:
        return tr("Step");
    case ElapsedColumn:
        return tr("Time");
    case WaitingColumn:
        return tr("Waiting for");
    case ColumnCount:
        break;
    }
    return {};
}
