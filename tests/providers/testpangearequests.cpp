// SPDX-License-Identifier: GPL-3.0-or-later
#include "pangea/pangeaparser.h"
#include "pangea/pangearequests.h"

#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString ItemA = u"pvi_ciroaatokenaaaaaaaaaaaaaaaaaaaa7"_s;

} // namespace

class TestPangeaRequests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void formatDurationRoundTrips_data();
    void formatDurationRoundTrips();
    void requestBodies_data();
    void requestBodies();
};

void TestPangeaRequests::formatDurationRoundTrips_data()
{
    QTest::addColumn<PolicyDuration>("duration");
    QTest::addColumn<QString>("text");
    using Unit = PolicyDuration::Unit;
    QTest::newRow("secs") << PolicyDuration(30, Unit::Seconds) << u"30secs"_s;
    QTest::newRow("mins") << PolicyDuration(15, Unit::Minutes) << u"15mins"_s;
    QTest::newRow("hours") << PolicyDuration(44, Unit::Hours) << u"44h"_s;
    QTest::newRow("days") << PolicyDuration(1, Unit::Days) << u"1d"_s;
    QTest::newRow("weeks") << PolicyDuration(2, Unit::Weeks) << u"2weeks"_s;
    QTest::newRow("months") << PolicyDuration(2, Unit::Months) << u"2M"_s;
    QTest::newRow("years") << PolicyDuration(1, Unit::Years) << u"1years"_s;
}

void TestPangeaRequests::formatDurationRoundTrips()
{
    QFETCH(PolicyDuration, duration);
    QFETCH(QString, text);
    QCOMPARE(PangeaRequests::formatDuration(duration), text);
    QCOMPARE(*PangeaParser::parseDuration(text).value, duration);
}

void TestPangeaRequests::requestBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");
    using Unit = PolicyDuration::Unit;

    QTest::newRow("rotate") << PangeaRequests::rotateBody(ItemA)
                            << R"({"id":"pvi_ciroaatokenaaaaaaaaaaaaaaaaaaaa7"})"_ba;
    QTest::newRow("rotate with grace") << PangeaRequests::rotateBody(ItemA,
        PolicyDuration(
            2, Unit::Hours)) << R"({"id":"pvi_ciroaatokenaaaaaaaaaaaaaaaaaaaa7","rotation_grace_period":"2h"})"_ba;
    QTest::newRow("update policy") << PangeaRequests::updatePolicyBody(
        ItemA, PolicyDuration(30, Unit::Days), PolicyDuration(1, Unit::Days), u"deactivated"_s)
                                   << R"({"id":"pvi_ciroaatokenaaaaaaaaaaaaaaaaaaaa7","rotation_frequency":"30d",)"
                                      R"("rotation_grace_period":"1d","rotation_state":"deactivated"})"_ba;
    QTest::newRow("update policy never") << PangeaRequests::updatePolicyBody(
        ItemA, {}, {}) << R"({"id":"pvi_ciroaatokenaaaaaaaaaaaaaaaaaaaa7","rotation_frequency":"never"})"_ba;
    QTest::newRow("list") << PangeaRequests::listBody() << R"({"filter":{"type":"pangea_token"},"size":50})"_ba;
    QTest::newRow("list next page") << PangeaRequests::listBody(20, u"cursor=="_s)
                                    << R"({"filter":{"type":"pangea_token"},"last":"cursor==","size":20})"_ba;
    QTest::newRow("list clamped") << PangeaRequests::listBody(1000)
                                  << R"({"filter":{"type":"pangea_token"},"size":100})"_ba;
    QTest::newRow("get all") << PangeaRequests::getBody(ItemA)
                             << R"({"id":"pvi_ciroaatokenaaaaaaaaaaaaaaaaaaaa7","version":"all"})"_ba;
    QTest::newRow("get version 3") << PangeaRequests::getBody(ItemA, u"3"_s)
                                   << R"({"id":"pvi_ciroaatokenaaaaaaaaaaaaaaaaaaaa7","version":3})"_ba;
    QTest::newRow("get last two") << PangeaRequests::getBody(ItemA, u"-2:"_s)
                                  << R"({"id":"pvi_ciroaatokenaaaaaaaaaaaaaaaaaaaa7","version":"-2:"})"_ba;
    QTest::newRow("get current") << PangeaRequests::getBody(ItemA, QString())
                                 << R"({"id":"pvi_ciroaatokenaaaaaaaaaaaaaaaaaaaa7"})"_ba;
    QTest::newRow("state change") << PangeaRequests::stateChangeBody(ItemA, 3,
        u"destroyed"_s) << R"({"id":"pvi_ciroaatokenaaaaaaaaaaaaaaaaaaaa7","state":"destroyed","version":3})"_ba;
    QTest::newRow("state change latest") << PangeaRequests::stateChangeBody(ItemA, 0, u"suspended"_s)
                                         << R"({"id":"pvi_ciroaatokenaaaaaaaaaaaaaaaaaaaa7","state":"suspended"})"_ba;
}

void TestPangeaRequests::requestBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    QCOMPARE(body, expected);
}

QTEST_GUILESS_MAIN(TestPangeaRequests)
#include "testpangearequests.moc"
