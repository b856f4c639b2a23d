// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline on a real workspace and a mock clock: next rotations, expiries, grace ends,
// revocations and deletions of old versions inside the window and nothing beyond it, sorted by
// time; it follows token, version and journal changes from the store's signals (a burst of
// changes resets it once), and the window moves with the clock on reload().
#include "item/timelinemodel.h"
#include "mockclock.h"
#include "store/rotationstore.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QMetaEnum>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

using Kind = TimelineModel::Kind;
using Unit = PolicyDuration::Unit;

namespace {

const QDateTime t0(QDate(2026, 3, 1), QTime(8, 30), QTimeZone::utc());

// What one row says, compactly: "<kind> <token name> <UTC time>".
QString rowText(const TimelineModel &model, int row)
{
    const QModelIndex index = model.index(row);
    const Kind kind = index.data(TimelineModel::KindRole).value<Kind>();
    const QString kindName = QString::fromLatin1(QMetaEnum::fromType<Kind>().valueToKey(int(kind)));
    return kindName + u' ' + index.data(TimelineModel::TokenNameRole).toString() + u' '
        + index.data(TimelineModel::TimeRole).toDateTime().toString(u"yyyy-MM-dd HH:mm"_s);
}

QStringList rows(const TimelineModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << rowText(model, row);
    return result;
}

} // namespace

class TestTimelineModel final : public QObject
{
    Q_OBJECT

private:
    MockClock m_clock {t0};
    std::unique_ptr<TempWorkspace> m_workspace;
    std::unique_ptr<WorkspaceStore> m_store;
    Account m_account;

    Token addToken(
        const QString &name, int intervalDays, const QDateTime &lastRotated = {}, const QDateTime &expires = {})
    {
        Token token;
        token.accountId = m_account.id;
        token.providerId = name;
        token.name = name;
        token.createdAt = t0.addDays(-200);
        token.lastRotatedAt = lastRotated;
        token.expiresAt = expires;
        if (intervalDays > 0)
            token.policy.interval = PolicyDuration(intervalDays, Unit::Days);
        token.currentVersion = 2;
        [&] { QVERIFY2(m_store->addToken(token), qPrintable(m_store->errorString())); }();
        return token;
    }

    // Version 1 of `token` in its grace period, as a promote leaves it.
    TokenVersion addGraceVersion(const Token &token, const QDateTime &revokeAt, const QDateTime &deleteAt)
    {
        TokenVersion version;
        version.tokenId = token.id;
        version.number = 1;
        version.createdAt = t0.addDays(-30);
        version.state = VersionState::Grace;
        version.revokeAt = revokeAt;
        version.deleteAt = deleteAt;
        [&] { QVERIFY2(m_store->addVersion(version), qPrintable(m_store->errorString())); }();
        return version;
    }

    Rotation addWaitingRotation(const Token &token, Rotation::Step step, const QDateTime &dueAt)
    {
        Rotation rotation;
        rotation.tokenId = token.id;
        rotation.accountId = token.accountId;
        rotation.step = step;
        rotation.status = Rotation::Status::Waiting;
        rotation.oldVersion = 1;
        rotation.newVersion = 2;
        rotation.startedAt = m_clock.nowUtc();
        rotation.updatedAt = m_clock.nowUtc();
        rotation.dueAt = dueAt;
        AuditEvent event;
        event.at = m_clock.nowUtc();
        event.osUser = u"tester"_s;
        event.tokenId = token.id;
        event.tokenName = token.name;
        event.action = u"rotate.promote"_s;
        RotationStore journal(m_store.get());
        [&] { QVERIFY2(journal.begin(rotation, event), qPrintable(journal.errorString())); }();
        return rotation;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_clock.set(t0);
        m_workspace = std::make_unique<TempWorkspace>();
        m_store = std::make_unique<WorkspaceStore>();
        QVERIFY2(m_store->open(m_workspace->path()), qPrintable(m_store->errorString()));
        m_account = {};
        m_account.kind = ProviderKind::Dynatrace;
        m_account.displayName = u"Production Dynatrace"_s;
        m_account.baseUrl = QUrl(u"https://provider.example"_s);
        m_account.credential = SecretRef::keychain(u"tokendesk/test/credential"_s);
        QVERIFY(m_store->addAccount(m_account));
    }

