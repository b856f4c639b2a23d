// SPDX-License-Identifier: GPL-3.0-or-later
// HttpClient as the gate of every provider call: success path, what it refuses to send, redirects
// within and across origins, TLS with and without a custom CA, the User-Agent, the per-host limit
// and its queue, and the audit signal. Against scripted servers on 127.0.0.1.
#include "countingmanager.h"
#include "http/httpclient.h"
#include "requestwatch.h"
#include "scriptedserver.h"
#include "selfsignedcert.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <tokendesk/version.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Answer = ScriptedServer::Answer;

class TestHttpClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void success();
    void sendsMethodHeadersAndBody_data();
    void sendsMethodHeadersAndBody();
    void userAgent();
    void refusesWithoutTraffic_data();
    void refusesWithoutTraffic();
    void followsSameOriginRedirects_data();
    void followsSameOriginRedirects();
    void refusesRedirectThatResendsOrDropsTheBody_data();
    void refusesRedirectThatResendsOrDropsTheBody();
    void refusesCrossOriginRedirect_data();
    void refusesCrossOriginRedirect();
    void refusesEndlessRedirects();
    void perHostLimit_data();
    void perHostLimit();
    void queuedTimeCountsAgainstDeadline();
    void auditSignal();
    void destroyingTheClientCancelsCalls();
    void customCaFileProblems_data();
    void customCaFileProblems();
    void rejectsSelfSignedCertificate();
    void trustsCustomCa();
    void refusesHttpsDowngrade();

private:
    ApiRequest *send(const ApiCall &call) { return m_client->send(call); }
    bool makeTlsServer(ScriptedServer &server);

    std::unique_ptr<CountingManager> m_manager;
    std::unique_ptr<HttpClient> m_client;
    std::unique_ptr<ScriptedServer> m_server;
    QTemporaryDir m_certificateDir;
    SelfSignedCert m_certificate;
    bool m_haveCertificate = false;
};

void TestHttpClient::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<ApiResult>();
    qRegisterMetaType<ApiError>();
    QVERIFY(m_certificateDir.isValid());
    m_haveCertificate = m_certificate.create(m_certificateDir.path());
    if (!m_haveCertificate)
        qWarning("TLS rows will be skipped: %s", qPrintable(m_certificate.error()));
}

void TestHttpClient::init()
{
    m_manager = std::make_unique<CountingManager>();
    m_client = std::make_unique<HttpClient>(m_manager.get());
    m_client->setRetryPolicy(RetryPolicy([] { return 0.0; }));
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
}

void TestHttpClient::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_manager.reset();
}

bool TestHttpClient::makeTlsServer(ScriptedServer &server)
{
    return m_haveCertificate && server.listenTls(m_certificate.certificate(), m_certificate.key());
}

void TestHttpClient::success()
{
    m_server->always(
        u"/ok"_s, {200, R"({"fine":true})", {{"Content-Type", "application/json"}, {"X-Request-Id", "req-42"}}});

    RequestWatch watch(send(ApiCall("GET", m_server->url(u"/ok"_s))));
    QVERIFY(watch.wait());
    const ApiResult result = watch.result();
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(result.body, R"({"fine":true})");
    QCOMPARE(result.header("content-type"), "application/json");
    QCOMPARE(result.requestId, u"req-42"_s);
    QCOMPARE(result.attempts, 1);
    QVERIFY(!QUuid::fromString(result.correlationId).isNull());
    QCOMPARE(result.answer().status, 200);
    QCOMPARE(m_server->count(u"/ok"_s), 1);

    // A correlation id chosen by the caller is kept.
    ApiCall call("GET", m_server->url(u"/ok"_s));
    call.correlationId = u"rotation-7/step-2"_s;
    RequestWatch second(send(call));
    QVERIFY(second.wait());
    QCOMPARE(second.result().correlationId, u"rotation-7/step-2"_s);
}

