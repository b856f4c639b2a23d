// SPDX-License-Identifier: GPL-3.0-or-later
// RetryPolicy: the back-off ceiling per attempt, full jitter from the injected random source,
// which statuses are worth another try, and both forms of Retry-After.
#include "http/retrypolicy.h"

#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void ceiling_data();
    void ceiling();
    void fullJitter_data();
    void fullJitter();
    void defaultsAreJittered();
    void retryableStatus_data();
    void retryableStatus();
    void parseRetryAfter_data();
    void parseRetryAfter();
};

void TestRetryPolicy::ceiling_data()
{
    QTest::addColumn<int>("failedAttempt");
    QTest::addColumn<qint64>("expectedMs");
    QTest::newRow("no failure yet") << 0 << qint64(0);
    QTest::newRow("1") << 1 << qint64(500);
    QTest::newRow("2") << 2 << qint64(1000);
    QTest::newRow("3") << 3 << qint64(2000);
    QTest::newRow("6") << 6 << qint64(16000);
    QTest::newRow("7 hits the cap") << 7 << qint64(30000);
    QTest::newRow("1000 stays at the cap") << 1000 << qint64(30000);
}

void TestRetryPolicy::ceiling()
{
    QFETCH(int, failedAttempt);
    QFETCH(qint64, expectedMs);
    const RetryPolicy policy([] { return 1.0; });
    QCOMPARE(policy.base(), 500ms);
    QCOMPARE(policy.cap(), 30000ms);
    QCOMPARE(policy.ceiling(failedAttempt).count(), expectedMs);
    QCOMPARE(policy.delay(failedAttempt).count(), expectedMs); // random 1.0: the whole ceiling
}

void TestRetryPolicy::fullJitter_data()
{
    QTest::addColumn<double>("random");
    QTest::addColumn<qint64>("expectedMs");
    QTest::newRow("0") << 0.0 << qint64(0);
    QTest::newRow("0.25") << 0.25 << qint64(500);
    QTest::newRow("0.5") << 0.5 << qint64(1000);
    QTest::newRow("below 0 clamps") << -3.0 << qint64(0);
    QTest::newRow("above 1 clamps") << 7.0 << qint64(2000);
}

void TestRetryPolicy::fullJitter()
{
    QFETCH(double, random);
    QFETCH(qint64, expectedMs);
    const RetryPolicy policy([random] { return random; });
    QCOMPARE(policy.delay(3).count(), expectedMs); // ceiling 2000 ms
}

void TestRetryPolicy::defaultsAreJittered()
{
    const RetryPolicy policy;
    QSet<qint64> seen;
    for (int i = 0; i < 50; ++i) {
        const auto delay = policy.delay(5); // ceiling 8 s
        QVERIFY(delay >= 0ms && delay <= 8000ms);
        seen.insert(delay.count());
    }
    QVERIFY(seen.size() > 10);
}

void TestRetryPolicy::retryableStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<bool>("retryAfter");
    QTest::newRow("200") << 200 << false << false;
    QTest::newRow("400") << 400 << false << false;
    QTest::newRow("401") << 401 << false << false;
    QTest::newRow("404") << 404 << false << false;
    QTest::newRow("409") << 409 << false << false;
    QTest::newRow("429") << 429 << true << true;
    QTest::newRow("500") << 500 << true << false;
    QTest::newRow("501") << 501 << false << false;
    QTest::newRow("502") << 502 << true << false;
    QTest::newRow("503") << 503 << true << true;
    QTest::newRow("504") << 504 << true << false;
}

void TestRetryPolicy::retryableStatus()
{
    QFETCH(int, status);
    QFETCH(bool, retryable);
    QFETCH(bool, retryAfter);
    QCOMPARE(RetryPolicy::isRetryableStatus(status), retryable);
    QCOMPARE(RetryPolicy::honoursRetryAfter(status), retryAfter);
}

void TestRetryPolicy::parseRetryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expectedSeconds"); // -1: not understood
    QTest::newRow("seconds") << "120"_ba << qint64(120);
    QTest::newRow("zero") << "0"_ba << qint64(0);
    QTest::newRow("padded") << "  7 "_ba << qint64(7);
    QTest::newRow("more than a day") << "999999"_ba << qint64(86400);
    QTest::newRow("absurdly long") << "99999999999999999999"_ba << qint64(86400);
    QTest::newRow("date 90 s ahead") << "Wed, 21 Oct 2015 07:29:30 GMT"_ba << qint64(90);
    QTest::newRow("date in the past") << "Wed, 21 Oct 2015 07:00:00 GMT"_ba << qint64(0);
    QTest::newRow("negative") << "-5"_ba << qint64(-1);
    QTest::newRow("fraction") << "1.5"_ba << qint64(-1);
    QTest::newRow("empty") << ""_ba << qint64(-1);
    QTest::newRow("date without GMT") << "Wed, 21 Oct 2015 07:29:30"_ba << qint64(-1);
    QTest::newRow("garbage") << "soon"_ba << qint64(-1);
}

void TestRetryPolicy::parseRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expectedSeconds);
    const QDateTime now(QDate(2015, 10, 21), QTime(7, 28), QTimeZone::utc());
    const auto parsed = RetryPolicy::parseRetryAfter(value, now);
    if (expectedSeconds < 0) {
        QVERIFY(!parsed.has_value());
        return;
    }
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->count(), expectedSeconds);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "testretrypolicy.moc"
