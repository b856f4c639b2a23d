// SPDX-License-Identifier: GPL-3.0-or-later
// The account list on a real workspace and a mock clock: "All accounts" first, then the accounts
// by name; per account and in total how many tokens there are and how many are due soon or
// overdue (policies and last rotations chosen so RotationDue gives known states); the counts
// follow tokensAdded, tokenChanged and tokenRemoved one token at a time and follow the clock only
// on refreshCounts(); health per account; an account's removal takes its row and its counts.
#include "item/accountlistmodel.h"
#include "mockclock.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

using Health = AccountListModel::Health;
using Unit = PolicyDuration::Unit;
using FailureMode = QAbstractItemModelTester::FailureReportingMode;

namespace {

// What a row counts, compactly: tokens / due soon / overdue.
struct Counts
{
    int tokens = 0;
    int dueSoon = 0;
    int overdue = 0;
    friend bool operator==(const Counts &, const Counts &) = default;
};

char *toString(const Counts &counts)
{
    return qstrdup(
        qPrintable(u"%1 tokens, %2 due soon, %3 overdue"_s.arg(counts.tokens).arg(counts.dueSoon).arg(counts.overdue)));
}

Counts countsAt(const AccountListModel &model, int row)
{
    const QModelIndex index = model.index(row);
    return {index.data(AccountListModel::TokenCountRole).toInt(),
        index.data(AccountListModel::DueSoonCountRole).toInt(), index.data(AccountListModel::OverdueCountRole).toInt()};
}

QStringList names(const AccountListModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row).data().toString();
    return result;
}

