#include "consolepane.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPromise>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QShortcut>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTextCursor>
#include <QThreadPool>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

ConsolePane::ConsolePane(QWidget *parent)
    : QWidget(parent)
    // One line less than a tab keeps, so the note on dropped lines stays in the tab with them.
    , m_buffer(maxBlocksPerTab - 1)
{
    setObjectName(u"consolePane"_s);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"consoleTabWidget"_s);
    m_tabs->setAccessibleName(tr("Install log per server"));
    m_tabs->setDocumentMode(true);

    auto *findLabel = new QLabel(tr("&Find:"), this);
    findLabel->setObjectName(u"consoleFindLabel"_s);
    m_findEdit = new QLineEdit(this);
    m_findEdit->setObjectName(u"consoleFindLineEdit"_s);
    m_findEdit->setAccessibleName(tr("Find in the log"));
    m_findEdit->setPlaceholderText(tr("Text to find (Ctrl+F)"));
    m_findEdit->setClearButtonEnabled(true);
    findLabel->setBuddy(m_findEdit);
    m_findNextButton = new QPushButton(tr("Find &next"), this);
    m_findNextButton->setObjectName(u"consoleFindNextButton"_s);
    m_findNextButton->setToolTip(tr("Finds the next place in this server's log with the text (F3)"));
    m_copyButton = new QPushButton(tr("&Copy"), this);
    m_copyButton->setObjectName(u"consoleCopyButton"_s);
    m_copyButton->setToolTip(tr("Copies the selected lines, or the whole log shown in this tab"));
    m_saveButton = new QPushButton(tr("&Save log\u2026"), this);
    m_saveButton->setObjectName(u"consoleSaveButton"_s);
    m_saveButton->setToolTip(tr("Saves the full log of this run, every server and every line, to a file"));
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(u"consoleStatusLabel"_s);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *tools = new QHBoxLayout;
    tools->addWidget(findLabel);
    tools->addWidget(m_findEdit, 1);
    tools->addWidget(m_findNextButton);
    tools->addWidget(m_copyButton);
    tools->addWidget(m_saveButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(tools);
    layout->addWidget(m_statusLabel);

    auto *findShortcut = new QShortcut(QKeySequence::Find, this);
    findShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(findShortcut, &QShortcut::activated, this, [this] {
        m_findEdit->setFocus(Qt::ShortcutFocusReason);
        m_findEdit->selectAll();
    });
    auto *findNextShortcut = new QShortcut(QKeySequence::FindNext, this);
    findNextShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(findNextShortcut, &QShortcut::activated, this, &ConsolePane::findNext);
    connect(m_findEdit, &QLineEdit::returnPressed, this, &ConsolePane::findNext);
    connect(m_findNextButton, &QPushButton::clicked, this, &ConsolePane::findNext);
    connect(m_copyButton, &QPushButton::clicked, this, &ConsolePane::copy);
    connect(m_saveButton, &QPushButton::clicked, this, &ConsolePane::chooseSaveFile);
    // The tab coming into view gets its queued lines first.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { scheduleFlush(); });

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(flushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] { flush(flushBudgetMs); });
    setTabOrder(m_tabs, m_findEdit);
    setTabOrder(m_findEdit, m_findNextButton);
    setTabOrder(m_findNextButton, m_copyButton);
    setTabOrder(m_copyButton, m_saveButton);
}

ConsolePane::~ConsolePane() = default;

QPlainTextEdit *ConsolePane::ensureTab(const QString &host)
{
    if (QPlainTextEdit *edit = m_editors.value(host))
        return edit;
    auto *edit = new QPlainTextEdit(m_tabs);
    edit->setObjectName(u"consoleEdit_"_s + host);
    edit->setAccessibleName(tr("Install log of %1").arg(host));
    edit->setReadOnly(true);
    edit->setUndoRedoEnabled(false);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setMaximumBlockCount(maxBlocksPerTab);
    edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_editors.insert(host, edit);
    m_following.insert(edit, true);
    // The user scrolling up stops the tab from following; back at the bottom it follows again.
    connect(edit->verticalScrollBar(), &QScrollBar::valueChanged, this, [this, edit](int value) {
        if (!m_flushing)
            m_following[edit] = value >= edit->verticalScrollBar()->maximum();
    });
    m_tabs->addTab(edit, host);
    // Keyboard order as read: the tabs, this log, then the find row under it (a new editor would else come last).
    setTabOrder(edit, m_findEdit);
    setTabOrder(m_findEdit, m_findNextButton);
    setTabOrder(m_findNextButton, m_copyButton);
    setTabOrder(m_copyButton, m_saveButton);
    return edit;
}

void ConsolePane::addHost(const QString &host)
{
    ensureTab(host);
}

void ConsolePane::showHost(const QString &host)
{
    if (QPlainTextEdit *edit = m_editors.value(host))
        m_tabs->setCurrentWidget(edit);
}

QPlainTextEdit *ConsolePane::currentEditor() const
{
    return qobject_cast<QPlainTextEdit *>(m_tabs->currentWidget());
}

QString ConsolePane::text(const QString &host) const
{
    const QPlainTextEdit *edit = m_editors.value(host);
    return edit ? edit->toPlainText() : QString();
}

