// SPDX-License-Identifier: GPL-3.0-or-later
#include "item/tokensortfiltermodel.h"
#include "item/tokentablemodel.h"
#include "mockclock.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

using Unit = PolicyDuration::Unit;
using FailureMode = QAbstractItemModelTester::FailureReportingMode;

namespace {

const QDateTime t0(QDate(2026, 3, 1), QTime(8, 30), QTimeZone::utc());

Token makeToken(qint64 accountId, const QString &name, const QString &providerId)
{
    Token token;
    token.accountId = accountId;
    token.providerId = providerId;
    token.name = name;
    token.createdAt = t0;
    return token;
}

// The names of the proxy's rows, top to bottom.
QStringList names(const QAbstractItemModel &model)
{
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown << model.index(row, TokenTableModel::NameColumn).data().toString();
    return shown;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestTokenSortFilterModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

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

    void searchText_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("expected");

        const QStringList all {u"CI deploy"_s, u"ingest"_s, u"Metrics Reader"_s, u"search bot"_s};
        QTest::newRow("empty shows all") << QString() << all;
        QTest::newRow("blank shows all") << u"   "_s << all;
        QTest::newRow("name, other case") << u"DEPLOY"_s << QStringList {u"CI deploy"_s};
        QTest::newRow("name substring") << u"e"_s << all;
        QTest::newRow("surrounding spaces ignored") << u"  reader "_s << QStringList {u"Metrics Reader"_s};
        QTest::newRow("owner") << u"alice@"_s << QStringList {u"ingest"_s, u"search bot"_s};
        QTest::newRow("scope") << u"METRICS.READ"_s << QStringList {u"Metrics Reader"_s};
        QTest::newRow("provider id") << u"pvi_77"_s << QStringList {u"CI deploy"_s};
        QTest::newRow("account name") << u"platform team"_s << QStringList {u"CI deploy"_s, u"ingest"_s};
        QTest::newRow("provider display name") << u"dynatrace"_s << QStringList {u"Metrics Reader"_s};
        QTest::newRow("provider name part") << u"vault"_s << QStringList {u"CI deploy"_s, u"ingest"_s};
        QTest::newRow("no match") << u"nothing-like-this"_s << QStringList {};
        QTest::newRow("no match across fields") << u"deploy platform"_s << QStringList {};
    }

    void searchText()
    {
        QFETCH(QString, search);
        QFETCH(QStringList, expected);
        fillSample();
        TokenTableModel source(m_store.get(), m_clock);
        source.reload();
        TokenSortFilterModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester tester(&proxy, FailureMode::Fatal);
        proxy.setSearchText(search);
        QCOMPARE(proxy.searchText(), search);
        QCOMPARE(sorted(names(proxy)), sorted(expected));
    }

    void stateAndProviderFilters()
    {
        fillSample();
        TokenTableModel source(m_store.get(), m_clock);
        source.reload();
        TokenSortFilterModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester tester(&proxy, FailureMode::Fatal);

        proxy.setStateFilter(TokenState::Revoked);
        QCOMPARE(proxy.stateFilter(), TokenState::Revoked);
        QCOMPARE(sorted(names(proxy)), QStringList({u"ingest"_s, u"search bot"_s}));
        proxy.setStateFilter(TokenState::Disabled);
        QCOMPARE(names(proxy), QStringList());
        proxy.setStateFilter(std::nullopt);
        QCOMPARE(proxy.rowCount(), 4);

        proxy.setProviderFilter(ProviderKind::PangeaVault);
        QCOMPARE(sorted(names(proxy)), QStringList({u"CI deploy"_s, u"ingest"_s}));
        proxy.setProviderFilter(ProviderKind::Glean);
        QCOMPARE(names(proxy), QStringList({u"search bot"_s}));

        // All filters combine with AND.
        proxy.setProviderFilter(ProviderKind::PangeaVault);
        proxy.setStateFilter(TokenState::Revoked);
        QCOMPARE(names(proxy), QStringList({u"ingest"_s}));
        proxy.setStateFilter(TokenState::Active);
        QCOMPARE(names(proxy), QStringList({u"CI deploy"_s}));
        proxy.setSearchText(u"alice"_s);
        QCOMPARE(names(proxy), QStringList());
        proxy.setStateFilter(std::nullopt);
        QCOMPARE(names(proxy), QStringList({u"ingest"_s}));
        proxy.setProviderFilter(std::nullopt);
        QCOMPARE(sorted(names(proxy)), QStringList({u"ingest"_s, u"search bot"_s}));
        proxy.setSearchText({});
        QCOMPARE(proxy.rowCount(), 4);
    }

