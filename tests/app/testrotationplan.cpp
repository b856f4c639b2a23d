// SPDX-License-Identifier: GPL-3.0-or-later
// The dry run tells the truth: the HTTP calls a plan lists for a Dynatrace rotation (with its
// Vault sink) are exactly the calls the engine then makes at the fakes, in order; planning itself
// sends nothing; Glean and Piiano revocations are refused with the reason.
#include "appcontext.h"
#include "rotationengine.h"
#include "rotationplan.h"
#include "rotationworld.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestRotationPlan : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RotationWorld> m_world;

    static QStringList calls(const FakeServer &fake, const QString &prefix)
    {
        QStringList result;
        for (const RecordedRequest &r : fake.requests())
            result << QString::fromLatin1(r.request.method) + u' ' + prefix + r.request.path;
        return result;
    }

private Q_SLOTS:
    void init()
    {
        m_world = std::make_unique<RotationWorld>();
        QString error;
        QVERIFY2(m_world->setUp(&error), qPrintable(error));
    }

    void cleanup() { m_world.reset(); }

    void theDynatracePlanIsWhatHappens()
    {
        const Token otel = *m_world->token(u"otel-collector"_s);
        m_world->dynatrace.clearRequests();
        m_world->vault.clearRequests();
        const RotationPlan::Plan plan
            = RotationPlan::forRotation(m_world->context.get(), otel.id, m_world->clock.nowUtc());
        QVERIFY(plan.refusal.isEmpty());
        QVERIFY(m_world->dynatrace.requests().isEmpty()); // a dry run sends nothing
        QStringList planned;
        QStringList steps;
        for (const RotationPlan::Step &step : plan.steps) {
            steps << step.step;
            if (!step.method.isEmpty())
                planned << step.method + u' ' + step.path;
        }
        QCOMPARE(steps,
            QStringList({u"reserve"_s, u"create"_s, u"store"_s, u"sink"_s, u"sink"_s, u"verify"_s, u"promote"_s,
                u"revoke-old"_s, u"delete-old"_s}));
        QCOMPARE(plan.revokeAt, m_world->clock.nowUtc().addSecs(3600));
        QCOMPARE(plan.deleteAt, plan.revokeAt.addDays(7));
        QVERIFY(!RotationPlan::toText(plan).contains(m_world->otelSecret.exposeUtf8()));

        RotationEngine engine(m_world->context.get());
        QSignalSpy finished(&engine, &RotationEngine::finished);
        QVERIFY(engine.rotate(otel.id));
        QVERIFY(finished.wait(30000));
        m_world->clock.advanceMinutes(61);
        engine.resume();
        QVERIFY(finished.wait(30000));
        m_world->clock.advanceDays(7);
        engine.resume();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.constLast().constFirst().value<Rotation>().status, Rotation::Status::Done);

        // The engine's calls, merged in the plan's order: Dynatrace create, Vault (metadata,
        // write), Dynatrace verify, revoke, delete.
        const QStringList dynatrace = calls(m_world->dynatrace, {});
        const QStringList vault = calls(m_world->vault, {});
        QStringList made {dynatrace.value(0)};
        made << vault << dynatrace.mid(1);
        QCOMPARE(made, planned);
    }

    void revocationsTheProviderCannotDoAreRefused()
    {
        const RotationPlan::Plan glean
            = RotationPlan::forRevocation(m_world->context.get(), m_world->token(u"wiki-connector"_s)->id);
        QVERIFY(glean.steps.isEmpty());
        QVERIFY2(glean.refusal.startsWith(u"Glean has no revoke call"_s), qPrintable(glean.refusal));
        const RotationPlan::Plan dynatrace
            = RotationPlan::forRevocation(m_world->context.get(), m_world->token(u"otel-collector"_s)->id);
        QCOMPARE(dynatrace.steps.size(), 1);
        QCOMPARE(dynatrace.steps.constFirst().method + u' ' + dynatrace.steps.constFirst().path,
            u"PUT /api/v2/apiTokens/"_s + m_world->otelId);
    }
};

QTEST_GUILESS_MAIN(TestRotationPlan)
#include "testrotationplan.moc"
