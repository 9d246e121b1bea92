#pragma once

// The engine's messages reach the wizard's pages in the wizard's own words: how to go on is said as a button or a
// page (ui/wizardadvice.h), never as a command to type. cliWordsOn() lists the visible texts of a window's labels
// and item views that still say a command ("jitsi-deployer ...", "run the command again").

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QLabel>
#include <QRegularExpression>
#include <QStringList>
#include <QWidget>

inline QStringList cliWordsOn(QWidget *window)
{
    static const QRegularExpression cliWords(QStringLiteral("jitsi-deployer|\\bcommand\\b"),
                                             QRegularExpression::CaseInsensitiveOption);
    QStringList found;
    const auto check = [&found](const QString &where, const QString &text) {
        if (text.contains(cliWords))
            found << where + QStringLiteral(": ") + text;
    };
    for (QLabel *label : window->findChildren<QLabel *>()) {
        if (label->isVisible())
            check(label->objectName(), label->text());
    }
    // The host table's cells (waiting reasons, failures).
    for (QAbstractItemView *view : window->findChildren<QAbstractItemView *>()) {
        const QAbstractItemModel *model = view->model();
        if (!view->isVisible() || !model)
            continue;
        for (int row = 0; row < model->rowCount(); ++row)
            for (int column = 0; column < model->columnCount(); ++column)
                check(view->objectName(), model->data(model->index(row, column)).toString());
    }
    return found;
}
