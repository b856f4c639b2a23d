// SPDX-License-Identifier: GPL-3.0-or-later
// HttpLog, the HTTP layer's only way into the log: whatever a call carries (bearer token, Vault
// token, API key, cookie, secret query parameters, a JSON body with a token, a secret in the
// answer), none of it may reach the log, while method, status and correlation id must.
#include "countingmanager.h"
#include "http/httpclient.h"
#include "http/httplog.h"
#include "requestwatch.h"
#include "scriptedserver.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

QMutex capturedMutex;
QStringList captured;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    const QMutexLocker lock(&capturedMutex);
    captured << QString::fromLatin1(context.category ? context.category : "") + u": "_s + message;
}

const QStringList &secrets()
{
    static const QStringList values {u"URL-SECRET-1"_s, u"HEADER-SECRET-2"_s, u"VAULT-SECRET-3"_s, u"COOKIE-SECRET-4"_s,
        u"APIKEY-SECRET-5"_s, u"BODY-SECRET-6"_s, u"ANSWER-SECRET-7"_s, u"REDIRECT-SECRET-8"_s, u"USERINFO-SECRET-9"_s,
        u"DT-SECRET-PART0"_s};
    return values;
}

} // namespace

class TestHttpLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void redactUrl_data();
    void redactUrl();
    void secretHeaders_data();
    void secretHeaders();
    void noSecretReachesTheLog();
};

void TestHttpLog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<ApiResult>();
}

void TestHttpLog::cleanupTestCase()
{
    qInstallMessageHandler(nullptr);
}

void TestHttpLog::redactUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Dynatrace api-token")
        << u"https://abc.live.dynatrace.com/api/v2/apiTokens?api-token=S1&pageSize=200"_s
        << u"https://abc.live.dynatrace.com/api/v2/apiTokens?api-token=<redacted>&pageSize=200"_s;
    QTest::newRow("Piiano ids stay") << u"http://localhost:8123/rotate/tokens?token_ids=a,b&reason=Maintenance"_s
                                     << u"http://localhost:8123/rotate/tokens?token_ids=a,b&reason=Maintenance"_s;
    QTest::newRow("secret-ish names")
        << u"https://h/x?token=1&key=2&secret=3&password=4&client_secret=5&access_token=6&X-Amz-Signature=7&nextPageKey=8"_s
        << u"https://h/x?token=<redacted>&key=<redacted>&secret=<redacted>&password=<redacted>&client_secret=<redacted>&access_token=<redacted>&X-Amz-Signature=<redacted>&nextPageKey=8"_s;
    QTest::newRow("user info and fragment") << u"https://admin:pw@h/x#frag"_s << u"https://h/x"_s;
    QTest::newRow("Dynatrace secret in the path")
        << u"https://abc.live.dynatrace.com/api/v2/apiTokens/dt0c01.ABCDEF.DT-SECRET-PART0"_s
        << u"https://abc.live.dynatrace.com/api/v2/apiTokens/dt0c01.ABCDEF.<redacted>"_s;
    QTest::newRow("Pangea token shape in a query")
        << u"https://vault.aws.us.pangea.cloud/x?q=pts_abcdefghijklmnopqrstuvwxyz234567"_s
        << u"https://vault.aws.us.pangea.cloud/x?q=<redacted>"_s;
}

void TestHttpLog::redactUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(HttpLog::redactUrl(QUrl(url)), expected);
}

void TestHttpLog::secretHeaders_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("secret");
    for (const char *name : {"Authorization", "authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
             "X-Api-Key", "X-Vault-Token", "X-Vault-Wrap-Token", "X-Session-Id", "X-Client-Secret"})
        QTest::newRow(name) << QByteArray(name) << true;
    for (const char *name : {"Content-Type", "User-Agent", "X-Vault-Namespace", "X-Request-Id", "Accept", "Keep-Alive"})
        QTest::newRow(name) << QByteArray(name) << false;
}

void TestHttpLog::secretHeaders()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, secret);
    QCOMPARE(HttpLog::isSecretHeader(name), secret);
    const QString described = HttpLog::describeHeaders({{name, "VALUE-XYZ"}});
    QCOMPARE(described.contains(u"VALUE-XYZ"_s), !secret);
    QVERIFY(described.startsWith(QString::fromLatin1(name)));
}

