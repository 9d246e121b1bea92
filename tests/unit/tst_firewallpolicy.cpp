// FirewallPolicy's web rules with and without TURN: coturn's ports (3478/udp, 5349/tcp) are open from anywhere
// exactly when the plan has a TURN server, and nothing else changes with the choice.

#include "deploy/firewallpolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using hcloud::FirewallRule;

namespace {

DeploymentPlan plan(bool turn)
{
    DeploymentPlan plan;
    plan.domain = u"meet.example.org"_s;
    plan.options.sshSourceCidrs = {u"203.0.113.7"_s};
    plan.options.turnServer = turn;
    return plan;
}

const FirewallRule *rule(const QList<FirewallRule> &rules, const QString &protocol, const QString &port)
{
    for (const FirewallRule &r : rules)
        if (r.protocol == protocol && r.port == port)
            return &r;
    return nullptr;
}

} // namespace

class TestFirewallPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void turnIsOnByDefault() { QVERIFY(DeploymentPlan().options.turnServer); }

    void turnPortsOpenFromAnywhereWithTurn()
    {
        const QList<FirewallRule> rules = FirewallPolicy::webRules(plan(true), {u"198.51.100.4"_s});
        const FirewallRule *turn = rule(rules, u"udp"_s, u"3478"_s);
        const FirewallRule *turns = rule(rules, u"tcp"_s, u"5349"_s);
        QVERIFY(turn && turns);
        for (const FirewallRule *r : {turn, turns}) {
            QCOMPARE(r->direction, u"in"_s);
            QCOMPARE(r->sourceIps, (QStringList{u"0.0.0.0/0"_s, u"::/0"_s}));
            QVERIFY(!r->description.isEmpty());
        }
        // TURN over plain TCP is off in coturn's config (no-tcp), so 3478/tcp stays closed.
        QVERIFY(!rule(rules, u"tcp"_s, u"3478"_s));
        QCOMPARE(rules.size(), 6); // 80, 443, 22, 3478/udp, 5349/tcp, 5222
    }

    void noTurnPortsWithoutTurn()
    {
        const QList<FirewallRule> with = FirewallPolicy::webRules(plan(true), {u"198.51.100.4"_s});
        const QList<FirewallRule> without = FirewallPolicy::webRules(plan(false), {u"198.51.100.4"_s});
        QVERIFY(!rule(without, u"udp"_s, u"3478"_s));
        QVERIFY(!rule(without, u"tcp"_s, u"5349"_s));
        QCOMPARE(without.size(), 4);
        // The rest is the same either way.
        QList<FirewallRule> rest;
        for (const FirewallRule &r : with)
            if (r.port != u"3478"_s && r.port != u"5349"_s)
                rest << r;
        QVERIFY(FirewallPolicy::sameRules(rest, without));
        QVERIFY(!FirewallPolicy::sameRules(with, without));
    }

    void bridgesNeverGetTurnPorts()
    {
        for (bool turn : {true, false}) {
            const QList<FirewallRule> rules = FirewallPolicy::bridgeRules(plan(turn));
            QVERIFY(!rule(rules, u"udp"_s, u"3478"_s));
            QVERIFY(!rule(rules, u"tcp"_s, u"5349"_s));
        }
    }

    void keepingXmppSourcesKeepsTurn()
    {
        const QList<FirewallRule> wanted = FirewallPolicy::webRules(plan(true), {});
        const QList<FirewallRule> existing = FirewallPolicy::webRules(plan(true), {u"198.51.100.9"_s});
        const QList<FirewallRule> merged = FirewallPolicy::keepingXmppSources(wanted, existing);
        QVERIFY(rule(merged, u"udp"_s, u"3478"_s) && rule(merged, u"tcp"_s, u"5349"_s));
        QVERIFY(rule(merged, u"tcp"_s, u"5222"_s));
    }
};

QTEST_GUILESS_MAIN(TestFirewallPolicy)
#include "tst_firewallpolicy.moc"
