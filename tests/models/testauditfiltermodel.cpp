// SPDX-License-Identifier: GPL-3.0-or-later
// The audit log's filters on a real workspace file: each filter (time range with either end open,
// account, token name or id, action, outcome) keeps exactly the matching events, filters combine,
// live appends are filtered as they arrive, sorting is by raw value with ties in log order, and
// events() returns what passes in log order whatever the sort.
#include "item/auditfiltermodel.h"
#include "item/auditlogmodel.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"

#include <QAbstractItemModelTester>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

using FailureMode = QAbstractItemModelTester::FailureReportingMode;
using Outcome = AuditEvent::Outcome;

namespace {

const QDateTime t0(QDate(2026, 3, 1), QTime(8, 30), QTimeZone::utc());

// The request ids of the proxy's rows, top to bottom: each event has a unique one.
QStringList requestIds(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, AuditLogModel::RequestIdColumn).data().toString();
    return ids;
}

} // namespace

class TestAuditFilterModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_appended = 0;
        m_workspace = std::make_unique<TempWorkspace>();
        m_store = std::make_unique<WorkspaceStore>();
        QVERIFY2(m_store->open(m_workspace->path()), qPrintable(m_store->errorString()));
        // r0..r6, one hour apart: two accounts, three tokens, workspace-wide events, all outcomes.
        append(u"r0"_s, 0, 0, u"account.add"_s, Outcome::Succeeded);
        append(u"r1"_s, 1, 7, u"rotate.create"_s, Outcome::Started);
        append(u"r2"_s, 1, 7, u"rotate.create"_s, Outcome::Succeeded);
        append(u"r3"_s, 2, 8, u"rotate.create"_s, Outcome::Failed);
        append(u"r4"_s, 2, 42, u"revoke.emergency"_s, Outcome::Succeeded);
        append(u"r5"_s, 1, 7, u"rotate.revoke"_s, Outcome::Skipped);
        append(u"r6"_s, 0, 0, u"settings.change"_s, Outcome::Succeeded);
        m_source = std::make_unique<AuditLogModel>(m_store.get());
        m_source->reload();
        m_proxy = std::make_unique<AuditFilterModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(), FailureMode::Fatal);
        m_proxy->setSourceModel(m_source.get());
    }

    void cleanup()
    {
        m_tester.reset();
        m_proxy.reset();
        m_source.reset();
        m_store.reset();
        m_workspace.reset();
    }

    void unfilteredShowsEverything()
    {
        QVERIFY(!m_proxy->isFiltering());
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r0"_s, u"r1"_s, u"r2"_s, u"r3"_s, u"r4"_s, u"r5"_s, u"r6"_s}));
    }

    void timeRange()
    {
        // Inclusive at both ends, compared in UTC whatever the bound's own time zone.
        m_proxy->setTimeRange(t0.addSecs(2 * 3600), t0.addSecs(4 * 3600));
        QVERIFY(m_proxy->isFiltering());
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r2"_s, u"r3"_s, u"r4"_s}));
        m_proxy->setTimeRange(t0.addSecs(2 * 3600).toOffsetFromUtc(3 * 3600), t0.addSecs(4 * 3600 - 1));
        QCOMPARE(m_proxy->from(), t0.addSecs(2 * 3600));
        QCOMPARE(m_proxy->from().timeSpec(), Qt::UTC);
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r2"_s, u"r3"_s}));
        // Open start, open end.
        m_proxy->setTimeRange({}, t0.addSecs(3600));
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r0"_s, u"r1"_s}));
        m_proxy->setTimeRange(t0.addSecs(5 * 3600 + 1), {});
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r6"_s}));
        m_proxy->setTimeRange({}, {});
        QCOMPARE(m_proxy->rowCount(), 7);
        QVERIFY(!m_proxy->isFiltering());
    }

    void account()
    {
        m_proxy->setAccountFilter(2);
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r3"_s, u"r4"_s}));
        m_proxy->setAccountFilter(0); // workspace-wide events only
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r0"_s, u"r6"_s}));
        m_proxy->setAccountFilter(std::nullopt);
        QCOMPARE(m_proxy->rowCount(), 7);
    }

    void tokenTextAndId()
    {
        m_proxy->setTokenText(u"  API-KEY-7 "_s); // case-insensitive, trimmed
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r1"_s, u"r2"_s, u"r5"_s}));
        m_proxy->setTokenText(u"api-key"_s);
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r1"_s, u"r2"_s, u"r4"_s, u"r5"_s}));
        // A number matches the token with that id ("ingest" is token 8, its name has no 8 in it).
        m_proxy->setTokenText(u"8"_s);
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r3"_s}));
        m_proxy->setTokenText(u"#42"_s);
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r4"_s}));
        m_proxy->setTokenText(u"nothing like it"_s);
        QCOMPARE(m_proxy->rowCount(), 0);
        m_proxy->setTokenText(QString());
        m_proxy->setTokenIdFilter(7);
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r1"_s, u"r2"_s, u"r5"_s}));
        m_proxy->setTokenIdFilter(std::nullopt);
        QCOMPARE(m_proxy->rowCount(), 7);
    }

    void actionIsExact()
    {
        m_proxy->setActionFilter(u"rotate.create"_s);
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r1"_s, u"r2"_s, u"r3"_s}));
        m_proxy->setActionFilter(u"rotate"_s);
        QCOMPARE(m_proxy->rowCount(), 0);
    }

    void outcome()
    {
        m_proxy->setOutcomeFilter(Outcome::Succeeded);
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r0"_s, u"r2"_s, u"r4"_s, u"r6"_s}));
        m_proxy->setOutcomeFilter(Outcome::Failed);
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r3"_s}));
        m_proxy->setOutcomeFilter(Outcome::Started);
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r1"_s}));
    }

    void filtersCombineAndFollowAppends()
    {
        m_proxy->setAccountFilter(1);
        m_proxy->setActionFilter(u"rotate.create"_s);
        m_proxy->setOutcomeFilter(Outcome::Succeeded);
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r2"_s}));
        append(u"r7"_s, 1, 7, u"rotate.create"_s, Outcome::Succeeded);
        append(u"r8"_s, 2, 8, u"rotate.create"_s, Outcome::Succeeded); // another account
        append(u"r9"_s, 1, 7, u"rotate.create"_s, Outcome::Failed);
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r2"_s, u"r7"_s}));
    }

    void sortsByRawValueWithTiesInLogOrder()
    {
        m_proxy->sort(AuditLogModel::ActionColumn, Qt::AscendingOrder);
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r0"_s, u"r4"_s, u"r1"_s, u"r2"_s, u"r3"_s, u"r5"_s, u"r6"_s}));
        m_proxy->sort(AuditLogModel::TimeColumn, Qt::DescendingOrder);
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r6"_s, u"r5"_s, u"r4"_s, u"r3"_s, u"r2"_s, u"r1"_s, u"r0"_s}));
        // Outcome sorts by the enum's value (Started, Succeeded, Failed, Skipped), not its label.
        m_proxy->sort(AuditLogModel::OutcomeColumn, Qt::AscendingOrder);
        QCOMPARE(requestIds(*m_proxy), QStringList({u"r1"_s, u"r0"_s, u"r2"_s, u"r4"_s, u"r6"_s, u"r3"_s, u"r5"_s}));
    }

    void eventsAreThoseShownInLogOrder()
    {
        m_proxy->sort(AuditLogModel::TimeColumn, Qt::DescendingOrder);
        m_proxy->setTokenIdFilter(7);
        const QList<AuditEvent> events = m_proxy->events();
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.at(0).requestId, u"r1"_s);
        QCOMPARE(events.at(1).requestId, u"r2"_s);
        QCOMPARE(events.at(2).requestId, u"r5"_s);
        // Whole events, with the chain hashes the export needs.
        QCOMPARE(events.at(2).hash.size(), 64);
        QCOMPARE(events.at(2).action, u"rotate.revoke"_s);

        AuditFilterModel other;
        QCOMPARE(other.events().size(), 0); // no source
    }

private:
    void append(const QString &requestId, qint64 accountId, qint64 tokenId, const QString &action, Outcome outcome)
    {
        AuditEvent event;
        event.at = t0.addSecs(m_appended++ * 3600);
        event.osUser = u"alice"_s;
        event.accountId = accountId;
        event.accountName = accountId == 0 ? QString() : u"Account %1"_s.arg(accountId);
        event.tokenId = tokenId;
        event.tokenName = tokenId == 8 ? u"ingest"_s : tokenId == 0 ? QString() : u"api-key-%1"_s.arg(tokenId);
        event.action = action;
        event.outcome = outcome;
        event.requestId = requestId;
        if (!m_store->appendAudit(event))
            qFatal("cannot append: %s", qPrintable(m_store->errorString()));
    }

    int m_appended = 0;
    std::unique_ptr<TempWorkspace> m_workspace;
    std::unique_ptr<WorkspaceStore> m_store;
    std::unique_ptr<AuditLogModel> m_source;
    std::unique_ptr<AuditFilterModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_GUILESS_MAIN(TestAuditFilterModel)
#include "testauditfiltermodel.moc"