void TestHttpClient::sendsMethodHeadersAndBody_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("seenAs");
    QTest::newRow("GET") << "GET"_ba << QByteArray() << "GET"_ba;
    QTest::newRow("POST") << "POST"_ba
                          << R"({"id":"pvi_1"})"_ba
                          << "POST"_ba;
    QTest::newRow("PUT") << "PUT"_ba
                         << R"({"enabled":false})"_ba
                         << "PUT"_ba;
    QTest::newRow("PATCH") << "PATCH"_ba
                           << R"({"data":{}})"_ba
                           << "PATCH"_ba;
    QTest::newRow("DELETE") << "DELETE"_ba << QByteArray() << "DELETE"_ba;
    // Qt 6.4's server parses Vault's LIST but has no name for it.
    QTest::newRow("LIST") << "LIST"_ba << QByteArray() << "UNKNOWN"_ba;
}

void TestHttpClient::sendsMethodHeadersAndBody()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, seenAs);
    m_server->always(u"/thing"_s, {204});

    ApiCall call(method, m_server->url(u"/thing"_s), body);
    call.setHeader("X-Vault-Namespace", "team-a/");
    RequestWatch watch(send(call));
    QVERIFY(watch.wait());
    QVERIFY2(watch.result().ok(), qPrintable(watch.result().error.toString()));
    QCOMPARE(watch.result().httpStatus, 204);
    QCOMPARE(m_server->requests().size(), 1);
    const ScriptedServer::Request &seen = m_server->requests().first();
    QCOMPARE(seen.method, seenAs);
    QCOMPARE(seen.body, body);
    QCOMPARE(seen.header("X-Vault-Namespace"), "team-a/");
    if (!body.isEmpty())
        QCOMPARE(seen.header("Content-Type"), "application/json");
    QVERIFY(!seen.hasHeader("Cookie"));
}

void TestHttpClient::userAgent()
{
    m_server->always(u"/ua"_s, {200});
    RequestWatch watch(send(ApiCall("GET", m_server->url(u"/ua"_s))));
    QVERIFY(watch.wait());
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->requests().first().header("User-Agent"), "TokenDesk/" TOKENDESK_VERSION);
    QCOMPARE(HttpClient::userAgent(), "TokenDesk/" TOKENDESK_VERSION);
}

void TestHttpClient::refusesWithoutTraffic_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::newRow("http to a remote name") << QUrl(u"http://example.invalid/api"_s);
    QTest::newRow("http to a private address") << QUrl(u"http://10.0.0.1:8200/v1/sys/health"_s);
    QTest::newRow("http to a name that starts like loopback") << QUrl(u"http://127.0.0.1.example.invalid/"_s);
    QTest::newRow("ftp") << QUrl(u"ftp://127.0.0.1/x"_s);
    QTest::newRow("credentials in the URL") << QUrl(u"https://admin:hunter2@example.invalid/"_s);
    QTest::newRow("no host") << QUrl(u"https:///path"_s);
}

void TestHttpClient::refusesWithoutTraffic()
{
    QFETCH(QUrl, url);
    ApiCall call("POST", url, "{}");
    call.setHeader("Authorization", "Bearer never-sent");
    RequestWatch watch(send(call));
    QCOMPARE(watch.emissions(), 0); // answers from the event loop, after the caller connected
    QVERIFY(watch.wait());
    const ApiResult result = watch.result();
    QCOMPARE(result.error.kind, ApiError::Kind::Refused);
    QVERIFY(!result.error.message.isEmpty());
    QVERIFY(!result.error.message.contains(u"hunter2"_s));
    QCOMPARE(result.attempts, 0);
    QCOMPARE(m_manager->created(), 0);
}

void TestHttpClient::followsSameOriginRedirects_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<int>("status");
    QTest::newRow("GET 301") << "GET"_ba << 301;
    QTest::newRow("GET 302") << "GET"_ba << 302;
    QTest::newRow("GET 307") << "GET"_ba << 307;
    QTest::newRow("PUT 308") << "PUT"_ba << 308;
    QTest::newRow("POST read (marked idempotent) 307") << "POST"_ba << 307;
}