// The rows a dataChanged() signal covers.
QList<int> changedRows(const QSignalSpy &spy)
{
    QList<int> rows;
    for (const QList<QVariant> &arguments : spy) {
        const int first = arguments.at(0).toModelIndex().row();
        const int last = arguments.at(1).toModelIndex().row();
        for (int row = first; row <= last; ++row) {
            if (!rows.contains(row))
                rows << row;
        }
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

} // namespace

class TestAccountListModel final : public QObject
{
    Q_OBJECT

private:
    MockClock m_clock; // 2026-01-31 12:00 UTC
    std::unique_ptr<TempWorkspace> m_workspace;
    std::unique_ptr<WorkspaceStore> m_store;

    Account addAccount(const QString &name, ProviderKind kind = ProviderKind::Dynatrace)
    {
        Account account;
        account.kind = kind;
        account.displayName = name;
        account.baseUrl = QUrl(u"https://provider.example"_s);
        account.credential = SecretRef::keychain(u"tokendesk/test/"_s + name);
        if (!m_store->addAccount(account))
            qFatal("cannot add account: %s", qPrintable(m_store->errorString()));
        return account;
    }

    // A token whose 90-day policy makes it due `dueInDays` from now (negative: overdue), or one
    // without policy when `dueInDays` is nullopt. The default notify-before window is 7 days.
    Token makeToken(qint64 accountId, const QString &name, std::optional<int> dueInDays)
    {
        Token token;
        token.accountId = accountId;
        token.providerId = name;
        token.name = name;
        token.createdAt = m_clock.nowUtc().addDays(-400);
        if (dueInDays) {
            token.policy.interval = PolicyDuration(90, Unit::Days);
            token.lastRotatedAt = m_clock.nowUtc().addDays(*dueInDays - 90);
        }
        return token;
    }

    Token addToken(qint64 accountId, const QString &name, std::optional<int> dueInDays)
    {
        Token token = makeToken(accountId, name, dueInDays);
        if (!m_store->addToken(token))
            qFatal("cannot add token: %s", qPrintable(m_store->errorString()));
        return token;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_clock.set(QDateTime(QDate(2026, 1, 31), QTime(12, 0), QTimeZone::utc()));
        m_workspace = std::make_unique<TempWorkspace>();
        m_store = std::make_unique<WorkspaceStore>();
        QVERIFY2(m_store->open(m_workspace->path()), qPrintable(m_store->errorString()));
    }

    void cleanup()
    {
        m_store.reset();
        m_workspace.reset();
    }

    void countsPerAccountAndInTotal()
    {
        const Account prod = addAccount(u"Production"_s);
        const Account staging = addAccount(u"Staging"_s, ProviderKind::PangeaVault);
        addToken(prod.id, u"fresh"_s, 80); // Ok
        addToken(prod.id, u"soon"_s, 5); // DueSoon: inside the 7-day window
        addToken(prod.id, u"late"_s, -10); // Overdue
        addToken(prod.id, u"manual"_s, std::nullopt); // None
        Token revoked = makeToken(prod.id, u"revoked"_s, -30); // None: nothing left to rotate
        revoked.state = TokenState::Revoked;
        QVERIFY(m_store->addToken(revoked));
        Token narrowWindow = makeToken(staging.id, u"narrow"_s, 5); // Ok with a 3-day window
        narrowWindow.policy.notifyBefore = PolicyDuration(3, Unit::Days);
        QVERIFY(m_store->addToken(narrowWindow));
        addToken(staging.id, u"tomorrow"_s, 1);
        Token expiring = addToken(staging.id, u"expiring"_s, std::nullopt);
        expiring.expiresAt = m_clock.nowUtc().addSecs(3600); // expiry minus 1 day margin: overdue
        QVERIFY(m_store->updateToken(expiring));

        AccountListModel model(m_store.get(), m_clock);
        QAbstractItemModelTester tester(&model, FailureMode::Fatal);
        QCOMPARE(model.rowCount(), 1); // only "All accounts" before reload()
        model.reload();
        QCOMPARE(names(model), QStringList({u"All accounts"_s, u"Production"_s, u"Staging"_s}));
        QCOMPARE(model.rowOfAccount(0), 0);
        QCOMPARE(model.rowOfAccount(prod.id), 1);
        QCOMPARE(model.rowOfAccount(staging.id), 2);
        QCOMPARE(model.rowOfAccount(9999), -1);

        QCOMPARE(countsAt(model, 1), Counts({5, 1, 1}));
        QCOMPARE(countsAt(model, 2), Counts({3, 1, 1}));
        QCOMPARE(countsAt(model, 0), Counts({8, 2, 2}));

        const QModelIndex all = model.index(0);
        QCOMPARE(all.data(AccountListModel::AccountIdRole).toLongLong(), 0);
        QVERIFY(!all.data(AccountListModel::ProviderKindRole).isValid());
        QVERIFY2(all.data(AccountListModel::HealthTextRole).toString().contains(u'2'),
            qPrintable(all.data(AccountListModel::HealthTextRole).toString()));
        const QModelIndex stagingRow = model.index(2);
        QCOMPARE(stagingRow.data(AccountListModel::AccountIdRole).toLongLong(), staging.id);
        QCOMPARE(stagingRow.data(AccountListModel::ProviderKindRole).value<ProviderKind>(), ProviderKind::PangeaVault);
        const QString tip = stagingRow.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"Pangea"_s) && tip.contains(u"1 due soon"_s) && tip.contains(u"1 overdue"_s),
            qPrintable(tip));
    }

    void countsFollowTheStoreOneTokenAtATime()
    {
        const Account prod = addAccount(u"Production"_s);
        const Account staging = addAccount(u"Staging"_s);
        AccountListModel model(m_store.get(), m_clock);
        QAbstractItemModelTester tester(&model, FailureMode::Fatal);
        model.reload();
        QCOMPARE(countsAt(model, 0), Counts());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // tokensAdded: one transaction over both accounts.
        QList<Token> tokens {
            makeToken(prod.id, u"fresh"_s, 80), makeToken(prod.id, u"soon"_s, 3), makeToken(staging.id, u"late"_s, -1)};
        QVERIFY(m_store->addTokens(tokens));
        QCOMPARE(countsAt(model, 1), Counts({2, 1, 0}));
        QCOMPARE(countsAt(model, 2), Counts({1, 0, 1}));
        QCOMPARE(countsAt(model, 0), Counts({3, 1, 1}));
        QCOMPARE(changedRows(changed), QList<int>({0, 1, 2}));
        QCOMPARE(reset.count(), 0);

        // tokenChanged: the old state is taken back exactly, only that account's row changes.
        changed.clear();
        Token fresh = tokens.at(0);
        fresh.lastRotatedAt = m_clock.nowUtc().addDays(-100); // due 10 days ago
        QVERIFY(m_store->updateToken(fresh));
        QCOMPARE(countsAt(model, 1), Counts({2, 1, 1}));
        QCOMPARE(countsAt(model, 2), Counts({1, 0, 1}));
        QCOMPARE(countsAt(model, 0), Counts({3, 1, 2}));
        QCOMPARE(changedRows(changed), QList<int>({0, 1}));

        // A change that keeps the state counts it once, not twice.
        fresh.name = u"fresh, renamed"_s;
        QVERIFY(m_store->updateToken(fresh));
        QCOMPARE(countsAt(model, 1), Counts({2, 1, 1}));

        // Revoked: still a token, no longer due.
        Token soon = tokens.at(1);
        soon.state = TokenState::Revoked;
        QVERIFY(m_store->updateToken(soon));
        QCOMPARE(countsAt(model, 1), Counts({2, 0, 1}));
        QCOMPARE(countsAt(model, 0), Counts({3, 0, 2}));

        // tokenRemoved.
        changed.clear();
        QVERIFY(m_store->removeToken(tokens.at(2).id));
        QCOMPARE(countsAt(model, 2), Counts());
        QCOMPARE(countsAt(model, 1), Counts({2, 0, 1}));
        QCOMPARE(countsAt(model, 0), Counts({2, 0, 1}));
        QCOMPARE(changedRows(changed), QList<int>({0, 2}));
        QCOMPARE(reset.count(), 0);

        // A single addToken() counts too, and the counts match a full recount.
        addToken(staging.id, u"soon again"_s, 6);
        QCOMPARE(countsAt(model, 2), Counts({1, 1, 0}));
        const QList<Counts> before {countsAt(model, 0), countsAt(model, 1), countsAt(model, 2)};
        model.refreshCounts();
        QCOMPARE(QList<Counts>({countsAt(model, 0), countsAt(model, 1), countsAt(model, 2)}), before);
    }

    void countsFollowTheClockOnRefresh()
    {
        const Account prod = addAccount(u"Production"_s);
        addToken(prod.id, u"fresh"_s, 80);
        addToken(prod.id, u"soon"_s, 5);
        AccountListModel model(m_store.get(), m_clock);
        QAbstractItemModelTester tester(&model, FailureMode::Fatal);
        model.reload();
        QCOMPARE(countsAt(model, 1), Counts({2, 1, 0}));

        m_clock.advanceDays(6); // "soon" is now a day late
        QCOMPARE(countsAt(model, 1), Counts({2, 1, 0})); // until the view asks
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.refreshCounts();
        QCOMPARE(countsAt(model, 1), Counts({2, 0, 1}));
        QCOMPARE(countsAt(model, 0), Counts({2, 0, 1}));
        QCOMPARE(changedRows(changed), QList<int>({0, 1}));

        m_clock.advanceDays(70); // "fresh" is due in 4 days
        model.refreshCounts();
        QCOMPARE(countsAt(model, 1), Counts({2, 1, 1}));
    }

    void healthPerAccount()
    {
        const Account prod = addAccount(u"Production"_s);
        const Account staging = addAccount(u"Staging"_s);
        AccountListModel model(m_store.get(), m_clock);
        QAbstractItemModelTester tester(&model, FailureMode::Fatal);
        model.reload();
        const QModelIndex prodRow = model.index(model.rowOfAccount(prod.id));
        const QModelIndex stagingRow = model.index(model.rowOfAccount(staging.id));
        QCOMPARE(prodRow.data(AccountListModel::HealthRole).value<Health>(), Health::Unknown);
        QCOMPARE(prodRow.data(AccountListModel::HealthTextRole).toString(), u"Not checked yet"_s);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setHealth(prod.id, Health::AuthFailed, u"HTTP 401: Token is expired"_s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex(), prodRow);
        QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(AccountListModel::HealthRole));
        QCOMPARE(prodRow.data(AccountListModel::HealthRole).value<Health>(), Health::AuthFailed);
        QCOMPARE(prodRow.data(AccountListModel::HealthTextRole).toString(),
            u"Authentication failed: HTTP 401: Token is expired"_s);
        QVERIFY(prodRow.data(Qt::ToolTipRole).toString().contains(u"HTTP 401: Token is expired"_s));
        QCOMPARE(stagingRow.data(AccountListModel::HealthRole).value<Health>(), Health::Unknown);

        model.setHealth(staging.id, Health::Offline);
        QCOMPARE(stagingRow.data(AccountListModel::HealthTextRole).toString(), u"Offline"_s);
        model.setHealth(prod.id, Health::Connected);
        QCOMPARE(prodRow.data(AccountListModel::HealthTextRole).toString(), u"Connected"_s);
        QCOMPARE(model.index(0).data(AccountListModel::HealthRole).value<Health>(), Health::Unknown);

        // Unknown accounts and "All accounts" are ignored.
        changed.clear();
        model.setHealth(9999, Health::Error);
        model.setHealth(0, Health::Error);
        QCOMPARE(changed.count(), 0);

        // Health survives a reload and a rename (which moves the row).
        model.reload();
        Account renamed = staging;
        renamed.displayName = u"Alpha staging"_s;
        QVERIFY(m_store->updateAccount(renamed));
        QCOMPARE(model.rowOfAccount(staging.id), 1);
        QCOMPARE(model.index(1).data(AccountListModel::HealthRole).value<Health>(), Health::Offline);
        QCOMPARE(model.index(2).data(AccountListModel::HealthRole).value<Health>(), Health::Connected);
    }

    void accountsSortedByName()
    {
        addAccount(u"Zulu"_s);
        const Account mike = addAccount(u"Mike"_s);
        addAccount(u"Alpha"_s);
        AccountListModel model(m_store.get(), m_clock);
        QAbstractItemModelTester tester(&model, FailureMode::Fatal);
        model.reload();
        QCOMPARE(names(model), QStringList({u"All accounts"_s, u"Alpha"_s, u"Mike"_s, u"Zulu"_s}));

        // A new account goes to its place, a renamed one moves.
        addAccount(u"Kilo"_s);
        QCOMPARE(names(model), QStringList({u"All accounts"_s, u"Alpha"_s, u"Kilo"_s, u"Mike"_s, u"Zulu"_s}));
        Account renamed = mike;
        renamed.displayName = u"Bravo"_s;
        QVERIFY(m_store->updateAccount(renamed));
        QCOMPARE(names(model), QStringList({u"All accounts"_s, u"Alpha"_s, u"Bravo"_s, u"Kilo"_s, u"Zulu"_s}));
        QCOMPARE(model.rowOfAccount(mike.id), 2);
    }

    void removingAnAccountTakesItsRowAndCounts()
    {
        const Account prod = addAccount(u"Production"_s);
        const Account staging = addAccount(u"Staging"_s);
        addToken(prod.id, u"late"_s, -2);
        addToken(prod.id, u"soon"_s, 2);
        addToken(staging.id, u"other late"_s, -2);
        AccountListModel model(m_store.get(), m_clock);
        QAbstractItemModelTester tester(&model, FailureMode::Fatal);
        model.reload();
        model.setHealth(staging.id, Health::Connected);
        QCOMPARE(countsAt(model, 0), Counts({3, 1, 2}));

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(m_store->removeAccount(prod.id));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 1);
        QCOMPARE(names(model), QStringList({u"All accounts"_s, u"Staging"_s}));
        QCOMPARE(model.rowOfAccount(prod.id), -1);
        QCOMPARE(countsAt(model, 0), Counts({1, 0, 1}));
        QCOMPARE(countsAt(model, 1), Counts({1, 0, 1}));
        QCOMPARE(model.index(1).data(AccountListModel::HealthRole).value<Health>(), Health::Connected);
        model.refreshCounts();
        QCOMPARE(countsAt(model, 0), Counts({1, 0, 1}));
    }
};

QTEST_GUILESS_MAIN(TestAccountListModel)
#include "testaccountlistmodel.moc"