    void accountFilter()
    {
        const QList<Account> accounts = fillSample();
        TokenTableModel source(m_store.get(), m_clock);
        source.reload();
        TokenSortFilterModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester tester(&proxy, FailureMode::Fatal);
        QCOMPARE(proxy.accountFilter(), 0);

        proxy.setAccountFilter(accounts.at(0).id);
        QCOMPARE(proxy.accountFilter(), accounts.at(0).id);
        QCOMPARE(sorted(names(proxy)), QStringList({u"CI deploy"_s, u"ingest"_s}));
        proxy.setAccountFilter(accounts.at(1).id);
        QCOMPARE(names(proxy), QStringList({u"Metrics Reader"_s}));
        proxy.setAccountFilter(9999); // an account without tokens
        QCOMPARE(names(proxy), QStringList());

        // With the other filters: AND.
        proxy.setAccountFilter(accounts.at(0).id);
        proxy.setStateFilter(TokenState::Revoked);
        QCOMPARE(names(proxy), QStringList({u"ingest"_s}));
        proxy.setStateFilter(std::nullopt);
        proxy.setSearchText(u"alice"_s); // also matches "search bot" of another account
        QCOMPARE(names(proxy), QStringList({u"ingest"_s}));
        proxy.setProviderFilter(ProviderKind::Glean);
        QCOMPARE(names(proxy), QStringList());
        proxy.setProviderFilter(std::nullopt);

        // A token added to the account appears, one added elsewhere does not.
        Token added = makeToken(accounts.at(0).id, u"alice's new"_s, u"pvi_99"_s);
        QVERIFY(m_store->addToken(added));
        Token elsewhere = makeToken(accounts.at(2).id, u"alice elsewhere"_s, u"g-9"_s);
        QVERIFY(m_store->addToken(elsewhere));
        QCOMPARE(sorted(names(proxy)), QStringList({u"alice's new"_s, u"ingest"_s}));

        proxy.setSearchText({});
        proxy.setAccountFilter(0);
        QCOMPARE(proxy.rowCount(), 6);
    }

    void dueBeforeFilter()
    {
        const Account account = addAccount(u"Pangea"_s, ProviderKind::PangeaVault);
        m_clock.set(t0);
        QList<Token> tokens;
        // Due = created + interval; created 30 days ago, so due in (interval - 30) days.
        for (const auto &[name, interval] : QList<std::pair<QString, int>> {
                 {u"overdue"_s, 20}, {u"in 2 days"_s, 32}, {u"in 10 days"_s, 40}, {u"in 60 days"_s, 90}}) {
            Token token = makeToken(account.id, name, name);
            token.createdAt = t0.addDays(-30);
            token.policy.interval = PolicyDuration(interval, Unit::Days);
            tokens << token;
        }
        tokens << makeToken(account.id, u"no policy"_s, u"np"_s);
        Token expiring = makeToken(account.id, u"expires in 5 days"_s, u"exp"_s);
        expiring.expiresAt = t0.addDays(6); // due one day before the expiry
        tokens << expiring;
        QVERIFY(m_store->addTokens(tokens));
        TokenTableModel source(m_store.get(), m_clock);
        source.reload();
        TokenSortFilterModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester tester(&proxy, FailureMode::Fatal);
        QVERIFY(!proxy.dueBefore().isValid());
        QCOMPARE(proxy.rowCount(), 6);

        proxy.setDueBefore(t0.addDays(7));
        QCOMPARE(proxy.dueBefore(), t0.addDays(7));
        QCOMPARE(sorted(names(proxy)), sorted({u"overdue"_s, u"in 2 days"_s, u"expires in 5 days"_s}));
        proxy.setDueBefore(t0); // "overdue"
        QCOMPARE(names(proxy), QStringList({u"overdue"_s}));
        // The limit is exclusive: a token due exactly then is not before it.
        proxy.setDueBefore(t0.addDays(2));
        QCOMPARE(names(proxy), QStringList({u"overdue"_s}));
        proxy.setDueBefore(t0.addDays(365)); // tokens without a due date never match
        QCOMPARE(proxy.rowCount(), 5);
        QVERIFY(!names(proxy).contains(u"no policy"_s));

        // With the other filters, and following the store.
        proxy.setDueBefore(t0.addDays(30));
        proxy.setSearchText(u"days"_s);
        QCOMPARE(sorted(names(proxy)), sorted({u"in 2 days"_s, u"in 10 days"_s, u"expires in 5 days"_s}));
        Token later = tokens.at(2);
        later.lastRotatedAt = t0; // "in 10 days" is now due in 40
        QVERIFY(m_store->updateToken(later));
        QCOMPARE(sorted(names(proxy)), sorted({u"in 2 days"_s, u"expires in 5 days"_s}));
        proxy.setStateFilter(TokenState::Revoked);
        QCOMPARE(names(proxy), QStringList());
        proxy.setStateFilter(std::nullopt);

        proxy.setDueBefore({}); // off
        QVERIFY(!proxy.dueBefore().isValid());
        QCOMPARE(
            sorted(names(proxy)), sorted({u"in 2 days"_s, u"in 10 days"_s, u"in 60 days"_s, u"expires in 5 days"_s}));
    }