void TestHttpClient::followsSameOriginRedirects()
{
    QFETCH(QByteArray, method);
    QFETCH(int, status);
    m_server->always(u"/old"_s, {status, {}, {{"Location", "/new"}}});
    m_server->always(u"/new"_s, {200, "moved here"});

    ApiCall call(method, m_server->url(u"/old"_s), method == "GET" ? QByteArray() : R"({"v":1})"_ba);
    call.idempotent = true; // Pangea's reads are POSTs
    call.setHeader("Authorization", "Bearer same-origin");
    RequestWatch watch(send(call));
    QVERIFY(watch.wait());
    const ApiResult result = watch.result();
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.body, "moved here");
    QCOMPARE(result.attempts, 1);
    QCOMPARE(m_server->count(u"/new"_s), 1);
    const ScriptedServer::Request &followed = m_server->requests().last();
    QCOMPARE(followed.method, method);
    QCOMPARE(followed.body, call.body);
    QCOMPARE(followed.header("Authorization"), "Bearer same-origin");
}

void TestHttpClient::refusesRedirectThatResendsOrDropsTheBody_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("idempotent");
    QTest::addColumn<int>("status");
    // Qt would send these again as GET without their body.
    QTest::newRow("POST read 301") << "POST"_ba << true << 301;
    QTest::newRow("POST read 302") << "POST"_ba << true << 302;
    QTest::newRow("POST read 303") << "POST"_ba << true << 303;
    // These must not be sent twice, and following a redirect means sending again.
    QTest::newRow("POST 307") << "POST"_ba << false << 307;
    QTest::newRow("PATCH 308") << "PATCH"_ba << false << 308;
}

void TestHttpClient::refusesRedirectThatResendsOrDropsTheBody()
{
    QFETCH(QByteArray, method);
    QFETCH(bool, idempotent);
    QFETCH(int, status);
    m_server->always(u"/old"_s, {status, {}, {{"Location", "/new"}}});
    m_server->always(u"/new"_s, {200});

    ApiCall call(method, m_server->url(u"/old"_s), R"({"rotate":true})");
    call.idempotent = idempotent;
    RequestWatch watch(send(call));
    QVERIFY(watch.wait());
    QCOMPARE(watch.result().error.kind, ApiError::Kind::Refused);
    QVERIFY(watch.result().error.message.contains(u"/new"_s));
    QCOMPARE(m_server->count(u"/old"_s), 1);
    QCOMPARE(m_server->count(u"/new"_s), 0);
}

void TestHttpClient::refusesCrossOriginRedirect_data()
{
    QTest::addColumn<QString>("target");
    QTest::newRow("another port") << u"port"_s;
    QTest::newRow("another host name") << u"host"_s;
}

void TestHttpClient::refusesCrossOriginRedirect()
{
    QFETCH(QString, target);
    ScriptedServer other;
    QVERIFY(other.listen());
    other.always(u"/steal"_s, {200, "gotcha"});
    QUrl away = other.url(u"/steal"_s);
    if (target == u"host"_s)
        away.setHost(u"localhost"_s);
    m_server->always(u"/away"_s, {302, {}, {{"Location", away.toEncoded()}}});

    ApiCall call("GET", m_server->url(u"/away"_s));
    call.setHeader("Authorization", "Bearer must-stay-home");
    call.setHeader("X-Vault-Token", "hvs.must-stay-home");
    RequestWatch watch(send(call));
    QVERIFY(watch.wait());
    const ApiResult result = watch.result();
    QCOMPARE(result.error.kind, ApiError::Kind::Refused);
    QVERIFY2(result.error.message.contains(QString::number(other.port())), qPrintable(result.error.message));
    QVERIFY(!result.error.retryable);
    QTest::qWait(100);
    QCOMPARE(other.requests().size(), 0);
    for (const ScriptedServer::Request &request : other.requests())
        QVERIFY(!request.hasHeader("Authorization") && !request.hasHeader("X-Vault-Token"));
}

