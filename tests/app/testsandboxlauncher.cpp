// SPDX-License-Identifier: GPL-3.0-or-later
// SandboxLauncher: reads the real tokendesk-sandbox's announcements (URLs, demo credentials with
// secret fields kept out of `details`), and fails with a specific message when the program is
// missing, exits early, prints garbage, or names a service that is not on loopback.
#include "sandboxlauncher.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSandboxLauncher : public QObject
{
    Q_OBJECT

private:
    static QString failureOf(const QString &program, const QStringList &arguments)
    {
        SandboxLauncher launcher;
        QSignalSpy ready(&launcher, &SandboxLauncher::ready);
        QSignalSpy failed(&launcher, &SandboxLauncher::failed);
        launcher.start(program, arguments);
        if (!failed.wait(20000) || !ready.isEmpty())
            return u"no failure reported"_s;
        return failed.constFirst().constFirst().toString();
    }

private Q_SLOTS:
    void readsTheRealSandbox()
    {
        SandboxLauncher launcher;
        QSignalSpy ready(&launcher, &SandboxLauncher::ready);
        QSignalSpy failed(&launcher, &SandboxLauncher::failed);
        launcher.start(qEnvironmentVariable("TOKENDESK_SANDBOX"));
        QVERIFY(ready.wait(30000));
        QVERIFY(failed.isEmpty());
        QCOMPARE(launcher.services().size(), 5);
        for (const QString &name : {u"pangea"_s, u"glean"_s, u"dynatrace"_s, u"piiano"_s, u"vault"_s}) {
            const SandboxService *service = launcher.service(name);
            QVERIFY2(service, qPrintable(name));
            QCOMPARE(service->url.host(), u"127.0.0.1"_s);
            QVERIFY(service->url.port() > 0);
            QVERIFY2(!service->credential.isEmpty(), qPrintable(name));
            for (const QString &field : {u"credential"_s, u"appToken"_s, u"tokens"_s})
                QVERIFY2(!service->details.contains(field), qPrintable(name + u": "_s + field));
        }
        // Vault: the narrow app token, not the root token.
        QVERIFY(launcher.service(u"vault"_s)->credential.exposeBytes().startsWith("hvs.SandboxTokenDeskApp"));
        const SandboxService *glean = launcher.service(u"glean"_s);
        QCOMPARE(glean->tokens.size(), 3);
        QVERIFY(glean->details.value(u"rotationPeriodMinutes"_s).toObject().contains(u"wiki-connector"_s));
    }

    void aMissingProgramIsReported()
    {
        const QString message = failureOf(u"/nonexistent/tokendesk-sandbox"_s, {});
        QVERIFY2(message.startsWith(u"The sandbox could not be started (/nonexistent/tokendesk-sandbox)"_s),
            qPrintable(message));
    }

    void anEarlyExitIsReportedWithItsOutput()
    {
        const QString message = failureOf(u"/bin/sh"_s, {u"-c"_s, u"echo 'port in use' >&2; exit 2"_s});
        QCOMPARE(message, u"The sandbox stopped (exit code 2). port in use"_s);
    }

    void garbageIsReported()
    {
        const QString message = failureOf(u"/bin/sh"_s, {u"-c"_s, u"echo 'hello'; sleep 5"_s});
        QVERIFY2(message.startsWith(u"The sandbox printed something that is not JSON"_s), qPrintable(message));
    }

    void aServiceOffLoopbackIsRefused()
    {
        const QString message = failureOf(u"/bin/sh"_s,
            {u"-c"_s, u"echo '{\"service\":\"pangea\",\"url\":\"https://vault.aws.us.pangea.cloud\"}'; sleep 5"_s});
        QCOMPARE(message,
            u"The sandbox announced a service that is not on this computer: "
            u"https://vault.aws.us.pangea.cloud"_s);
    }
};

QTEST_GUILESS_MAIN(TestSandboxLauncher)
#include "testsandboxlauncher.moc"
