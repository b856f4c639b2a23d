// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpclient.h"

#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

// Tests the tokendesk-sandbox program: one JSON line per service, working credentials, fault
// flags, rejected options and a clean stop on SIGTERM.
class TestSandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void startsServesAndStops();
    void rejectsBadOptions_data();
    void rejectsBadOptions();
};

void TestSandbox::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSandbox::startsServesAndStops()
{
    QProcess sandbox;
    sandbox.start(QStringLiteral(TOKENDESK_SANDBOX_PATH),
        {u"--latency"_s, u"5"_s, u"--fault"_s, u"vault=error=1,error-status=503@GET /v1/sys/health"_s});
    QVERIFY(sandbox.waitForStarted(5000));
    QMap<QString, QJsonObject> services;
    bool ready = false;
    QSignalSpy output(&sandbox, &QProcess::readyReadStandardOutput);
    while (!ready && (sandbox.canReadLine() || output.wait(10000))) {
        while (sandbox.canReadLine()) {
            const QJsonObject line = QJsonDocument::fromJson(sandbox.readLine()).object();
            if (line.value(u"ready"_s).toBool())
                ready = true;
            else
                services.insert(line.value(u"service"_s).toString(), line);
        }
    }
    QVERIFY2(ready, sandbox.readAllStandardError().constData());
    QCOMPARE(services.keys(), QStringList({u"dynatrace"_s, u"glean"_s, u"pangea"_s, u"piiano"_s, u"vault"_s}));
    for (const QJsonObject &service : services) {
        const QUrl url(service.value(u"url"_s).toString());
        QCOMPARE(url.host(), u"127.0.0.1"_s);
        QVERIFY(url.port() > 0);
        QVERIFY(!service.value(u"credential"_s).toString().isEmpty());
        QVERIFY(service.value(u"faults"_s).toString().contains(u"latency=5"_s));
    }

    FakeHttpClient client;
    const QUrl vault(services.value(u"vault"_s).value(u"url"_s).toString());
    QCOMPARE(client.send("GET", FakeHttpClient::url(vault, u"/v1/sys/health"_s)).status, 503);
    QCOMPARE(client.send("GET", FakeHttpClient::url(vault, u"/v1/sys/health"_s)).status, 200);
    const FakeHttpResult stored
        = client.send("GET", FakeHttpClient::url(vault, u"/v1/secret/data/tokendesk/pangea/ci-deployer"_s),
            {{"X-Vault-Token", services.value(u"vault"_s).value(u"credential"_s).toString().toUtf8()}});
    QCOMPARE(stored.status, 200);
    const QJsonObject pangea = services.value(u"pangea"_s);
    const FakeHttpResult item
        = client.postJson(FakeHttpClient::url(QUrl(pangea.value(u"url"_s).toString()), u"/v2/get"_s),
            {{"Authorization", "Bearer " + stored.object()[u"data"_s][u"data"_s][u"token"_s].toString().toUtf8()}},
            {{u"id"_s, pangea[u"items"_s][u"ci-deployer"_s].toString()}});
    QCOMPARE(item.status, 200); // the token stored in Vault is the item's current one

#if defined(Q_OS_UNIX)
    sandbox.terminate(); // SIGTERM
    QVERIFY(sandbox.waitForFinished(5000));
    QCOMPARE(sandbox.exitStatus(), QProcess::NormalExit);
    QCOMPARE(sandbox.exitCode(), 0);
    QVERIFY(sandbox.readAllStandardError().contains("stopping"));
#else
    sandbox.kill();
    sandbox.waitForFinished(5000);
#endif
}

void TestSandbox::rejectsBadOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("rate") << QStringList {u"--fault-rate"_s, u"150"_s};
    QTest::newRow("latency") << QStringList {u"--latency"_s, u"soon"_s};
    QTest::newRow("service") << QStringList {u"--fault"_s, u"github=error=1"_s};
    QTest::newRow("plan") << QStringList {u"--fault"_s, u"glean=explode=1"_s};
    QTest::newRow("port") << QStringList {u"--port"_s, u"vault=99999"_s};
}

void TestSandbox::rejectsBadOptions()
{
    QFETCH(QStringList, arguments);
    QProcess sandbox;
    sandbox.start(QStringLiteral(TOKENDESK_SANDBOX_PATH), arguments);
    QVERIFY(sandbox.waitForFinished(5000));
    QCOMPARE(sandbox.exitCode(), 2);
    QVERIFY(sandbox.readAllStandardOutput().isEmpty());
    QVERIFY(sandbox.readAllStandardError().startsWith("tokendesk-sandbox: "));
}

QTEST_GUILESS_MAIN(TestSandbox)
#include "testsandbox.moc"
