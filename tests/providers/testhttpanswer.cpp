// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/httpanswer.h"

#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestHttpAnswer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void headersMatchCaseInsensitively();
    void retryAfter_data();
    void retryAfter();
    void httpError_data();
    void httpError();
};

void TestHttpAnswer::headersMatchCaseInsensitively()
{
    const HttpAnswer answer {
        200, {}, {{"Content-Type"_ba, "application/json"_ba}, {"content-type"_ba, "text/plain"_ba}}};
    QCOMPARE(answer.header("CONTENT-TYPE"), "application/json"_ba);
    QVERIFY(answer.header("X-Missing").isEmpty());
    QVERIFY(answer.isSuccess());
    QVERIFY(!(HttpAnswer {199, {}, {}}).isSuccess());
    QVERIFY(!(HttpAnswer {300, {}, {}}).isSuccess());
}

void TestHttpAnswer::retryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("seconds"); // -1 = none
    QTest::newRow("seconds") << "120"_ba << qint64(120);
    QTest::newRow("spaces") << " 5 "_ba << qint64(5);
    QTest::newRow("zero") << "0"_ba << qint64(0);
    QTest::newRow("capped at a day") << "999999"_ba << qint64(86400);
    QTest::newRow("too long") << "1234567890"_ba << qint64(-1);
    QTest::newRow("negative") << "-3"_ba << qint64(-1);
    QTest::newRow("http date") << "Wed, 21 Oct 2015 07:28:00 GMT"_ba << qint64(-1);
    QTest::newRow("absent") << QByteArray() << qint64(-1);
}

void TestHttpAnswer::retryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, seconds);
    HttpAnswer answer {429, {}, {}};
    if (!value.isNull())
        answer.headers.append({"retry-after"_ba, value});
    const std::optional<std::chrono::seconds> parsed = answer.retryAfter();
    QCOMPARE(parsed.has_value(), seconds >= 0);
    if (seconds >= 0)
        QCOMPARE(parsed->count(), seconds);
}

void TestHttpAnswer::httpError_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("retryable");
    for (const int status : {408, 429, 502, 503, 504})
        QTest::addRow("%d", status) << status << true;
    for (const int status : {400, 401, 403, 404, 409, 500, 501})
        QTest::addRow("%d", status) << status << false;
}

void TestHttpAnswer::httpError()
{
    QFETCH(int, status);
    QFETCH(bool, retryable);
    const ApiError error = HttpAnswer {status, {}, {{"Retry-After"_ba, "9"_ba}}}.httpError(u"what it means"_s);
    QCOMPARE(error.kind, ApiError::Kind::Http);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.retryable, retryable);
    QCOMPARE(error.message, u"what it means"_s);
    QCOMPARE(error.retryAfter, std::optional(std::chrono::seconds(9)));
}

QTEST_GUILESS_MAIN(TestHttpAnswer)
#include "testhttpanswer.moc"
