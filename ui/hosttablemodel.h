#pragma once

#include "deploy/progressmodel.h"
#include "model/deploymentplan.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QPointer>
#include <QStringList>

#include <functional>

// The Deploy page's host table: one row per host of the plan (then any other host the engine names), rendered
// from the ProgressModel only, so the window and the CLI cannot disagree. Widget-free. The Step column's
// Qt::UserRole is the host's progress in percent (0..100) for a progress-bar delegate; its display text is
// "i/n step". Elapsed time runs while a host works: call refreshElapsed() on a timer (the page does, every second).
class HostTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        HostColumn,
        RoleColumn,
        LocationColumn,
        StateColumn,
        StepColumn,
        ElapsedColumn,
        WaitingColumn,
        ColumnCount
    };
    static constexpr int ProgressRole = Qt::UserRole;

    explicit HostTableModel(ProgressModel *progress, QObject *parent = nullptr);

    // The rows the plan leads to (web host first, then the bridges), before any event arrived.
    void setPlan(const DeploymentPlan &plan);
    // After ProgressModel::reset(): rows stay (from the plan), their states are read again.
    void reload();
    void refreshElapsed();
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    QString hostAt(int row) const { return m_hosts.value(row); }
    int rowOf(const QString &host) const { return int(m_hosts.indexOf(host)); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // For the table and for tests: the words shown in the State column.
    static QString stateText(const HostProgress &host);
    static QString elapsedText(qint64 seconds);

private:
    struct Spec
    {
        QString role;
        QString location;
    };
    void hostChanged(const QString &host);
    qint64 elapsedSeconds(const HostProgress &host) const;

    QPointer<ProgressModel> m_progress;
    QStringList m_hosts;
    QHash<QString, Spec> m_specs;
    std::function<QDateTime()> m_clock;
};
