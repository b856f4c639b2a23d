// SPDX-License-Identifier: GPL-3.0-or-later
// The toolbar's Refresh against the fakes: accounts that list their tokens report their health
// from the listing, and Glean, which has nothing to list, from its connection test, so that a
// revoked Glean token shows as refused. Vault (a destination, not a provider) is not contacted.
#include "appcontext.h"
#include "refreshround.h"
#include "rotationworld.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Health = AccountListModel::Health;

class TestRefreshRound : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RotationWorld> m_world;

    // Runs a round and returns each account's reported health.
    QHash<qint64, Health> refresh(RefreshRound &round)
    {
        QSignalSpy checked(&round, &RefreshRound::accountChecked);
        QString summary;
        if (!round.start(&summary))
            qFatal("refresh refused: %s", qPrintable(summary));
        QHash<qint64, Health> health;
        const bool reported = QTest::qWaitFor(
            [&] {
                for (const QList<QVariant> &report : std::as_const(checked))
                    health.insert(report.at(0).toLongLong(), report.at(1).value<Health>());
                return health.size() == 3 && !round.isRunning();
            },
            30000);
        if (!reported)
            qWarning("only %lld accounts reported", qlonglong(health.size()));
        return health;
    }

private Q_SLOTS:
    void init()
    {
        m_world = std::make_unique<RotationWorld>();
        QString error;
        QVERIFY2(m_world->setUp(&error), qPrintable(error));
    }

    void cleanup() { m_world.reset(); }

    void everyAccountGetsItsHealth()
    {
        RefreshRound round(m_world->context.get());
        const QHash<qint64, Health> health = refresh(round);
        QCOMPARE(health.size(), 3);
        QCOMPARE(health.value(m_world->dynatraceAccount.id), Health::Connected);
        QCOMPARE(health.value(m_world->pangeaAccount.id), Health::Connected);
        QCOMPARE(health.value(m_world->gleanAccount.id), Health::Connected);
        QVERIFY(!health.contains(m_world->vaultAccount.id));
    }

    void aRevokedGleanTokenShowsAsRefused()
    {
        m_world->glean.revokeToken(m_world->glean.tokenForSecret(m_world->gleanSecret)->id);
        RefreshRound round(m_world->context.get());
        const QHash<qint64, Health> health = refresh(round);
        QCOMPARE(health.value(m_world->gleanAccount.id), Health::AuthFailed);
        QCOMPARE(health.value(m_world->dynatraceAccount.id), Health::Connected);
    }
};

QTEST_GUILESS_MAIN(TestRefreshRound)
#include "testrefreshround.moc"
