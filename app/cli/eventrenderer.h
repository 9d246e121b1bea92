#pragma once

#include "deploy/engineevents.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// Turns the engine's events into what the CLI prints on stdout (docs/cli.md "Progress output"):
// - Json: one JSON object per event and line;
// - Lines: one plain line per event, for logs and pipes (log lines of the hosts included, prefixed by the host);
// - Terminal: permanent lines for phases, resources, DNS and verification, under them a status block (progress
//   bar and each host's current step and latest log line) that is redrawn in place.
// Pure text in, text out (no I/O), so every form can be tested; everything returned is already redacted.
class EventRenderer
{
    Q_DECLARE_TR_FUNCTIONS(EventRenderer)

public:
    enum class Style { Json, Lines, Terminal };

    struct FailedStep
    {
        QString host;
        QString step;
        QString message;
    };

    explicit EventRenderer(Style style, int terminalWidth = 80);

    Style style() const { return m_style; }

    // What to write for this event; empty when nothing is to be shown. Terminal output contains ANSI escapes
    // (cursor up, erase) and never a line longer than the terminal, so the block can be found again to redraw.
    QString render(const EngineEvent &event);
    // Terminal: erases the status block so that what follows starts where it was. Empty for the other styles.
    QString clearStatus();

    // 0..1: the mean, over the hosts seen so far, of the current task's completed steps; 1 after phase "done".
    double progress() const;
    // "[##########----------]  50%": `width` is the inner width of the bar.
    static QString progressBar(double fraction, int width = 30);

    // For the failure report: where the run was when it stopped.
    QString currentPhase() const { return m_phase; }
    static QString phaseTitle(const QString &phase);
    std::optional<FailedStep> failedStep() const { return m_failed; }
    QStringList lastLogLines(const QString &host) const; // the last few lines seen for that host, redacted

private:
    struct HostState
    {
        QString step;
        QString state;
        int stepIndex = 0;
        int stepCount = 0;
        int done = 0; // completed steps of the current task
        QString lastLine;
        QStringList recent;
    };

    QString renderLines(const EngineEvent &event);
    QString permanentText(const EngineEvent &event) const; // the lines that stay, without the status block
    QString statusBlock() const;
    QString hostLine(const QString &name, const HostState &host) const;
    void track(const EngineEvent &event);

    Style m_style;
    int m_width;
    QString m_phase;
    bool m_complete = false;
    QStringList m_hostOrder;
    QMap<QString, HostState> m_hosts;
    std::optional<FailedStep> m_failed;
    int m_blockLines = 0; // status lines currently on the terminal
};