    void tokenIdFilter()
    {
        fillSample();
        TokenTableModel source(m_store.get(), m_clock);
        source.reload();
        TokenSortFilterModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester tester(&proxy, FailureMode::Fatal);
        QVERIFY(!proxy.hasTokenIdFilter());
        const auto idOf = [&](const QString &name) {
            for (const Token &token : m_store->tokens()) {
                if (token.name == name)
                    return token.id;
            }
            return qint64(-1);
        };

        proxy.setTokenIdFilter(QSet<qint64> {idOf(u"ingest"_s), idOf(u"search bot"_s)});
        QVERIFY(proxy.hasTokenIdFilter());
        QCOMPARE(sorted(names(proxy)), QStringList({u"ingest"_s, u"search bot"_s}));
        // A different set replaces the first one.
        proxy.setTokenIdFilter(QSet<qint64> {idOf(u"CI deploy"_s)});
        QCOMPARE(names(proxy), QStringList({u"CI deploy"_s}));
        // An empty set is a filter that shows nothing, unlike nullopt.
        proxy.setTokenIdFilter(QSet<qint64>());
        QVERIFY(proxy.hasTokenIdFilter());
        QCOMPARE(proxy.rowCount(), 0);

        proxy.setTokenIdFilter(QSet<qint64> {idOf(u"ingest"_s), idOf(u"search bot"_s), idOf(u"Metrics Reader"_s)});
        proxy.setProviderFilter(ProviderKind::Glean);
        QCOMPARE(names(proxy), QStringList({u"search bot"_s}));
        proxy.setProviderFilter(std::nullopt);
        proxy.setSearchText(u"alice"_s);
        QCOMPARE(sorted(names(proxy)), QStringList({u"ingest"_s, u"search bot"_s}));
        proxy.setSearchText({});

        proxy.setTokenIdFilter(std::nullopt);
        QVERIFY(!proxy.hasTokenIdFilter());
        QCOMPARE(proxy.rowCount(), 4);
    }

    void allSixFiltersTogether()
    {
        const QList<Account> accounts = fillSample();
        m_clock.set(t0);
        QList<Token> due = m_store->tokensOfAccount(accounts.at(0).id);
        for (Token &token : due) {
            token.policy.interval = PolicyDuration(3, Unit::Days); // created at t0: due in 3 days
            QVERIFY(m_store->updateToken(token));
        }
        TokenTableModel source(m_store.get(), m_clock);
        source.reload();
        TokenSortFilterModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester tester(&proxy, FailureMode::Fatal);
        QSet<qint64> ids;
        for (const Token &token : m_store->tokens())
            ids.insert(token.id);

        proxy.setAccountFilter(accounts.at(0).id);
        proxy.setDueBefore(t0.addDays(7));
        proxy.setTokenIdFilter(ids);
        proxy.setProviderFilter(ProviderKind::PangeaVault);
        proxy.setStateFilter(TokenState::Active);
        proxy.setSearchText(u"deploy"_s);
        QCOMPARE(names(proxy), QStringList({u"CI deploy"_s}));
        // Each one alone can still hide it.
        ids.remove(due.at(0).name == u"CI deploy"_s ? due.at(0).id : due.at(1).id);
        proxy.setTokenIdFilter(ids);
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setTokenIdFilter(std::nullopt);
        proxy.setDueBefore(t0.addDays(2));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setDueBefore({});
        proxy.setAccountFilter(accounts.at(1).id);
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setAccountFilter(0);
        QCOMPARE(names(proxy), QStringList({u"CI deploy"_s}));
    }

