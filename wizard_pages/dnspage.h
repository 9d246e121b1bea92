#pragma once

#include "ui/dnscontroller.h"

#include <QWizardPage>

class QGridLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

// The DNS step (DESIGN.md §2 steps 7–8): the records the user creates, what the resolvers answer now, the
// certificate's state, and a way to go on with the self-signed certificate. Thin: renders the DnsController's
// view and asks it to go on without DNS; the copy buttons only put the view's texts on the clipboard.
class DnsPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit DnsPage(QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;

public Q_SLOTS:
    void render(const DnsPageView &view);

Q_SIGNALS:
    void shown(); // the page opened: its controller should catch up with the engine
    void continueWithoutDnsRequested();

private:
    void copy(const QString &text, const QString &what);

    DnsPageView m_view;
    QLabel *m_introLabel;
    QGridLayout *m_recordsGrid;
    QPushButton *m_copyAllButton;
    QLabel *m_resolverLabel;
    QVBoxLayout *m_answersLayout;
    QLabel *m_checkStatusLabel;
    QLabel *m_certificateLabel;
    QPushButton *m_continueButton;
    QLabel *m_continueLabel;
    QLabel *m_feedbackLabel;
};