    void cleanup()
    {
        m_store.reset();
        m_workspace.reset();
    }

    void rotationsAndExpiriesInsideTheWindowSortedByTime()
    {
        addToken(u"in-30-days"_s, 30, t0); // due 31 Mar
        addToken(u"in-100-days"_s, 100, t0); // beyond the 90-day window
        addToken(u"expires-soon"_s, 0, {}, t0.addDays(10)); // due a day before it expires
        addToken(u"overdue"_s, 30, t0.addDays(-40)); // due before "now": not in the future
        Token revoked = addToken(u"revoked"_s, 30, t0);
        revoked.state = TokenState::Revoked;
        QVERIFY(m_store->updateToken(revoked));

        TimelineModel model(m_store.get(), m_clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.days(), 90);
        QCOMPARE(model.rowCount(), 0); // nothing before reload()
        model.reload();
        QCOMPARE(model.windowStart(), t0);
        QCOMPARE(model.windowEnd(), t0.addDays(90));
        QCOMPARE(rows(model),
            QStringList({u"Rotation expires-soon 2026-03-10 08:30"_s, u"Expiry expires-soon 2026-03-11 08:30"_s,
                u"Rotation in-30-days 2026-03-31 08:30"_s}));

        const QModelIndex first = model.index(0);
        QCOMPARE(first.data(TimelineModel::AccountNameRole).toString(), u"Production Dynatrace"_s);
        QCOMPARE(first.data(TimelineModel::TimeRole).toDateTime().timeSpec(), Qt::UTC);
        QCOMPARE(first.data(TimelineModel::VersionRole).toInt(), 0);
        QCOMPARE(first.data().toString(), u"Rotation due: expires-soon"_s);
        const QString toolTip = first.data(Qt::ToolTipRole).toString();
        QVERIFY2(toolTip.contains(u"expires-soon (Production Dynatrace)"_s), qPrintable(toolTip));
        QVERIFY2(toolTip.contains(u"2026-03-10 08:30:00 UTC"_s), qPrintable(toolTip));
        QVERIFY(model.eventAt(2).has_value());
        QCOMPARE(model.eventAt(2)->kind, Kind::Rotation);
        QVERIFY(!model.eventAt(3).has_value());

        model.setDays(120); // a longer window shows the 100-day token too
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(rowText(model, 3), u"Rotation in-100-days 2026-06-09 08:30"_s);
    }

    void oldVersionsGraceEndsRevocationsAndDeletions()
    {
        const Token dynatrace = addToken(u"otel"_s, 30, t0);
        addGraceVersion(dynatrace, t0.addSecs(3600), t0.addSecs(3600).addDays(7));
        addWaitingRotation(dynatrace, Rotation::Step::RevokeOld, t0.addSecs(3600)); // the same moment
        const Token retried = addToken(u"retried"_s, 30, t0);
        addWaitingRotation(retried, Rotation::Step::RevokeOld, t0.addSecs(900)); // a revoke retried later
        const Token deleting = addToken(u"deleting"_s, 30, t0);
        addWaitingRotation(deleting, Rotation::Step::DeleteOld, t0.addDays(5));
        const Token farAway = addToken(u"far"_s, 30, t0);
        addGraceVersion(farAway, t0.addDays(95), t0.addDays(102)); // beyond the window

        TimelineModel model(m_store.get(), m_clock);
        model.reload();
        const QStringList all = rows(model);
        QCOMPARE(all.mid(0, 4),
            QStringList({u"Revoke retried 2026-03-01 08:45"_s, u"GraceEnd otel 2026-03-01 09:30"_s,
                u"Delete deleting 2026-03-06 08:30"_s, u"Delete otel 2026-03-08 09:30"_s}));
        QCOMPARE(all.size(), 4 + 4); // and the four next rotations on 31 March
        QCOMPARE(model.index(1).data(TimelineModel::VersionRole).toInt(), 1);
        QVERIFY(model.index(1).data(Qt::ToolTipRole).toString().contains(u"Grace period ends (version 1)"_s));
        QVERIFY(!all.join(u'\n').contains(u"far 2026-06"_s));
    }

