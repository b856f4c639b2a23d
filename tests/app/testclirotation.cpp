// SPDX-License-Identifier: GPL-3.0-or-later
// tokendesk-cli's rotate, revoke, plan and resume, as the real binary against the fakes and the
// real keychain: exit codes, the per-token report, --json output, the dry run changing nothing,
// and a polite refusal while another process holds the workspace.
#include "rotationworld.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliRotation : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RotationWorld> m_world;

private Q_SLOTS:
    void init()
    {
        m_world = std::make_unique<RotationWorld>(QDateTime::currentDateTimeUtc());
        QString error;
        QVERIFY2(m_world->setUp(&error), qPrintable(error));
    }

    void cleanup() { m_world.reset(); }

    void planChangesNothing()
    {
        const int tokensBefore = m_world->dynatrace.tokenCount();
        const RotationWorld::CliRun run = m_world->runCli({u"plan"_s, u"rotate"_s, u"otel-collector"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray plans = QJsonDocument::fromJson(run.output.toUtf8()).array();
        QCOMPARE(plans.size(), 1);
        const QJsonArray steps = plans.at(0)[u"steps"_s].toArray();
        QCOMPARE(steps.at(1)[u"path"_s].toString(), u"/api/v2/apiTokens"_s);
        QCOMPARE(m_world->dynatrace.tokenCount(), tokensBefore);
        QVERIFY(!run.output.contains(m_world->otelSecret.exposeUtf8()));
    }

    void rotateReportsAndSetsTheExitCode()
    {
        RotationWorld::CliRun run = m_world->runCli({u"rotate"_s, u"otel-collector"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.output.contains(u"otel-collector: version 2 is current; version 1 is revoked at "_s),
            qPrintable(run.output));
        run = m_world->runCli({u"rotate"_s, u"no-such-token"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output.contains(u"No token “no-such-token”"_s), qPrintable(run.output));
        run = m_world->runCli({u"rotate"_s, u"--due"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.output.contains(u"Nothing to rotate."_s), qPrintable(run.output));
    }

    void revokeNeedsConfirmationAndReportsEachToken()
    {
        RotationWorld::CliRun run = m_world->runCli({u"revoke"_s, u"--account"_s, u"Dynatrace"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(m_world->dynatrace.isSecretValid(m_world->otelSecret));

        run = m_world->runCli({u"revoke"_s, u"--emergency"_s, u"--account"_s, u"Dynatrace"_s});
        QCOMPARE(run.exitCode, 1); // the management token cannot revoke itself
        QVERIFY2(run.output.contains(u"REVOKED      otel-collector (Dynatrace)"_s), qPrintable(run.output));
        QVERIFY2(run.output.contains(u"FAILED       tokendesk-manager (Dynatrace)"_s), qPrintable(run.output));
        QVERIFY(!m_world->dynatrace.isSecretValid(m_world->otelSecret));

        run = m_world->runCli({u"revoke"_s, u"--emergency"_s, u"wiki-connector"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray items = QJsonDocument::fromJson(run.output.toUtf8()).array();
        QCOMPARE(items.at(0)[u"outcome"_s].toString(), u"still-valid"_s);
    }

    void refusesWhileAnotherProcessWrites()
    {
        WorkspaceStore other;
        m_world->store.close();
        QVERIFY(other.open(m_world->dir.path()));
        // runCli closes and reopens the world's own store; the second writer here holds the lock.
        const RotationWorld::CliRun run = m_world->runCli({u"rotate"_s, u"otel-collector"_s});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.output.contains(u"already open for writing"_s), qPrintable(run.output));
    }
};

QTEST_GUILESS_MAIN(TestCliRotation)
#include "testclirotation.moc"