void TestHttpClient::refusesEndlessRedirects()
{
    m_server->always(u"/loop"_s, {302, {}, {{"Location", "/loop"}}});
    RequestWatch watch(send(ApiCall("GET", m_server->url(u"/loop"_s))));
    QVERIFY(watch.wait());
    QCOMPARE(watch.result().error.kind, ApiError::Kind::Refused);
    QCOMPARE(watch.result().attempts, 1);
    QCOMPARE(m_server->count(u"/loop"_s), ApiRequest::MaximumRedirects + 1);
}

void TestHttpClient::perHostLimit_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("1") << 1;
    QTest::newRow("2") << 2;
    QTest::newRow("4") << 4;
}

void TestHttpClient::perHostLimit()
{
    QFETCH(int, limit);
    m_client->setPerHostLimit(limit);
    QCOMPARE(m_client->perHostLimit(), limit);
    m_server->always(u"/slow"_s, {200, "slow"}, 100);

    std::vector<std::unique_ptr<RequestWatch>> watches;
    for (int i = 0; i < 10; ++i)
        watches.push_back(std::make_unique<RequestWatch>(send(ApiCall("GET", m_server->url(u"/slow"_s)))));
    for (const auto &watch : watches) {
        QVERIFY(watch->wait());
        QVERIFY(watch->result().ok());
    }
    QCOMPARE(m_server->count(u"/slow"_s), 10);
    QCOMPARE(m_server->maxInFlight(), limit);
}

void TestHttpClient::queuedTimeCountsAgainstDeadline()
{
    m_client->setPerHostLimit(1);
    m_server->hang(u"/hang"_s);
    RequestWatch blocker(send(ApiCall("GET", m_server->url(u"/hang"_s))));

    ApiCall call("GET", m_server->url(u"/hang"_s));
    call.deadline = 300ms;
    RequestWatch queued(send(call));
    QVERIFY(queued.wait());
    QCOMPARE(queued.result().error.kind, ApiError::Kind::Timeout);
    QCOMPARE(queued.result().attempts, 0);
    QVERIFY(queued.result().elapsed >= 300ms);
    QCOMPARE(m_server->count(u"/hang"_s), 1);

    blocker.request()->abort();
    QVERIFY(blocker.wait());
}

void TestHttpClient::auditSignal()
{
    m_server->always(u"/audit"_s, {200, "{}"});
    QSignalSpy spy(m_client.get(), &HttpClient::requestFinished);
    QUrl url = m_server->url(u"/audit"_s);
    url.setQuery(u"api-token=SECRET123&pageSize=10"_s);
    RequestWatch watch(send(ApiCall("GET", url)));
    QVERIFY(watch.wait());
    QCOMPARE(spy.count(), 1);
    const QList<QVariant> arguments = spy.first();
    QCOMPARE(arguments.at(0).toString(), watch.result().correlationId);
    QCOMPARE(arguments.at(1).toByteArray(), "GET");
    const QString loggedUrl = arguments.at(2).toString();
    QVERIFY2(!loggedUrl.contains(u"SECRET123"_s), qPrintable(loggedUrl));
    QVERIFY(loggedUrl.contains(u"/audit"_s) && loggedUrl.contains(u"pageSize=10"_s));
    QCOMPARE(arguments.at(3).toInt(), 200);
    QCOMPARE(arguments.at(4).toInt(), 1);
    QVERIFY(arguments.at(5).toLongLong() >= 0);
    QVERIFY(!arguments.at(6).value<ApiError>().isError());
}

