// SPDX-License-Identifier: GPL-3.0-or-later
#include "item/auditlogmodel.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

using FailureMode = QAbstractItemModelTester::FailureReportingMode;

namespace {

const QDateTime t0(QDate(2026, 3, 1), QTime(8, 30), QTimeZone::utc());

QVariant cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role);
}

} // namespace

class TestAuditLogModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("TZ", "EAT-3"); // UTC+3 all year, without tzdata
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    void init()
    {
        m_workspace = std::make_unique<TempWorkspace>();
        m_store = std::make_unique<WorkspaceStore>();
        QVERIFY2(m_store->open(m_workspace->path()), qPrintable(m_store->errorString()));
    }

    void cleanup()
    {
        m_store.reset();
        m_workspace.reset();
    }

    void columnsAndHeaders()
    {
        AuditLogModel model(m_store.get());
        QAbstractItemModelTester tester(&model, FailureMode::Fatal);
        model.reload();
        QCOMPARE(model.columnCount(), 8);
        QStringList headers;
        for (int column = 0; column < model.columnCount(); ++column)
            headers << model.headerData(column, Qt::Horizontal).toString();
        QCOMPARE(headers,
            QStringList({u"Time"_s, u"User"_s, u"Account"_s, u"Token"_s, u"Action"_s, u"Outcome"_s, u"Request ID"_s,
                u"Details"_s}));
    }

    void showsTheWholeTrailOldestFirst()
    {
        append(7, u"rotate.create"_s, AuditEvent::Outcome::Succeeded, 0);
        append(8, u"rotate.revoke"_s, AuditEvent::Outcome::Failed, 1);
        append(0, u"account.add"_s, AuditEvent::Outcome::Succeeded, 2);

        AuditLogModel model(m_store.get());
        QAbstractItemModelTester tester(&model, FailureMode::Fatal);
        model.reload();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(cell(model, 0, AuditLogModel::ActionColumn).toString(), u"rotate.create"_s);
        QCOMPARE(cell(model, 2, AuditLogModel::ActionColumn).toString(), u"account.add"_s);

        // Row 1 in detail: local time for people, UTC for sorting.
        QCOMPARE(cell(model, 1, AuditLogModel::TimeColumn).toString(), u"01/03/2026 12:30"_s);
        const QDateTime raw = cell(model, 1, AuditLogModel::TimeColumn, AuditLogModel::RawValueRole).toDateTime();
        QCOMPARE(raw, t0.addSecs(3600));
        QCOMPARE(raw.timeSpec(), Qt::UTC);
        QVERIFY(cell(model, 1, AuditLogModel::TimeColumn, Qt::ToolTipRole)
                    .toString()
                    .contains(u"2026-03-01 09:30:00 UTC"_s));
        QCOMPARE(cell(model, 1, AuditLogModel::UserColumn).toString(), u"alice"_s);
        QCOMPARE(cell(model, 1, AuditLogModel::AccountColumn).toString(), u"Production Dynatrace"_s);
        QCOMPARE(cell(model, 1, AuditLogModel::TokenColumn).toString(), u"token 8"_s);
        QCOMPARE(cell(model, 1, AuditLogModel::OutcomeColumn).toString(), u"Failed"_s);
        QCOMPARE(cell(model, 1, AuditLogModel::OutcomeColumn, AuditLogModel::RawValueRole).toInt(),
            int(AuditEvent::Outcome::Failed));
        QCOMPARE(cell(model, 1, AuditLogModel::RequestIdColumn).toString(), u"req-1"_s);
        QCOMPARE(cell(model, 1, AuditLogModel::DetailsColumn).toString(), u"HTTP 403 from the provider"_s);
        QCOMPARE(cell(model, 1, 0, AuditLogModel::TokenIdRole).toLongLong(), 8);
        QCOMPARE(cell(model, 1, 0, AuditLogModel::AccountIdRole).toLongLong(), 3);
        QCOMPARE(cell(model, 1, 0, AuditLogModel::OutcomeRole).toInt(), int(AuditEvent::Outcome::Failed));
        QCOMPARE(model.eventAt(2)->action, u"account.add"_s);
        QVERIFY(!model.eventAt(3));
    }

    void appendedEventsAreInsertedAtTheEnd()
    {
        append(7, u"rotate.create"_s, AuditEvent::Outcome::Started, 0);
        AuditLogModel model(m_store.get());
        QAbstractItemModelTester tester(&model, FailureMode::Fatal);
        model.reload();

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
        append(7, u"rotate.create"_s, AuditEvent::Outcome::Succeeded, 1);
        append(9, u"revoke.emergency"_s, AuditEvent::Outcome::Succeeded, 2);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(inserted.at(0).at(2).toInt(), 1);
        QCOMPARE(inserted.at(1).at(1).toInt(), 2);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(cell(model, 2, AuditLogModel::ActionColumn).toString(), u"revoke.emergency"_s);
        QCOMPARE(cell(model, 1, AuditLogModel::OutcomeColumn).toString(), u"Succeeded"_s);
        QCOMPARE(aboutToReset.count(), 0);
    }

    void tokenFilter()
    {
        append(7, u"rotate.create"_s, AuditEvent::Outcome::Succeeded, 0);
        append(8, u"rotate.create"_s, AuditEvent::Outcome::Succeeded, 1);
        append(7, u"rotate.revoke"_s, AuditEvent::Outcome::Succeeded, 2);

        AuditLogModel model(m_store.get());
        QAbstractItemModelTester tester(&model, FailureMode::Fatal);
        model.setTokenFilter(7);
        QCOMPARE(model.tokenFilter(), 7);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(cell(model, 1, AuditLogModel::ActionColumn).toString(), u"rotate.revoke"_s);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        append(8, u"rotate.revoke"_s, AuditEvent::Outcome::Succeeded, 3);
        QCOMPARE(inserted.count(), 0);
        append(7, u"revoke.emergency"_s, AuditEvent::Outcome::Started, 4);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 3);

        model.setTokenFilter(0);
        QCOMPARE(model.rowCount(), 5);
    }

private:
    void append(qint64 tokenId, const QString &action, AuditEvent::Outcome outcome, int hoursAfter)
    {
        AuditEvent event;
        event.at = t0.addSecs(hoursAfter * 3600);
        event.osUser = u"alice"_s;
        event.accountId = tokenId == 0 ? 0 : 3;
        event.accountName = tokenId == 0 ? QString() : u"Production Dynatrace"_s;
        event.tokenId = tokenId;
        event.tokenName = tokenId == 0 ? QString() : u"token %1"_s.arg(tokenId);
        event.action = action;
        event.outcome = outcome;
        event.requestId = u"req-%1"_s.arg(hoursAfter);
        event.details = outcome == AuditEvent::Outcome::Failed ? u"HTTP 403 from the provider"_s : QString();
        if (!m_store->appendAudit(event))
            qFatal("cannot append: %s", qPrintable(m_store->errorString()));
    }

    std::unique_ptr<TempWorkspace> m_workspace;
    std::unique_ptr<WorkspaceStore> m_store;
};

QTEST_GUILESS_MAIN(TestAuditLogModel)
#include "testauditlogmodel.moc"
