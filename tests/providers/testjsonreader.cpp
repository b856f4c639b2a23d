// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonreader.h"

#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

using Presence = JsonReader::Presence;

QJsonObject objectOf(const QByteArray &json)
{
    ApiError error;
    return JsonReader::parseObject(json, error).value_or(QJsonObject());
}

} // namespace

class TestJsonReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void sizeLimitIsExact();
    void deepNestingIsRefused();
    void integers_data();
    void integers();
    void firstProblemWins();
    void optionalAbsentAndNull();
    void millisecondsOrIso_data();
    void millisecondsOrIso();
    void isoNeedsATime();
    void quoteValueIsShort();
};

void TestJsonReader::sizeLimitIsExact()
{
    // {"a":"xxx…"} of exactly MaxBodyBytes is read; one byte more is refused unparsed.
    QByteArray body = "{\"a\":\"" + QByteArray(JsonReader::MaxBodyBytes - 8, 'x') + "\"}";
    QCOMPARE(body.size(), JsonReader::MaxBodyBytes);
    ApiError error;
    QVERIFY(JsonReader::parseObject(body, error));
    QVERIFY(!error.isError());
    body.insert(1, ' ');
    QVERIFY(!JsonReader::parseObject(body, error));
    QCOMPARE(error.kind, ApiError::Kind::Malformed);
    QVERIFY2(error.message.contains(u"8 MiB"_s), qPrintable(error.message));
}

void TestJsonReader::deepNestingIsRefused()
{
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    ApiError error;
    QVERIFY(!JsonReader::parseArray(deep, error));
    QCOMPARE(error.kind, ApiError::Kind::Malformed);
    QVERIFY2(error.message.contains(u"not valid JSON"_s), qPrintable(error.message));
}

void TestJsonReader::integers_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("zero") << R"({"n":0})"_ba << true << qint64(0);
    QTest::newRow("2^53+1 exact") << R"({"n":9007199254740993})"_ba << true << qint64(9007199254740993);
    QTest::newRow("int64 max") << R"({"n":9223372036854775807})"_ba << true << std::numeric_limits<qint64>::max();
    QTest::newRow("negative") << R"({"n":-42})"_ba << true << qint64(-42);
    QTest::newRow("fraction") << R"({"n":0.5})"_ba << false << qint64(0);
    QTest::newRow("beyond int64") << R"({"n":1e19})"_ba << false << qint64(0);
    QTest::newRow("string") << R"({"n":"7"})"_ba << false << qint64(0);
    QTest::newRow("bool") << R"({"n":true})"_ba << false << qint64(0);
}

void TestJsonReader::integers()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(qint64, expected);
    ApiError error;
    const JsonReader reader(objectOf(json), u"root"_s, error);
    const std::optional<qint64> value = reader.integer("n"_L1);
    QCOMPARE(value.has_value(), ok);
    QCOMPARE(error.isError(), !ok);
    if (ok)
        QCOMPARE(*value, expected);
    else
        QVERIFY2(error.message.contains(u"“root.n” should be a whole number"_s), qPrintable(error.message));
}

void TestJsonReader::firstProblemWins()
{
    ApiError error;
    const JsonReader reader(objectOf(R"({"a":1,"b":{"c":[true]}})"), {}, error);
    reader.string("a"_L1);
    const std::optional<JsonReader> b = reader.child("b"_L1);
    QVERIFY(b);
    b->stringList("c"_L1);
    QCOMPARE(error.kind, ApiError::Kind::Malformed);
    QVERIFY2(error.message.contains(u"“a” should be a string, not a number"_s), qPrintable(error.message));
    QVERIFY(!error.message.contains(u"b.c[0]"_s));
    QVERIFY(reader.failed());
    QVERIFY(b->failed());
}

void TestJsonReader::optionalAbsentAndNull()
{
    ApiError error;
    const JsonReader reader(objectOf(R"({"n":null,"s":"","list":null,"map":null})"), {}, error);
    QVERIFY(reader.string("n"_L1, Presence::Optional).isNull());
    QVERIFY(reader.string("missing"_L1, Presence::Optional).isNull());
    QVERIFY(!reader.integer("n"_L1, Presence::Optional));
    QVERIFY(!reader.dateTime("s"_L1).isValid());
    QVERIFY(reader.stringList("list"_L1).isEmpty());
    QVERIFY(reader.stringMap("map"_L1).isEmpty());
    QVERIFY(!reader.has("n"_L1));
    QVERIFY(reader.has("s"_L1));
    QVERIFY(!error.isError());
    reader.dateTime("s"_L1, Presence::Required);
    QVERIFY2(error.message.contains(u"“s” is empty"_s), qPrintable(error.message));
}

void TestJsonReader::millisecondsOrIso_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QDateTime>("expected");
    QTest::addColumn<bool>("ok");
    const QDateTime moment(QDate(2019, 3, 6), QTime(9, 15, 49), QTimeZone::utc());
    QTest::newRow("millis") << R"({"t":1551863749000})"_ba << moment << true;
    QTest::newRow("iso") << R"({"t":"2019-03-06T09:15:49Z"})"_ba << moment << true;
    QTest::newRow("iso offset") << R"({"t":"2019-03-06T10:15:49+01:00"})"_ba << moment << true;
    QTest::newRow("epoch") << R"({"t":0})"_ba << QDateTime::fromMSecsSinceEpoch(0, QTimeZone::utc()) << true;
    QTest::newRow("negative") << R"({"t":-1})"_ba << QDateTime() << false;
    QTest::newRow("microseconds") << R"({"t":1551863749000000})"_ba << QDateTime() << false;
    QTest::newRow("garbage") << R"({"t":"soon"})"_ba << QDateTime() << false;
}

void TestJsonReader::millisecondsOrIso()
{
    QFETCH(QByteArray, json);
    QFETCH(QDateTime, expected);
    QFETCH(bool, ok);
    ApiError error;
    const JsonReader reader(objectOf(json), {}, error);
    const QDateTime when = reader.dateTimeOrMillis("t"_L1);
    QCOMPARE(error.isError(), !ok);
    QCOMPARE(when, expected);
    if (ok)
        QCOMPARE(when.timeSpec(), Qt::UTC);
}

void TestJsonReader::isoNeedsATime()
{
    QVERIFY(!JsonReader::parseIsoDateTime(u"2026-01-31"_s).isValid());
    QVERIFY(!JsonReader::parseIsoDateTime(u"2026-01-31X12:00:00Z"_s).isValid());
    QVERIFY(!JsonReader::parseIsoDateTime(u"2026-02-30T12:00:00Z"_s).isValid());
    QVERIFY(JsonReader::parseIsoDateTime(u"2026-01-31T12:00:00Z"_s).isValid());
}

void TestJsonReader::quoteValueIsShort()
{
    QCOMPARE(JsonReader::quoteValue(u"active"_s), u"“active”"_s);
    const QString quoted = JsonReader::quoteValue(QString(500, u'x'));
    QCOMPARE(quoted.size(), 43); // 40 characters, an ellipsis and the quotes
    QVERIFY(quoted.endsWith(u"…”"_s));
}

QTEST_GUILESS_MAIN(TestJsonReader)
#include "testjsonreader.moc"