void ConsolePane::appendLines(const QString &host, const QStringList &lines)
{
    if (lines.isEmpty())
        return;
    ensureTab(host);
    m_buffer.append(host, lines);
    scheduleFlush();
}

void ConsolePane::scheduleFlush()
{
    if (m_buffer.hasPending() && !m_flushTimer.isActive())
        m_flushTimer.start();
}

void ConsolePane::flushAll()
{
    m_flushTimer.stop();
    flush(-1);
}

void ConsolePane::flush(qint64 budgetMs)
{
    QElapsedTimer spent;
    spent.start();
    ++m_flushes;
    // The tab in view first, then the others in the order they appeared.
    QStringList order = m_buffer.sources();
    if (QPlainTextEdit *current = currentEditor()) {
        const QString host = m_editors.key(current);
        if (order.removeOne(host))
            order.prepend(host);
    }
    for (const QString &host : std::as_const(order)) {
        while (m_buffer.pendingLines(host) > 0) {
            if (budgetMs >= 0 && spent.elapsed() >= budgetMs)
                break;
            appendChunk(host, m_buffer.take(host, chunkLines));
        }
    }
    scheduleFlush();
}

void ConsolePane::appendChunk(const QString &host, const ConsoleBuffer::Chunk &chunk)
{
    QPlainTextEdit *edit = ensureTab(host);
    const bool follow = m_following.value(edit, true);
    QScrollBar *bar = edit->verticalScrollBar();
    const int keep = bar->value();
    m_flushing = true;
    if (chunk.discardedBefore > 0) {
        edit->appendPlainText(tr("[%n line(s) not shown here, they came faster than they can be shown. Every line "
                                 "is in the full log (Save log\u2026).]",
                                 nullptr, int(std::min<qint64>(chunk.discardedBefore, INT_MAX))));
    }
    if (!chunk.text.isEmpty())
        edit->appendPlainText(chunk.text);
    bar->setValue(follow ? bar->maximum() : keep);
    m_flushing = false;
}

void ConsolePane::findNext()
{
    QPlainTextEdit *edit = currentEditor();
    const QString needle = m_findEdit->text();
    if (!edit || needle.isEmpty())
        return;
    if (edit->find(needle)) {
        setStatus({});
        return;
    }
    // From the top again, as editors' "find next" does.
    QTextCursor cursor = edit->textCursor();
    cursor.movePosition(QTextCursor::Start);
    edit->setTextCursor(cursor);
    if (edit->find(needle)) {
        setStatus(tr("Searched from the top again."));
        return;
    }
    setStatus(tr("\u201c%1\u201d is not in this server's log as shown; the full log may have it (Save log\u2026).")
                      .arg(needle));
}

void ConsolePane::copy()
{
    QPlainTextEdit *edit = currentEditor();
    if (!edit)
        return;
    const QString selected = edit->textCursor().selectedText().replace(QChar::ParagraphSeparator, u'\n');
    QApplication::clipboard()->setText(selected.isEmpty() ? edit->toPlainText() : selected);
    setStatus(selected.isEmpty() ? tr("The whole log of this tab was copied.") : tr("The selected lines were copied."));
}

void ConsolePane::chooseSaveFile()
{
    auto *dialog = new QFileDialog(this, tr("Save log"));
    dialog->setObjectName(u"consoleSaveDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    const QString name = m_fullLogPath.isEmpty() ? u"jitsi-deployer.log"_s : QFileInfo(m_fullLogPath).fileName();
    dialog->selectFile(QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name));
    connect(dialog, &QFileDialog::fileSelected, this, &ConsolePane::saveLogTo);
    dialog->open();
}

void ConsolePane::saveLogTo(const QString &path)
{
    const QString source = m_fullLogPath;
    QByteArray shown;
    if (source.isEmpty() || !QFile::exists(source)) {
        flushAll();
        if (QPlainTextEdit *edit = currentEditor())
            shown = edit->toPlainText().toUtf8() + '\n';
    }
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        const QString message = error.isEmpty() ? tr("The log was saved to %1.").arg(QDir::toNativeSeparators(path))
                                                : tr("The log could not be saved to %1: %2. Choose another folder.")
                                                          .arg(QDir::toNativeSeparators(path), error);
        setStatus(message);
        Q_EMIT saved(error.isEmpty(), message);
    });
    auto promise = std::make_shared<QPromise<QString>>();
    watcher->setFuture(promise->future());
    promise->start();
    auto write = [source, shown, path]() -> QString {
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            return out.errorString();
        if (shown.isEmpty() && !source.isEmpty()) {
            QFile in(source);
            if (!in.open(QIODevice::ReadOnly))
                return in.errorString();
            while (!in.atEnd()) {
                if (out.write(in.read(1 << 20)) < 0)
                    return out.errorString();
            }
        } else if (out.write(shown) < 0) {
            return out.errorString();
        }
        return out.commit() ? QString() : out.errorString();
    };
    QThreadPool::globalInstance()->start([write, promise] {
        promise->addResult(write());
        promise->finish();
    });
}

void ConsolePane::setStatus(const QString &text)
{
    m_statusLabel->setText(text);
    m_statusLabel->setVisible(!text.isEmpty());
}