    void followsTheStoreAndCoalescesBursts()
    {
        Token token = addToken(u"ingest"_s, 30, t0);
        TimelineModel model(m_store.get(), m_clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.reload();
        QCOMPARE(rows(model), QStringList({u"Rotation ingest 2026-03-31 08:30"_s}));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        // A burst: three changes and a new token, one reset once the event loop turns.
        token.name = u"ingest-prod"_s;
        QVERIFY(m_store->updateToken(token));
        token.policy.interval = PolicyDuration(10, Unit::Days);
        QVERIFY(m_store->updateToken(token));
        token.expiresAt = t0.addDays(60);
        QVERIFY(m_store->updateToken(token));
        addToken(u"new"_s, 7, t0);
        QCOMPARE(resets.size(), 0);
        QTRY_COMPARE(resets.size(), 1);
        QCOMPARE(rows(model),
            QStringList({u"Rotation new 2026-03-08 08:30"_s, u"Rotation ingest-prod 2026-03-11 08:30"_s,
                u"Expiry ingest-prod 2026-04-30 08:30"_s}));

        // A version entering its grace period appears without a reload.
        addGraceVersion(token, t0.addDays(2), {});
        QTRY_COMPARE(resets.size(), 2);
        QCOMPARE(rowText(model, 0), u"GraceEnd ingest-prod 2026-03-03 08:30"_s);

        QVERIFY(m_store->removeToken(token.id));
        QTRY_COMPARE(resets.size(), 3);
        QCOMPARE(rows(model), QStringList({u"Rotation new 2026-03-08 08:30"_s}));

        m_account.displayName = u"Staging Dynatrace"_s;
        QVERIFY(m_store->updateAccount(m_account));
        QCOMPARE(model.index(0).data(TimelineModel::AccountNameRole).toString(), u"Staging Dynatrace"_s);
    }

    void theWindowMovesWithTheClock()
    {
        addToken(u"soon"_s, 30, t0.addDays(-25)); // due 6 March
        addToken(u"later"_s, 30, t0.addDays(65)); // due 4 June: day 95 today
        TimelineModel model(m_store.get(), m_clock);
        model.reload();
        QCOMPARE(rows(model), QStringList({u"Rotation soon 2026-03-06 08:30"_s}));
        m_clock.advanceDays(10);
        model.reload();
        QCOMPARE(rows(model), QStringList({u"Rotation later 2026-06-04 08:30"_s}));
    }

    void manyTokensKeepOnlyTheWindow()
    {
        // 20,000 tokens, one in ten due inside the window: the model keeps only those events.
        QList<Token> tokens;
        for (int i = 0; i < 20000; ++i) {
            Token token;
            token.accountId = m_account.id;
            token.providerId = u"bulk-%1"_s.arg(i);
            token.name = token.providerId;
            token.createdAt = t0;
            token.policy.interval = PolicyDuration(i % 10 == 0 ? 30 : 365, Unit::Days);
            tokens << token;
        }
        QVERIFY(m_store->addTokens(tokens));
        TimelineModel model(m_store.get(), m_clock);
        QElapsedTimer timer;
        timer.start();
        model.reload();
        qInfo("reload of 20,000 tokens: %lld ms", timer.elapsed());
        QCOMPARE(model.rowCount(), 2000);
        QCOMPARE(model.tokenName(tokens.at(1).id), QString()); // not kept: no event in the window
        QCOMPARE(model.tokenName(tokens.at(10).id), u"bulk-10"_s);
    }
};

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "testtimelinemodel.moc"