    void filtersFollowStoreChanges()
    {
        const QList<Account> accounts = fillSample();
        TokenTableModel source(m_store.get(), m_clock);
        source.reload();
        TokenSortFilterModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester tester(&proxy, FailureMode::Fatal);
        proxy.setSearchText(u"team"_s);
        QCOMPARE(sorted(names(proxy)), QStringList({u"CI deploy"_s, u"ingest"_s}));

        // An account renamed to match brings its tokens in without any filter call.
        Account renamed = accounts.at(1);
        renamed.displayName = u"Observability Team"_s;
        QVERIFY(m_store->updateAccount(renamed));
        QCOMPARE(sorted(names(proxy)), QStringList({u"CI deploy"_s, u"Metrics Reader"_s, u"ingest"_s}));

        // A new matching token appears, an edited one that no longer matches disappears.
        Token added = makeToken(accounts.at(2).id, u"team bot"_s, u"g-2"_s);
        QVERIFY(m_store->addToken(added));
        QCOMPARE(proxy.rowCount(), 4);
        Token edited = *source.tokenAt(source.rowOfToken(added.id));
        edited.name = u"bot"_s;
        QVERIFY(m_store->updateToken(edited));
        QCOMPARE(proxy.rowCount(), 3);
    }

    void sortsByName()
    {
        fillSample();
        TokenTableModel source(m_store.get(), m_clock);
        source.reload();
        TokenSortFilterModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester tester(&proxy, FailureMode::Fatal);
        QCOMPARE(proxy.sortRole(), int(TokenTableModel::RawValueRole));
        QVERIFY(proxy.dynamicSortFilter());
        // Case-insensitive: "Metrics Reader" between "ingest" and "search bot".
        proxy.sort(TokenTableModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(names(proxy), QStringList({u"CI deploy"_s, u"ingest"_s, u"Metrics Reader"_s, u"search bot"_s}));
        proxy.sort(TokenTableModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(names(proxy), QStringList({u"search bot"_s, u"Metrics Reader"_s, u"ingest"_s, u"CI deploy"_s}));
    }

    void sortsDatesWithUnknownLast()
    {
        const Account account = addAccount(u"Pangea"_s, ProviderKind::PangeaVault);
        QList<Token> tokens;
        const QList<std::pair<QString, QDateTime>> expiries {{u"june"_s, t0.addMonths(3)}, {u"unknown"_s, {}},
            {u"april"_s, t0.addMonths(1)}, {u"next year"_s, t0.addYears(1)}, {u"march"_s, t0.addDays(5)}};
        for (const auto &[name, expires] : expiries) {
            Token token = makeToken(account.id, name, name);
            token.expiresAt = expires;
            tokens << token;
        }
        QVERIFY(m_store->addTokens(tokens));
        TokenTableModel source(m_store.get(), m_clock);
        source.reload();
        TokenSortFilterModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester tester(&proxy, FailureMode::Fatal);

        proxy.sort(TokenTableModel::ExpiresColumn, Qt::AscendingOrder);
        QCOMPARE(names(proxy), QStringList({u"march"_s, u"april"_s, u"june"_s, u"next year"_s, u"unknown"_s}));
        proxy.sort(TokenTableModel::ExpiresColumn, Qt::DescendingOrder);
        QCOMPARE(names(proxy), QStringList({u"next year"_s, u"june"_s, u"april"_s, u"march"_s, u"unknown"_s}));

        // Dynamic sorting: a changed expiry moves its row, a cleared one goes to the bottom.
        Token march = tokens.at(4);
        march.expiresAt = t0.addYears(2);
        QVERIFY(m_store->updateToken(march));
        QCOMPARE(names(proxy), QStringList({u"march"_s, u"next year"_s, u"june"_s, u"april"_s, u"unknown"_s}));
        march.expiresAt = {};
        QVERIFY(m_store->updateToken(march));
        QCOMPARE(names(proxy).mid(0, 3), QStringList({u"next year"_s, u"june"_s, u"april"_s}));
        QCOMPARE(sorted(names(proxy).mid(3)), QStringList({u"march"_s, u"unknown"_s}));
    }

    // Equal values keep the id order (reversed with the sort order), unknown ones stay last.
    void equalValuesSortById()
    {
        const Account account = addAccount(u"Pangea"_s, ProviderKind::PangeaVault);
        QList<Token> tokens;
        for (const QString &name : {u"c"_s, u"a"_s, u"unknown"_s, u"b"_s, u"early"_s}) {
            Token token = makeToken(account.id, name, name);
            if (name == u"early"_s)
                token.expiresAt = t0.addDays(1);
            else if (name != u"unknown"_s)
                token.expiresAt = t0.addDays(9);
            tokens << token;
        }
        QVERIFY(m_store->addTokens(tokens)); // ids in this order
        TokenTableModel source(m_store.get(), m_clock);
        source.reload();
        TokenSortFilterModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester tester(&proxy, FailureMode::Fatal);

        proxy.sort(TokenTableModel::ExpiresColumn, Qt::AscendingOrder);
        QCOMPARE(names(proxy), QStringList({u"early"_s, u"c"_s, u"a"_s, u"b"_s, u"unknown"_s}));
        proxy.sort(TokenTableModel::ExpiresColumn, Qt::DescendingOrder);
        QCOMPARE(names(proxy), QStringList({u"b"_s, u"a"_s, u"c"_s, u"early"_s, u"unknown"_s}));
    }

    void sortsVersionsNumerically()
    {
        const Account account = addAccount(u"Pangea"_s, ProviderKind::PangeaVault);
        QList<Token> tokens;
        for (int version : {9, 10, 0, 2, 100}) {
            Token token = makeToken(account.id, u"t%1"_s.arg(version), u"p%1"_s.arg(version));
            token.currentVersion = version;
            tokens << token;
        }
        QVERIFY(m_store->addTokens(tokens));
        TokenTableModel source(m_store.get(), m_clock);
        source.reload();
        TokenSortFilterModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester tester(&proxy, FailureMode::Fatal);

        proxy.sort(TokenTableModel::VersionColumn, Qt::AscendingOrder);
        QCOMPARE(names(proxy), QStringList({u"t2"_s, u"t9"_s, u"t10"_s, u"t100"_s, u"t0"_s}));
        proxy.sort(TokenTableModel::VersionColumn, Qt::DescendingOrder);
        QCOMPARE(names(proxy), QStringList({u"t100"_s, u"t10"_s, u"t9"_s, u"t2"_s, u"t0"_s}));
    }

    void sortsByAgeAndNextRotation()
    {
        const Account account = addAccount(u"Pangea"_s, ProviderKind::PangeaVault);
        QList<Token> tokens;
        for (int days : {3, 40, 12}) {
            Token token = makeToken(account.id, u"%1d"_s.arg(days), u"p%1"_s.arg(days));
            token.createdAt = t0.addDays(-days);
            token.policy.interval = PolicyDuration(days * 2, Unit::Days);
            tokens << token;
        }
        QVERIFY(m_store->addTokens(tokens));
        m_clock.set(t0);
        TokenTableModel source(m_store.get(), m_clock);
        source.reload();
        TokenSortFilterModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester tester(&proxy, FailureMode::Fatal);
        proxy.sort(TokenTableModel::AgeColumn, Qt::AscendingOrder);
        QCOMPARE(names(proxy), QStringList({u"3d"_s, u"12d"_s, u"40d"_s}));
        // Next rotation: created − d + 2d = t0 + d.
        proxy.sort(TokenTableModel::NextRotationColumn, Qt::DescendingOrder);
        QCOMPARE(names(proxy), QStringList({u"40d"_s, u"12d"_s, u"3d"_s}));
    }

    void filtersAndSortsManyTokens()
    {
        // 20,000 tokens over four accounts: enough to expose per-row SQL or quadratic updates,
        // small enough for a sanitizer build. Timings are printed, not asserted (shared CI hosts).
        constexpr int count = 20000;
        QList<Account> accounts;
        for (int i = 0; i < 4; ++i)
            accounts << addAccount(u"account %1"_s.arg(i), ProviderKindInfo::all().at(i));
        QList<Token> tokens;
        tokens.reserve(count);
        for (int i = 0; i < count; ++i) {
            Token token = makeToken(accounts.at(i % 4).id, u"token %1"_s.arg(i), u"id-%1"_s.arg(i));
            token.owner = i % 10 == 0 ? u"needle@example.com"_s : u"someone@example.com"_s;
            token.expiresAt = i % 7 == 0 ? QDateTime() : t0.addSecs(qint64(i) * 37 % 100003);
            token.state = i % 3 == 0 ? TokenState::Revoked : TokenState::Active;
            tokens << token;
        }
        QVERIFY(m_store->addTokens(tokens));

        QElapsedTimer timer;
        timer.start();
        TokenTableModel source(m_store.get(), m_clock);
        source.reload();
        const qint64 loadMs = timer.restart();
        TokenSortFilterModel proxy;
        proxy.setSourceModel(&source);
        proxy.sort(TokenTableModel::ExpiresColumn, Qt::AscendingOrder);
        const qint64 sortMs = timer.restart();
        QVERIFY(source.isSorting()); // 20,000 rows: sorted on a worker thread, not in sort()
        QTRY_VERIFY_WITH_TIMEOUT(!source.isSorting(), 30000);
        timer.restart();
        proxy.setSearchText(u"NEEDLE"_s);
        const qint64 searchMs = timer.restart();
        QCOMPARE(proxy.rowCount(), count / 10);
        proxy.setStateFilter(TokenState::Revoked);
        QCOMPARE(proxy.rowCount(), count / 30 + 1); // i % 30 == 0
        proxy.setStateFilter(std::nullopt);
        proxy.setSearchText({});
        QCOMPARE(proxy.rowCount(), count);

        // Sorted by expiry, unknown ones last.
        const QDateTime firstDate
            = proxy.index(0, TokenTableModel::ExpiresColumn).data(TokenTableModel::RawValueRole).toDateTime();
        QDateTime earliest;
        for (const Token &token : std::as_const(tokens)) {
            if (token.expiresAt.isValid() && (!earliest.isValid() || token.expiresAt < earliest))
                earliest = token.expiresAt;
        }
        QCOMPARE(firstDate, earliest);
        QVERIFY(!proxy.index(count - 1, TokenTableModel::ExpiresColumn).data(TokenTableModel::RawValueRole).isValid());

        timer.restart();
        QSignalSpy changed(&source, &QAbstractItemModel::dataChanged);
        for (int i = 0; i < 200; ++i) {
            Token token = tokens.at(i * 97);
            token.name += u" (edited)"_s;
            QVERIFY(m_store->updateToken(token));
        }
        const qint64 updateMs = timer.restart();
        QCOMPARE(changed.count(), 200);
        QVERIFY(m_store->removeToken(tokens.at(count / 2).id));
        QCOMPARE(source.rowCount(), count - 1);
        QCOMPARE(source.rowOfToken(tokens.last().id), count - 2);
        qInfo("%d tokens: load %lld ms, sort %lld ms, search %lld ms, 200 updates %lld ms", count, loadMs, sortMs,
            searchMs, updateMs);
    }

private:
    Account addAccount(const QString &name, ProviderKind kind)
    {
        Account account;
        account.kind = kind;
        account.displayName = name;
        account.credential = SecretRef::keychain(u"tokendesk/test/"_s + name);
        if (!m_store->addAccount(account))
            qFatal("cannot add account: %s", qPrintable(m_store->errorString()));
        return account;
    }

    // Four tokens over three accounts of three providers.
    QList<Account> fillSample()
    {
        const Account pangea = addAccount(u"Platform Team"_s, ProviderKind::PangeaVault);
        const Account dynatrace = addAccount(u"Observability"_s, ProviderKind::Dynatrace);
        const Account glean = addAccount(u"Search"_s, ProviderKind::Glean);
        QList<Token> tokens;
        Token deploy = makeToken(pangea.id, u"CI deploy"_s, u"pvi_77"_s);
        deploy.owner = u"bob@example.com"_s;
        deploy.scopes = {u"vault.write"_s};
        Token ingest = makeToken(pangea.id, u"ingest"_s, u"pvi_12"_s);
        ingest.owner = u"alice@example.com"_s;
        ingest.state = TokenState::Revoked;
        Token reader = makeToken(dynatrace.id, u"Metrics Reader"_s, u"dt0c01.XYZ"_s);
        reader.scopes = {u"metrics.read"_s, u"entities.read"_s};
        Token bot = makeToken(glean.id, u"search bot"_s, u"g-1"_s);
        bot.owner = u"Alice@example.com"_s;
        bot.state = TokenState::Revoked;
        tokens << bot << reader << ingest << deploy;
        if (!m_store->addTokens(tokens))
            qFatal("cannot add tokens: %s", qPrintable(m_store->errorString()));
        return {pangea, dynatrace, glean};
    }

    MockClock m_clock;
    std::unique_ptr<TempWorkspace> m_workspace;
    std::unique_ptr<WorkspaceStore> m_store;
};

QTEST_GUILESS_MAIN(TestTokenSortFilterModel)
#include "testtokensortfiltermodel.moc"
