// SPDX-License-Identifier: GPL-3.0-or-later
// Emergency revocation against the fakes: every current and grace version of an account's or the
// workspace's tokens is revoked at once, without waiting for grace; a token the provider refuses
// (Dynatrace: a token cannot disable itself) fails alone with the provider's message while the
// others go on, and can be retried alone; Glean's token is reported as still valid. The plan says
// all that before anything changes.
#include "appcontext.h"
#include "emergencyrevocation.h"
#include "rotationengine.h"
#include "rotationworld.h"
#include "timedsecretstore.h"
#include "workspacesync.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestEmergencyRevocation : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RotationWorld> m_world;

    QList<EmergencyRevocation::Item> revoke(EmergencyRevocation &revocation, const QList<qint64> &ids)
    {
        QSignalSpy finished(&revocation, &EmergencyRevocation::finished);
        revocation.start(ids);
        if (finished.isEmpty() && !finished.wait(30000))
            return {};
        return finished.constLast().constFirst().value<QList<EmergencyRevocation::Item>>();
    }

    static const EmergencyRevocation::Item &item(const QList<EmergencyRevocation::Item> &items, const QString &name)
    {
        return *std::find_if(items.cbegin(), items.cend(), [&name](const auto &i) { return i.tokenName == name; });
    }

private Q_SLOTS:
    void init()
    {
        m_world = std::make_unique<RotationWorld>();
        QString error;
        QVERIFY2(m_world->setUp(&error), qPrintable(error));
    }

    void cleanup() { m_world.reset(); }

    void revokesEverythingAndGoesOnPastFailures()
    {
        // One rotation first, so otel-collector has a version in grace as well as a current one.
        RotationEngine engine(m_world->context.get());
        QSignalSpy rotated(&engine, &RotationEngine::finished);
        QVERIFY(engine.rotate(m_world->token(u"otel-collector"_s)->id));
        QVERIFY(rotated.wait(30000));
        const Token otel = *m_world->token(u"otel-collector"_s);
        SecretBytes newSecret;
        for (const TokenVersion &v : m_world->store.versions(otel.id)) {
            if (v.number == 2)
                newSecret = SecretBytes(m_world->keychainValue(v.secret.location));
        }
        QVERIFY(m_world->dynatrace.isSecretValid(newSecret));
        QVERIFY(m_world->dynatrace.isSecretValid(m_world->otelSecret));

        QList<qint64> all;
        for (const Token &token : m_world->store.tokens())
            all << token.id;
        const QList<EmergencyRevocation::Item> plan = EmergencyRevocation::plan(m_world->context.get(), all);
        QCOMPARE(item(plan, u"otel-collector"_s).versions.size(), 2);
        QCOMPARE(item(plan, u"wiki-connector"_s).outcome, EmergencyRevocation::Item::Outcome::NotPossible);
        QVERIFY(m_world->dynatrace.isSecretValid(newSecret)); // planning changed nothing

        EmergencyRevocation revocation(m_world->context.get());
        const QList<EmergencyRevocation::Item> items = revoke(revocation, all);
        QCOMPARE(items.size(), all.size());
        QCOMPARE(item(items, u"otel-collector"_s).outcome, EmergencyRevocation::Item::Outcome::Revoked);
        QVERIFY(!m_world->dynatrace.isSecretValid(newSecret));
        QVERIFY(!m_world->dynatrace.isSecretValid(m_world->otelSecret)); // grace did not protect it
        QCOMPARE(item(items, u"ci-deployer"_s).outcome, EmergencyRevocation::Item::Outcome::Revoked);
        QVERIFY(!m_world->pangea.isSecretValid(m_world->pangea.currentToken(m_world->pangeaItemId)));
        // The management token cannot disable itself: refused for it alone, with the reason.
        const EmergencyRevocation::Item &manager = item(items, u"tokendesk-manager"_s);
        QCOMPARE(manager.outcome, EmergencyRevocation::Item::Outcome::Failed);
        QVERIFY2(
            manager.message.contains(u"Dynatrace does not let a token disable itself"_s), qPrintable(manager.message));
        QCOMPARE(item(items, u"wiki-connector"_s).outcome, EmergencyRevocation::Item::Outcome::NotPossible);
        QVERIFY(m_world->glean.isSecretValid(m_world->gleanSecret));
        QCOMPARE(m_world->token(u"otel-collector"_s)->state, TokenState::Revoked);

        QStringList audit;
        for (const AuditEvent &event : m_world->store.auditEvents()) {
            if (event.action == u"revoke.emergency"_s)
                audit << event.tokenName + u':' + AuditEvent::outcomeId(event.outcome);
        }
        QVERIFY2(audit.contains(u"tokendesk-manager:failed"_s), qPrintable(audit.join(u", "_s)));
        QVERIFY2(audit.contains(u"otel-collector:succeeded"_s), qPrintable(audit.join(u", "_s)));

        // Retry only the failed one: it fails again the same way, the others are not touched.
        const int requestsBefore = static_cast<int>(m_world->dynatrace.requests().size());
        QSignalSpy finished(&revocation, &EmergencyRevocation::finished);
        revocation.retryFailed();
        QVERIFY(finished.wait(30000));
        QCOMPARE(item(revocation.items(), u"tokendesk-manager"_s).outcome, EmergencyRevocation::Item::Outcome::Failed);
        QVERIFY(m_world->dynatrace.requests().size() - requestsBefore <= 2);
    }

    void readsAnAccountsCredentialOnceForAllItsTokens()
    {
        // Once each token read the credential itself: a thousand reads queued at the keyring
        // daemon at once, and the last ones ran past their watchdog, so tokens failed to revoke.
        for (int i = 0; i < 30; ++i) {
            DynatraceTokenSeed seed;
            seed.name = u"svc-%1"_s.arg(i);
            seed.scopes = {u"metrics.ingest"_s};
            m_world->dynatrace.addToken(seed);
        }
        QSignalSpy refreshed(m_world->context->sync(), &WorkspaceSync::refreshFinished);
        m_world->context->sync()->refresh(m_world->dynatraceAccount.id);
        QVERIFY(refreshed.wait(30000));
        QList<qint64> ids;
        for (const Token &token : m_world->store.tokensOfAccount(m_world->dynatraceAccount.id)) {
            if (token.name.startsWith(u"svc-"_s))
                ids << token.id;
        }
        QCOMPARE(ids.size(), 30);

        TimedSecretStore keychain(&m_world->secrets);
        AppContext context(&m_world->store, &keychain, m_world->clock);
        EmergencyRevocation revocation(&context);
        const QList<EmergencyRevocation::Item> items = revoke(revocation, ids);
        QCOMPARE(items.size(), 30);
        for (const EmergencyRevocation::Item &revoked : items)
            QVERIFY2(revoked.outcome == EmergencyRevocation::Item::Outcome::Revoked, qPrintable(revoked.message));
        QCOMPARE(m_world->dynatrace.enabledCount(), m_world->dynatrace.tokenCount() - 30);
        QCOMPARE(keychain.figures().reads, 1);
        QCOMPARE(keychain.figures().operations(), 1);
    }
};

QTEST_GUILESS_MAIN(TestEmergencyRevocation)
#include "testemergencyrevocation.moc"