void TestHttpClient::destroyingTheClientCancelsCalls()
{
    m_server->hang(u"/hang"_s);
    RequestWatch running(send(ApiCall("GET", m_server->url(u"/hang"_s))));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->count(u"/hang"_s), 1, 5000);
    m_client.reset();
    QCOMPARE(running.emissions(), 1);
    QCOMPARE(running.result().error.kind, ApiError::Kind::Cancelled);
    QVERIFY(running.request() == nullptr);
}

void TestHttpClient::customCaFileProblems_data()
{
    QTest::addColumn<QByteArray>("contents"); // empty: the file does not exist
    QTest::newRow("missing file") << QByteArray();
    QTest::newRow("not a certificate") << "-----BEGIN NONSENSE-----\nxyz\n"_ba;
}

void TestHttpClient::customCaFileProblems()
{
    QFETCH(QByteArray, contents);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"company-ca.pem"_s);
    if (!contents.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
    }
    ApiCall call("GET", QUrl(u"https://vault.example.invalid/v1/sys/health"_s));
    call.caCertificatePath = path;
    RequestWatch watch(send(call));
    QVERIFY(watch.wait());
    const ApiResult result = watch.result();
    QCOMPARE(result.error.kind, ApiError::Kind::Tls);
    QVERIFY2(result.error.message.contains(path), qPrintable(result.error.message));
    QCOMPARE(result.attempts, 0);
    QCOMPARE(m_manager->created(), 0);
}

void TestHttpClient::rejectsSelfSignedCertificate()
{
    ScriptedServer tls;
    if (!makeTlsServer(tls))
        QSKIP("no openssl to make a certificate, or no TLS server");
    tls.always(u"/secure"_s, {200, "should not be read"});

    ApiCall call("GET", tls.url(u"/secure"_s));
    call.setHeader("Authorization", "Bearer over-tls");
    RequestWatch watch(send(call));
    QVERIFY(watch.wait());
    const ApiResult result = watch.result();
    QCOMPARE(result.error.kind, ApiError::Kind::Tls);
    QVERIFY2(result.error.message.contains(u"self-signed"_s, Qt::CaseInsensitive), qPrintable(result.error.message));
    QVERIFY(!result.error.retryable);
    QCOMPARE(result.attempts, 1);
    QCOMPARE(tls.requests().size(), 0);
}

void TestHttpClient::trustsCustomCa()
{
    ScriptedServer tls;
    if (!makeTlsServer(tls))
        QSKIP("no openssl to make a certificate, or no TLS server");
    tls.always(u"/secure"_s, {200, "trusted"});

    ApiCall call("GET", tls.url(u"/secure"_s));
    call.caCertificatePath = m_certificate.certificatePath();
    RequestWatch watch(send(call));
    QVERIFY(watch.wait());
    QVERIFY2(watch.result().ok(), qPrintable(watch.result().error.toString()));
    QCOMPARE(watch.result().body, "trusted");
}

void TestHttpClient::refusesHttpsDowngrade()
{
    ScriptedServer tls;
    if (!makeTlsServer(tls))
        QSKIP("no openssl to make a certificate, or no TLS server");
    m_server->always(u"/plain"_s, {200, "unencrypted"});
    tls.always(u"/secure"_s, {302, {}, {{"Location", m_server->url(u"/plain"_s).toEncoded()}}});

    ApiCall call("GET", tls.url(u"/secure"_s));
    call.caCertificatePath = m_certificate.certificatePath();
    call.setHeader("Authorization", "Bearer keep-encrypted");
    RequestWatch watch(send(call));
    QVERIFY(watch.wait());
    const ApiResult result = watch.result();
    QCOMPARE(result.error.kind, ApiError::Kind::Refused);
    QVERIFY2(result.error.message.contains(u"https"_s), qPrintable(result.error.message));
    QCOMPARE(tls.count(u"/secure"_s), 1);
    QCOMPARE(m_server->count(u"/plain"_s), 0);
}

QTEST_GUILESS_MAIN(TestHttpClient)
#include "testhttpclient.moc"
