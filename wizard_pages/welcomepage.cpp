#include "welcomepage.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

WelcomePage::WelcomePage(QWidget *parent)
    : QWizardPage(parent)
    , m_introLabel(new QLabel(this))
    , m_stepsLabel(new QLabel(this))
    , m_costNoteLabel(new QLabel(this))
{
    setObjectName(u"welcomePage"_s);
    setTitle(tr("Welcome to Jitsi Deployer"));
    setSubTitle(tr("Your own video meetings, on servers you rent from Hetzner Cloud."));

    m_introLabel->setObjectName(u"introLabel"_s);
    m_introLabel->setWordWrap(true);
    m_introLabel->setText(tr("This wizard sets up Jitsi Meet in your Hetzner Cloud project: one web server and as "
                             "many video bridges as your meetings need. Before it calls the job done, it checks "
                             "that every bridge is really connected."));

    m_stepsLabel->setObjectName(u"stepsLabel"_s);
    m_stepsLabel->setWordWrap(true);
    m_stepsLabel->setTextFormat(Qt::RichText);
    // One list item per step, so translators see the same structure the user does.
    const QStringList steps{
            tr("<b>API token</b>: connect to your Hetzner Cloud project."),
            tr("<b>Deployment</b>: the address of your meetings and an e-mail for the certificate."),
            tr("<b>SSH key</b>: how the wizard logs in to the new servers."),
            tr("<b>Servers</b>: size, location and number of video bridges, with their prices."),
            tr("<b>Review</b>: everything that will be created and what it costs per month."),
            tr("<b>Deploy</b>: the servers are set up, DNS is checked and HTTPS is switched on."),
            tr("<b>Verify</b>: proof that every bridge takes part in meetings."),
    };
    QString list = u"<p>"_s + tr("The steps ahead:") + u"</p><ol>"_s;
    for (const QString &step : steps)
        list += u"<li>"_s + step + u"</li>"_s;
    list += u"</ol>"_s;
    m_stepsLabel->setText(list);

    m_costNoteLabel->setObjectName(u"costNoteLabel"_s);
    m_costNoteLabel->setWordWrap(true);
    m_costNoteLabel->setText(tr("Nothing is created, and nothing costs money, until you confirm on the Review page."));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_introLabel);
    layout->addWidget(m_stepsLabel);
    layout->addStretch();
    layout->addWidget(m_costNoteLabel);
}
