#include "evidencecollector.h"

using namespace Qt::StringLiterals;

EvidenceCollector::EvidenceCollector(const QString &domain, HostAgent *web, const QList<Bridge> &bridges,
                                     QObject *parent)
    : QObject(parent)
    , m_web(web)
    , m_bridges(bridges)
{
    m_input.domain = domain;
    for (const Bridge &bridge : bridges) {
        BridgeEvidenceInput input;
        input.serverName = bridge.serverName;
        input.publicIp = bridge.publicIp;
        input.privateIp = bridge.privateIp;
        m_input.bridges.append(input);
    }
}

QString EvidenceCollector::prosodyLogPath()
{
    return u"/var/log/prosody/prosody.log"_s;
}

QString EvidenceCollector::jicofoLogPath()
{
    return u"/var/log/jitsi/jicofo.log"_s;
}

QString EvidenceCollector::jvbLogPath()
{
    return u"/var/log/jitsi/jvb.log"_s;
}

void EvidenceCollector::collect(Done done)
{
    m_done = std::move(done);
    // Every read is counted before the first one starts, so a fast answer cannot finish the collection early.
    m_pending = 5 + 3 * int(m_bridges.size());
    readLog(m_web, Verifier::prosodyQuery(), prosodyLogPath(), &m_input.prosodyLog);
    readLog(m_web, Verifier::jicofoQuery(), jicofoLogPath(), &m_input.jicofoLog);
    probe(m_web, 8888, u"/stats"_s, &m_input.jicofoStats);
    probe(m_web, 8888, u"/debug"_s, &m_input.jicofoDebug);
    readProsodySessions();
    for (int i = 0; i < m_bridges.size(); ++i) {
        readLog(m_bridges[i].agent, Verifier::jvbQuery(), jvbLogPath(), &m_input.bridges[i].jvbLog);
        probe(m_bridges[i].agent, 8080, u"/about/health"_s, &m_input.bridges[i].health);
        probe(m_bridges[i].agent, 8080, u"/metrics"_s, &m_input.bridges[i].metrics);
    }
}

// Prosody's live sessions (admin shell), then the login lines of the jvb ones in prosody.log or its rotated
// files. Either failing leaves the state unknown (the Verifier falls back to prosody.log), not the collection.
void EvidenceCollector::readProsodySessions()
{
    m_web->queryState(StateQuery::prosodySessions(), [this](Result<QStringList> output) {
        if (output.ok())
            m_input.prosodySessions = ProsodyState::parseSessions(output.value());
        QStringList ids;
        const QString jvbJid = u"jvb@auth."_s + m_input.domain;
        for (const ProsodyLiveSession &session : m_input.prosodySessions.value_or(QList<ProsodyLiveSession>{})) {
            if (session.bareJid().compare(jvbJid, Qt::CaseInsensitive) == 0)
                ids.append(session.id);
        }
        if (ids.isEmpty()) {
            oneDone();
            return;
        }
        m_web->queryState(StateQuery::prosodyLogins(ids), [this](Result<QStringList> logins) {
            if (logins.ok())
                m_input.prosodyLogins = ProsodyState::parseLogins(logins.value());
            oneDone();
        });
    });
}

void EvidenceCollector::readLog(HostAgent *agent, LogQuery query, const QString &path, LogExcerpt *into)
{
    query.path = path;
    agent->extractLog(query, [this, into](Result<LogExcerpt> content) {
        if (content.ok())
            *into = content.value();
        else if (content.error().code != u"file_not_found"_s && !m_error)
            m_error = content.error();
        oneDone();
    });
}

void EvidenceCollector::probe(HostAgent *agent, quint16 port, const QString &path, HttpProbe *into)
{
    agent->probeHttp(port, path, [this, into](Result<HttpProbe> answer) {
        if (answer.ok())
            *into = answer.value();
        else if (!m_error)
            m_error = answer.error();
        oneDone();
    });
}

void EvidenceCollector::oneDone()
{
    if (--m_pending > 0 || !m_done)
        return;
    auto done = std::exchange(m_done, nullptr);
    if (m_error)
        done(*m_error);
    else
        done(m_input);
}
