// SPDX-License-Identifier: GPL-3.0-or-later
// The scheduler on a mock clock against the fakes: automatic tokens start rotating at their due
// time less margin and jitter and not before, manual tokens only raise "overdue", due-soon is
// announced once, nothing starts offline, a late pass reports the catch-up, and waiting
// rotations revoke their old version when the grace period ends.
#include "appcontext.h"
#include "domain/rotationdue.h"
#include "rotationengine.h"
#include "rotationworld.h"
#include "scheduler.h"
#include "store/rotationstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestScheduler : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RotationWorld> m_world;

    Token setPolicy(const QString &name, int days, bool automatic)
    {
        Token token = *m_world->token(name);
        token.policy.interval = PolicyDuration(days, PolicyDuration::Unit::Days);
        token.policy.automatic = automatic;
        token.lastRotatedAt = m_world->clock.nowUtc();
        [&] { QVERIFY(m_world->store.updateToken(token)); }();
        return token;
    }

private Q_SLOTS:
    void init()
    {
        m_world = std::make_unique<RotationWorld>();
        QString error;
        QVERIFY2(m_world->setUp(&error), qPrintable(error));
    }

    void cleanup() { m_world.reset(); }

    void startTimeIsBeforeDueAndSpreadsTokens()
    {
        Token a;
        a.id = 1;
        a.policy.interval = PolicyDuration(30, PolicyDuration::Unit::Days);
        Token b = a;
        b.id = 2;
        const QDateTime due(QDate(2026, 3, 1), QTime(0, 0), QTimeZone::utc());
        const QDateTime startA = Scheduler::startTime(a, due);
        const QDateTime startB = Scheduler::startTime(b, due);
        QVERIFY(startA < due.addSecs(-3600 + 1)); // the one-hour margin, and a bit of jitter
        QVERIFY(startA >= due.addSecs(-3600 - 600));
        QVERIFY(startA != startB); // not the same minute for tokens due together
        // Glean's one-day period: 10 % is 2.4 hours, capped at one hour, plus at most 72 minutes of jitter.
        Token glean = a;
        glean.policy.interval = PolicyDuration(1440, PolicyDuration::Unit::Minutes);
        QVERIFY(Scheduler::startTime(glean, due) < due);
    }

    void automaticTokensRotateWhenDueManualOnesAreAnnounced()
    {
        const Token otel = setPolicy(u"otel-collector"_s, 30, true);
        const Token deployer = setPolicy(u"ci-deployer"_s, 30, false);
        RotationEngine engine(m_world->context.get());
        Scheduler scheduler(m_world->context.get(), &engine);
        QSignalSpy started(&scheduler, &Scheduler::rotationStarted);
        QSignalSpy overdue(&scheduler, &Scheduler::overdue);
        QSignalSpy dueSoon(&scheduler, &Scheduler::dueSoon);

        m_world->clock.advanceDays(20);
        scheduler.tick();
        QCOMPARE(started.size(), 0);
        m_world->clock.advanceDays(4); // 6 days left: inside the default 7-day window
        scheduler.tick();
        scheduler.tick();
        QCOMPARE(dueSoon.size(), 2); // each token once, however many passes
        QCOMPARE(started.size(), 0);

        m_world->clock.set(Scheduler::startTime(otel, RotationDue::nextDue(otel)).addSecs(-1));
        scheduler.tick();
        QCOMPARE(started.size(), 0);
        m_world->clock.advanceSeconds(2);
        scheduler.tick();
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.constFirst().constFirst().value<Token>().name, u"otel-collector"_s);
        QSignalSpy idle(&engine, &RotationEngine::idle);
        QVERIFY(idle.wait(30000));
        QCOMPARE(m_world->token(u"otel-collector"_s)->currentVersion, 2);

        m_world->clock.set(RotationDue::nextDue(deployer).addSecs(1));
        scheduler.tick();
        QCOMPARE(overdue.size(), 1);
        QCOMPARE(overdue.constFirst().constFirst().value<Token>().name, u"ci-deployer"_s);
        scheduler.tick();
        QCOMPARE(overdue.size(), 1);
        QVERIFY(!RotationStore(&m_world->store).activeFor(deployer.id));
        QCOMPARE(m_world->token(u"ci-deployer"_s)->currentVersion, deployer.currentVersion); // manual: untouched
    }

    void offlineStartsNothingAndALatePassCatchesUp()
    {
        const Token otel = setPolicy(u"otel-collector"_s, 1, true);
        RotationEngine engine(m_world->context.get());
        Scheduler scheduler(m_world->context.get(), &engine);
        QSignalSpy started(&scheduler, &Scheduler::rotationStarted);
        QSignalSpy caughtUp(&scheduler, &Scheduler::caughtUp);
        scheduler.tick();
        scheduler.setOnline(false);
        m_world->clock.advanceDays(3); // a laptop asleep over the weekend
        scheduler.tick();
        QCOMPARE(started.size(), 0);
        QCOMPARE(caughtUp.size(), 1);
        scheduler.setOnline(true);
        m_world->clock.advanceSeconds(60);
        scheduler.tick();
        QCOMPARE(started.size(), 1);
        QSignalSpy idle(&engine, &RotationEngine::idle);
        QVERIFY(idle.wait(30000));
    }

    void waitingRotationsRevokeWhenTheirGraceEnds()
    {
        RotationEngine engine(m_world->context.get());
        Scheduler scheduler(m_world->context.get(), &engine);
        QSignalSpy finished(&engine, &RotationEngine::finished);
        QVERIFY(engine.rotate(m_world->token(u"otel-collector"_s)->id));
        QVERIFY(finished.wait(30000));
        QVERIFY(m_world->dynatrace.isSecretValid(m_world->otelSecret));
        m_world->clock.advanceMinutes(61);
        scheduler.tick();
        QVERIFY(finished.wait(30000));
        QVERIFY(!m_world->dynatrace.isSecretValid(m_world->otelSecret));
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "testscheduler.moc"