void TestHttpLog::noSecretReachesTheLog()
{
    QLoggingCategory::setFilterRules(u"tokendesk.providers.http*=true"_s);
    CountingManager manager;
    HttpClient client(&manager);
    client.setRetryPolicy(RetryPolicy([] { return 0.0; }));
    ScriptedServer server;
    QVERIFY(server.listen());
    ScriptedServer elsewhere;
    QVERIFY(elsewhere.listen());
    const QList<std::pair<QByteArray, QByteArray>> answerHeaders {
        {"Set-Cookie", "sid=ANSWER-SECRET-7"}, {"X-Request-Id", "req-log-1"}};
    server.always(u"/v2/secret/rotate"_s, {200, R"({"result":{"token":"ANSWER-SECRET-7"}})", answerHeaders});
    server.sequence(u"/flaky"_s, {{503, R"({"token":"ANSWER-SECRET-7"})"}, {200, "{}"}});
    server.always(u"/broken"_s, {500, R"({"errors":["ANSWER-SECRET-7"]})"});
    QUrl redirectTarget = elsewhere.url(u"/steal"_s);
    redirectTarget.setQuery(u"secret=REDIRECT-SECRET-8"_s);
    server.always(u"/moved"_s, {307, {}, {{"Location", redirectTarget.toEncoded()}}});

    const auto withSecrets = [](ApiCall call) {
        call.setHeader("Authorization", "Bearer HEADER-SECRET-2");
        call.setHeader("X-Vault-Token", "hvs.VAULT-SECRET-3");
        call.setHeader("Cookie", "sid=COOKIE-SECRET-4");
        call.setHeader("X-Api-Key", "APIKEY-SECRET-5");
        return call;
    };
    const auto urlFor = [&server](const QString &path) {
        QUrl url = server.url(path);
        url.setQuery(u"api-token=URL-SECRET-1&token_ids=tok_visible&version=2"_s);
        return url;
    };
    QList<ApiCall> calls {
        withSecrets(ApiCall("POST", urlFor(u"/v2/secret/rotate"_s), R"({"id":"pvi_1","token":"BODY-SECRET-6"})")),
        withSecrets(ApiCall("PUT", urlFor(u"/flaky"_s), R"({"token":"BODY-SECRET-6"})")),
        withSecrets(ApiCall("POST", urlFor(u"/broken"_s), R"({"token":"BODY-SECRET-6"})")),
        withSecrets(ApiCall("GET", urlFor(u"/moved"_s))),
        withSecrets(ApiCall("POST", QUrl(u"http://admin:USERINFO-SECRET-9@example.invalid/x?password=URL-SECRET-1"_s),
            R"({"token":"BODY-SECRET-6"})")),
        withSecrets(ApiCall("DELETE", server.url(u"/api/v2/apiTokens/dt0c01.PUBLIC1.DT-SECRET-PART0"_s))),
    };

    {
        const QMutexLocker lock(&capturedMutex);
        captured.clear();
    }
    qInstallMessageHandler(captureMessage);
    QList<ApiResult> results;
    for (const ApiCall &call : std::as_const(calls)) {
        RequestWatch watch(client.send(call));
        if (!watch.wait())
            break;
        results << watch.result();
    }
    qInstallMessageHandler(nullptr);
    QCOMPARE(results.size(), calls.size());

    const QMutexLocker lock(&capturedMutex);
    const QString log = captured.join(u'\n');
    for (const QString &secret : secrets())
        QVERIFY2(!log.contains(secret), qPrintable(u"%1 leaked into the log:\n%2"_s.arg(secret, log)));

    // What the log is for must still be there: one line per call, with its facts.
    QVERIFY2(log.contains(u"tokendesk.providers.http"_s), qPrintable(log));
    for (const ApiResult &result : std::as_const(results))
        QVERIFY2(log.contains(result.correlationId), qPrintable(result.correlationId + u" missing from:\n"_s + log));
    QVERIFY(log.contains(u"POST "_s) && log.contains(u"PUT "_s) && log.contains(u"DELETE "_s));
    QVERIFY(log.contains(u"HTTP 200"_s));
    QVERIFY(log.contains(u"HTTP 500"_s));
    QVERIFY(log.contains(u"retrying"_s));
    QVERIFY(log.contains(u"api-token=<redacted>"_s));
    QVERIFY(log.contains(u"token_ids=tok_visible"_s));
    QVERIFY(log.contains(u"Authorization: <redacted>"_s));
    QVERIFY(log.contains(u"X-Vault-Token: <redacted>"_s));
    QVERIFY(log.contains(u"request id req-log-1"_s));
}

QTEST_GUILESS_MAIN(TestHttpLog)
#include "testhttplog.moc"
