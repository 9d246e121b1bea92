// The console pane's widget: batched appends, bounded tabs, following only at the bottom, search, copy, save.

#include "ui/consolepane.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QStringList numbered(int from, int count)
{
    QStringList lines;
    for (int i = from; i < from + count; ++i)
        lines << u"line %1"_s.arg(i);
    return lines;
}
} // namespace

class TestConsolePane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendsInBatchesNotPerLine()
    {
        ConsolePane pane;
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 100; ++i)
            pane.appendLines(u"web"_s, numbered(i * 10, 10));
        // Nothing is appended while the lines arrive; the timer does it.
        QCOMPARE(pane.flushCount(), 0);
        QVERIFY(pane.hasPending());
        QTRY_VERIFY(!pane.hasPending());
        QVERIFY(pane.flushCount() <= 1 + int(clock.elapsed() / ConsolePane::flushIntervalMs));
        QCOMPARE(pane.editor(u"web"_s)->document()->blockCount(), 1000);
        QVERIFY(pane.text(u"web"_s).startsWith(u"line 0\nline 1\n"_s));
        QVERIFY(pane.text(u"web"_s).endsWith(u"line 999"_s));
        QCOMPARE(pane.findChild<QTabWidget *>(u"consoleTabWidget"_s)->count(), 1);
    }

    void tabsAreBoundedAndSayWhatWasDropped()
    {
        ConsolePane pane;
        pane.appendLines(u"web"_s, numbered(0, 3 * ConsolePane::maxBlocksPerTab));
        pane.flushAll();
        QPlainTextEdit *edit = pane.editor(u"web"_s);
        QVERIFY(edit->document()->blockCount() <= ConsolePane::maxBlocksPerTab);
        const QString text = pane.text(u"web"_s);
        QVERIFY(text.endsWith(u"line %1"_s.arg(3 * ConsolePane::maxBlocksPerTab - 1)));
        QVERIFY2(text.contains(u"not shown here"_s), qPrintable(text.left(300)));
    }

    void followsOnlyAtTheBottom()
    {
        ConsolePane pane;
        pane.resize(600, 300);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.appendLines(u"web"_s, numbered(0, 500));
        pane.flushAll();
        QScrollBar *bar = pane.editor(u"web"_s)->verticalScrollBar();
        QCOMPARE(bar->value(), bar->maximum());
        pane.appendLines(u"web"_s, numbered(500, 100));
        pane.flushAll();
        QCOMPARE(bar->value(), bar->maximum()); // at the bottom: follows

        bar->setValue(10); // the user scrolls up to read
        pane.appendLines(u"web"_s, numbered(600, 100));
        pane.flushAll();
        QCOMPARE(bar->value(), 10);
        QVERIFY(bar->maximum() > 10);

        bar->setValue(bar->maximum()); // back at the bottom: follows again
        pane.appendLines(u"web"_s, numbered(700, 100));
        pane.flushAll();
        QCOMPARE(bar->value(), bar->maximum());
    }

    void findNextWrapsAndSaysWhenMissing()
    {
        ConsolePane pane;
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.appendLines(u"web"_s, {u"apt-get update"_s, u"Setting up prosody"_s, u"Setting up jicofo"_s});
        pane.flushAll();
        auto *find = pane.findChild<QLineEdit *>(u"consoleFindLineEdit"_s);
        QVERIFY(find);
        QTest::keySequence(&pane, QKeySequence::Find);
        QVERIFY(find->hasFocus());
        QTest::keyClicks(find, u"Setting up"_s);
        QTest::keyClick(find, Qt::Key_Return);
        QPlainTextEdit *edit = pane.editor(u"web"_s);
        QCOMPARE(edit->textCursor().blockNumber(), 1);
        QTest::mouseClick(pane.findChild<QPushButton *>(u"consoleFindNextButton"_s), Qt::LeftButton);
        QCOMPARE(edit->textCursor().blockNumber(), 2);
        QTest::mouseClick(pane.findChild<QPushButton *>(u"consoleFindNextButton"_s), Qt::LeftButton);
        QCOMPARE(edit->textCursor().blockNumber(), 1); // from the top again
        find->setText(u"nginx"_s);
        QTest::keyClick(find, Qt::Key_Return);
        QVERIFY(pane.findChild<QLabel *>(u"consoleStatusLabel"_s)->text().contains(u"nginx"_s));
    }

    void copiesSelectionOrAll()
    {
        ConsolePane pane;
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.appendLines(u"web"_s, {u"first"_s, u"second"_s});
        pane.flushAll();
        auto *copy = pane.findChild<QPushButton *>(u"consoleCopyButton"_s);
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), u"first\nsecond"_s);
        QPlainTextEdit *edit = pane.editor(u"web"_s);
        QTextCursor cursor = edit->textCursor();
        cursor.movePosition(QTextCursor::Start);
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        edit->setTextCursor(cursor);
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), u"first"_s);
    }

    void savesTheFullLogOrTheTab()
    {
        QTemporaryDir dir;
        ConsolePane pane;
        pane.appendLines(u"web"_s, {u"shown line"_s});
        QSignalSpy saved(&pane, &ConsolePane::saved);

        // Without a run log on disk: the tab's text.
        pane.saveLogTo(dir.filePath(u"tab.log"_s));
        QTRY_COMPARE(saved.size(), 1);
        QVERIFY(saved.at(0).at(0).toBool());
        QFile tab(dir.filePath(u"tab.log"_s));
        QVERIFY(tab.open(QIODevice::ReadOnly));
        QCOMPARE(tab.readAll(), QByteArray("shown line\n"));

        // With one: all of it, byte for byte.
        QFile full(dir.filePath(u"run.log"_s));
        QVERIFY(full.open(QIODevice::WriteOnly));
        const QByteArray content = QByteArray("{\"event\":\"run_started\"}\n").repeated(1000);
        full.write(content);
        full.close();
        pane.setFullLogPath(full.fileName());
        pane.saveLogTo(dir.filePath(u"copy.log"_s));
        QTRY_COMPARE(saved.size(), 2);
        QFile copy(dir.filePath(u"copy.log"_s));
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), content);

        // A folder that cannot be written: said, with the way on.
        pane.saveLogTo(dir.filePath(u"missing/folder/x.log"_s));
        QTRY_COMPARE(saved.size(), 3);
        QVERIFY(!saved.at(2).at(0).toBool());
        QVERIFY(saved.at(2).at(1).toString().contains(u"Choose another folder"_s));
    }

    void everyControlIsNamed()
    {
        ConsolePane pane;
        pane.addHost(u"web"_s);
        QVERIFY(!pane.findChild<QLineEdit *>(u"consoleFindLineEdit"_s)->accessibleName().isEmpty());
        QVERIFY(!pane.editor(u"web"_s)->accessibleName().isEmpty());
        QVERIFY(pane.findChild<QLabel *>(u"consoleFindLabel"_s)->buddy());
        for (const char *name : {"consoleFindNextButton", "consoleCopyButton", "consoleSaveButton"})
            QVERIFY(!pane.findChild<QPushButton *>(QLatin1String(name))->toolTip().isEmpty());
    }
};

QTEST_MAIN(TestConsolePane)
#include "tst_consolepane.moc"
