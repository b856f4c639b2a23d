// SPDX-License-Identifier: GPL-3.0-or-later
// OriginPolicy: where a credential may be sent, and which redirects may carry it.
#include "http/originpolicy.h"

#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestOriginPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void checkTarget_data();
    void checkTarget();
    void checkRedirect_data();
    void checkRedirect();
};

void TestOriginPolicy::checkTarget_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("https") << u"https://vault.aws.us.pangea.cloud/v2/get"_s << true;
    QTest::newRow("https with port") << u"https://vault.example.com:8200/v1/secret/data/x"_s << true;
    QTest::newRow("http localhost") << u"http://localhost:8123/api/pvlt/1.0/data/info/health"_s << true;
    QTest::newRow("http LOCALHOST.") << u"http://LOCALHOST.:8123/"_s << true;
    QTest::newRow("http 127.0.0.1") << u"http://127.0.0.1:8200/"_s << true;
    QTest::newRow("http 127.255.0.9") << u"http://127.255.0.9/"_s << true;
    QTest::newRow("http ::1") << u"http://[::1]:8200/"_s << true;
    QTest::newRow("http remote") << u"http://vault.example.com/"_s << false;
    QTest::newRow("http 10.0.0.1") << u"http://10.0.0.1/"_s << false;
    QTest::newRow("http 0.0.0.0") << u"http://0.0.0.0/"_s << false;
    QTest::newRow("http localhost lookalike") << u"http://localhost.example.com/"_s << false;
    QTest::newRow("http loopback lookalike") << u"http://127.0.0.1.nip.io/"_s << false;
    QTest::newRow("ftp") << u"ftp://localhost/"_s << false;
    QTest::newRow("file") << u"file:///etc/passwd"_s << false;
    QTest::newRow("user info") << u"https://user:pass@vault.example.com/"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestOriginPolicy::checkTarget()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    const QString refusal = OriginPolicy::checkTarget(QUrl(url));
    QVERIFY2(refusal.isEmpty() == allowed, qPrintable(refusal));
    QVERIFY(!refusal.contains(u"pass@"_s));
}

void TestOriginPolicy::checkRedirect_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("idempotent");
    QTest::addColumn<bool>("allowed");
    const QString from = u"https://vault.example.com/v1/a"_s;
    QTest::newRow("same origin") << from << u"https://vault.example.com/v1/b"_s << "GET"_ba << 302 << true << true;
    QTest::newRow("explicit default port")
        << from << u"https://vault.example.com:443/v1/b"_s << "GET"_ba << 301 << true << true;
    QTest::newRow("host case") << from << u"https://VAULT.example.com/v1/b"_s << "GET"_ba << 302 << true << true;
    QTest::newRow("POST 307") << from << u"https://vault.example.com/v1/b"_s << "POST"_ba << 307 << true << true;
    QTest::newRow("POST 308") << from << u"https://vault.example.com/v1/b"_s << "POST"_ba << 308 << true << true;
    QTest::newRow("POST 302 turns into GET")
        << from << u"https://vault.example.com/v1/b"_s << "POST"_ba << 302 << true << false;
    QTest::newRow("PATCH 303") << from << u"https://vault.example.com/v1/b"_s << "PATCH"_ba << 303 << true << false;
    QTest::newRow("other host") << from << u"https://evil.example.com/v1/a"_s << "GET"_ba << 302 << true << false;
    QTest::newRow("subdomain") << from << u"https://x.vault.example.com/v1/a"_s << "GET"_ba << 302 << true << false;
    QTest::newRow("other port") << from << u"https://vault.example.com:8443/v1/a"_s << "GET"_ba << 302 << true << false;
    QTest::newRow("downgrade") << from << u"http://vault.example.com/v1/a"_s << "GET"_ba << 302 << true << false;
    QTest::newRow("POST 307 must not be sent twice")
        << from << u"https://vault.example.com/v1/b"_s << "POST"_ba << 307 << false << false;
    QTest::newRow("GET marked non-idempotent")
        << from << u"https://vault.example.com/v1/b"_s << "GET"_ba << 302 << false << false;
    QTest::newRow("upgrade changes the origin")
        << u"http://localhost:8200/a"_s << u"https://localhost:8200/a"_s << "GET"_ba << 302 << true << false;
}

void TestOriginPolicy::checkRedirect()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QByteArray, method);
    QFETCH(int, status);
    QFETCH(bool, idempotent);
    QFETCH(bool, allowed);
    const QString refusal = OriginPolicy::checkRedirect(QUrl(from), QUrl(to), method, status, idempotent);
    QVERIFY2(refusal.isEmpty() == allowed, qPrintable(refusal));
    if (!allowed)
        QVERIFY2(refusal.contains(QUrl(to).host(), Qt::CaseInsensitive), qPrintable(refusal));
}

QTEST_GUILESS_MAIN(TestOriginPolicy)
#include "testoriginpolicy.moc"
