#pragma once

#include "deploy/engineevents.h"
#include "deploy/progressmodel.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// Turns the engine's events into what the CLI prints on stdout (docs/cli.md "Progress output"):
// - Json: one JSON object per event and line;
// - Lines: one plain line per event, for logs and pipes (log lines of the hosts included, prefixed by the host);
// - Terminal: permanent lines for phases, resources, DNS and verification, under them a status block (progress
//   bar and each host's current step and latest log line) that is redrawn in place.
// Where the hosts are comes from the core's ProgressModel, which the caller feeds each event before rendering it
// (the wizard reads the same model). Pure text in, text out (no I/O), so every form can be tested; everything
// returned is already redacted.
class EventRenderer
{
    Q_DECLARE_TR_FUNCTIONS(EventRenderer)

public:
    enum class Style { Json, Lines, Terminal };

    // `progress` must outlive the renderer and have seen `event` before render(event).
    EventRenderer(const ProgressModel *progress, Style style, int terminalWidth = 80);

    Style style() const { return m_style; }

    // What to write for this event; empty when nothing is to be shown. Terminal output contains ANSI escapes
    // (cursor up, erase) and never a line longer than the terminal, so the block can be found again to redraw.
    QString render(const EngineEvent &event);
    // Terminal: erases the status block so that what follows starts where it was. Empty for the other styles.
    QString clearStatus();

    // "[##########----------]  50%": `width` is the inner width of the bar.
    static QString progressBar(double fraction, int width = 30);
    static QString phaseTitle(Phase phase);

private:
    QString renderLines(const EngineEvent &event);
    QString permanentText(const EngineEvent &event); // the lines that stay, without the status block
    QString dnsCheckLine(const EngineEvent &event) const;
    QString statusBlock() const;
    QString hostLine(const HostProgress &host) const;

    const ProgressModel *m_progress;
    Style m_style;
    int m_width;
    QStringList m_lastMeeting; // the test meeting's last block, repeated only when it changed
    QString m_lastDnsCheck; // Terminal: a DNS round is shown only when its answer differs from the last one
    int m_blockLines = 0; // status lines currently on the terminal
};
