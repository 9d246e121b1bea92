#pragma once

#include "consolebuffer.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

// The Deploy page's console (DESIGN.md §3 "Console pane", after Qt Creator's output pane): a tab per host with
// that host's install log. Lines are only queued when they arrive (ConsoleBuffer); a single-shot timer appends them
// in chunks at most every flushIntervalMs, spending at most flushBudgetMs of the GUI thread per round, the tab in
// view first. Each tab keeps maxBlocksPerTab lines (older ones are dropped; the full log is the engine's run log on
// disk, which "Save log…" copies). A tab follows new lines only while the user is at its bottom. Ctrl+F searches
// the tab in view.
class ConsolePane : public QWidget
{
    Q_OBJECT

public:
    static constexpr int flushIntervalMs = 50; // ≤ 20 appends a second
    static constexpr int flushBudgetMs = 5; // of GUI-thread time per round
    static constexpr int chunkLines = 200;
    static constexpr int maxBlocksPerTab = 5000;

    explicit ConsolePane(QWidget *parent = nullptr);
    ~ConsolePane() override;

    // Queues lines for the host's tab (made on first use).
    void appendLines(const QString &host, const QStringList &lines);
    // A tab for the host even before it says anything (the plan's hosts, in order).
    void addHost(const QString &host);
    // The run's full log on disk, for "Save log…" and the note on dropped lines; empty = none.
    void setFullLogPath(const QString &path) { m_fullLogPath = path; }
    void showHost(const QString &host);

    QPlainTextEdit *editor(const QString &host) const { return m_editors.value(host); }
    QString text(const QString &host) const;
    bool hasPending() const { return m_buffer.hasPending(); }
    qsizetype pendingLines() const { return m_buffer.totalPending(); }
    int flushCount() const { return m_flushes; }

public Q_SLOTS:
    // Appends everything queued now (ignoring the time budget); for tests and before saving.
    void flushAll();
    void findNext();
    void copy();
    // Writes the full run log (or, without one, the text of the tab in view) to `path`, off the GUI thread.
    void saveLogTo(const QString &path);

Q_SIGNALS:
    void saved(bool ok, const QString &message);

private:
    QPlainTextEdit *ensureTab(const QString &host);
    QPlainTextEdit *currentEditor() const;
    void scheduleFlush();
    void flush(qint64 budgetMs);
    void appendChunk(const QString &host, const ConsoleBuffer::Chunk &chunk);
    void chooseSaveFile();
    void setStatus(const QString &text);

    ConsoleBuffer m_buffer;
    QTimer m_flushTimer;
    QHash<QString, QPlainTextEdit *> m_editors;
    QHash<QPlainTextEdit *, bool> m_following;
    bool m_flushing = false;
    int m_flushes = 0;
    QString m_fullLogPath;

    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_findEdit = nullptr;
    QPushButton *m_findNextButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QLabel *m_statusLabel = nullptr;
};
