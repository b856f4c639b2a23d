// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/rotationdue.h"
#include "item/tabletext.h"
#include "item/tokentablemodel.h"
#include "mockclock.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>
#include <QTranslator>

using namespace Qt::StringLiterals;

using Unit = PolicyDuration::Unit;
using FailureMode = QAbstractItemModelTester::FailureReportingMode;
using Table = TokenTableModel; // keeps the many column and role names short

namespace {

const QDateTime t0(QDate(2026, 3, 1), QTime(8, 30), QTimeZone::utc());

// Stands in for the English translation, which gives "%n day(s)" its singular and plural forms.
class EnglishPlurals final : public QTranslator
{
public:
    QString translate(const char *, const char *sourceText, const char *, int n) const override
    {
        QString text = QString::fromUtf8(sourceText);
        if (n < 0 || !text.contains(u"(s)"_s))
            return {};
        return text.replace(u"(s)"_s, n == 1 ? QString() : u"s"_s);
    }
    bool isEmpty() const override { return false; }
};

Account addAccount(WorkspaceStore &store, const QString &name, ProviderKind kind)
{
    Account account;
    account.kind = kind;
    account.displayName = name;
    account.baseUrl = QUrl(u"https://provider.example"_s);
    account.credential = SecretRef::keychain(u"tokendesk/test/"_s + name);
    account.createdAt = t0;
    if (!store.addAccount(account))
        qFatal("cannot add account: %s", qPrintable(store.errorString()));
    return account;
}

Token sampleToken(qint64 accountId, const QString &providerId)
{
    Token token;
    token.accountId = accountId;
    token.providerId = providerId;
    token.name = u"Ingest-"_s + providerId;
    token.scopes = {u"metrics.ingest"_s, u"logs.ingest"_s};
    token.owner = u"ops@example.com"_s;
    token.createdAt = t0;
    token.expiresAt = t0.addYears(1);
    token.lastRotatedAt = t0.addDays(3);
    token.currentVersion = 2;
    token.policy.interval = PolicyDuration(30, Unit::Days);
    token.policy.gracePeriod = PolicyDuration(1, Unit::Days);
    token.policy.automatic = true;
    return token;
}

// A manual token the workspace knows little about.
Token bareToken(qint64 accountId, const QString &providerId)
{
    Token token;
    token.accountId = accountId;
    token.providerId = providerId;
    token.name = u"legacy "_s + providerId;
    return token;
}

QVariant cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role);
}

// {top row, bottom row, left column, right column} of the i-th dataChanged a spy recorded.
QList<int> changedRange(const QSignalSpy &spy, int i)
{
    const QModelIndex topLeft = spy.at(i).at(0).value<QModelIndex>();
    const QModelIndex bottomRight = spy.at(i).at(1).value<QModelIndex>();
    return {topLeft.row(), bottomRight.row(), topLeft.column(), bottomRight.column()};
}

} // namespace

class TestTokenTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // A fixed zone three hours ahead of UTC, without DST or tzdata, so local-time text is known.
        qputenv("TZ", "EAT-3");
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QCoreApplication::installTranslator(&m_plurals);
    }

    void init()
    {
        m_workspace = std::make_unique<TempWorkspace>();
        m_store = std::make_unique<WorkspaceStore>();
        QVERIFY2(m_store->open(m_workspace->path()), qPrintable(m_store->errorString()));
        m_clock.set(t0.addDays(12));
        // Model and tester live from here to cleanup(), so the tester sees every change a test makes.
        m_model = std::make_unique<TokenTableModel>(m_store.get(), m_clock);
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(), FailureMode::Fatal);
        m_resets = std::make_unique<QSignalSpy>(m_model.get(), &QAbstractItemModel::modelAboutToBeReset);
        m_reloads = 0;
    }

    void cleanup()
    {
        // Every test: store changes update rows in place, only reload() resets the model.
        QCOMPARE(m_resets->count(), m_reloads);
        m_resets.reset();
        m_tester.reset();
        m_model.reset();
        m_store.reset();
        m_workspace.reset();
    }

    void columnsAndHeaders()
    {
        TokenTableModel &model = reloaded();
        QCOMPARE(model.columnCount(), 10);
        QCOMPARE(model.columnCount(), int(Table::ColumnCount));
        QCOMPARE(model.rowCount(), 0);
        QStringList headers;
        for (int column = 0; column < model.columnCount(); ++column)
            headers << model.headerData(column, Qt::Horizontal).toString();
        QCOMPARE(headers,
            QStringList({u"Name"_s, u"Provider"_s, u"Account"_s, u"State"_s, u"Version"_s, u"Age"_s, u"Expires"_s,
                u"Next rotation"_s, u"Due"_s, u"Policy"_s}));
        QVERIFY(!model.headerData(Table::NameColumn, Qt::Horizontal, Qt::ToolTipRole).isValid());
    }

    void knownToken_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QVariant>("raw");

        const QDateTime nextDue(QDate(2026, 4, 3), QTime(8, 30), QTimeZone::utc()); // rotated 4 Mar + 30 days
        QTest::newRow("name") << int(Table::NameColumn) << u"Ingest-dt0c01.A"_s << QVariant(u"ingest-dt0c01.a"_s);
        QTest::newRow("provider") << int(Table::ProviderColumn) << u"Dynatrace"_s << QVariant(u"dynatrace"_s);
        QTest::newRow("account") << int(Table::AccountColumn) << u"Production Dynatrace"_s
                                 << QVariant(u"production dynatrace"_s);
        QTest::newRow("state") << int(Table::StateColumn) << u"Rotation failed"_s
                               << QVariant(int(TokenState::RotationFailed));
        QTest::newRow("version") << int(Table::VersionColumn) << u"v2"_s << QVariant(2);
        QTest::newRow("age") << int(Table::AgeColumn) << u"12 days"_s << QVariant(qint64(12 * 86400));
        // Local time is UTC+3: the text shows 11:30, the raw value stays 08:30 UTC.
        QTest::newRow("expires") << int(Table::ExpiresColumn) << u"01/03/2027 11:30"_s << QVariant(t0.addYears(1));
        QTest::newRow("next rotation") << int(Table::NextRotationColumn) << u"03/04/2026 11:30"_s << QVariant(nextDue);
        QTest::newRow("policy") << int(Table::PolicyColumn) << u"every 30 days, grace 1 day, automatic"_s
                                << QVariant(qint64(30 * 86400));
    }

    void knownToken()
    {
        QFETCH(int, column);
        QFETCH(QString, display);
        QFETCH(QVariant, raw);

        const Account account = addAccount(*m_store, u"Production Dynatrace"_s, ProviderKind::Dynatrace);
        Token token = sampleToken(account.id, u"dt0c01.A"_s);
        token.state = TokenState::RotationFailed;
        QVERIFY(m_store->addToken(token));

        TokenTableModel &model = reloaded();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, column).toString(), display);
        const QVariant actual = cell(model, 0, column, Table::RawValueRole);
        QCOMPARE(actual, raw);
        if (raw.typeId() == QMetaType::QDateTime)
            QCOMPARE(actual.toDateTime().timeSpec(), Qt::UTC);
    }

    void rolesOfKnownToken()
    {
        const Account account = addAccount(*m_store, u"Production Dynatrace"_s, ProviderKind::Dynatrace);
        Token token = sampleToken(account.id, u"dt0c01.A"_s);
        QVERIFY(m_store->addToken(token));

        TokenTableModel &model = reloaded();
        QCOMPARE(cell(model, 0, Table::PolicyColumn, Table::TokenIdRole).toLongLong(), token.id);
        QCOMPARE(cell(model, 0, Table::NameColumn, Table::AccountIdRole).toLongLong(), account.id);
        QCOMPARE(
            cell(model, 0, Table::NameColumn, Table::ProviderKindRole).value<ProviderKind>(), ProviderKind::Dynatrace);
        QCOMPARE(cell(model, 0, Table::NameColumn, Table::TokenStateRole).value<TokenState>(), TokenState::Active);
        QCOMPARE(cell(model, 0, Table::NameColumn, Table::DueStateRole).value<DueState>(), DueState::Ok);
        const QString search = cell(model, 0, Table::NameColumn, Table::SearchTextRole).toString();
        for (const QString &part : {u"ingest-dt0c01.a"_s, u"dynatrace"_s, u"production dynatrace"_s,
                 u"ops@example.com"_s, u"metrics.ingest"_s, u"logs.ingest"_s})
            QVERIFY2(search.contains(part), qPrintable(part));
        QVERIFY(!search.contains(u"Ingest"_s)); // case-folded once, so the proxy can compare plainly

        const QString toolTip = cell(model, 0, Table::ExpiresColumn, Qt::ToolTipRole).toString();
        QVERIFY2(toolTip.contains(u"2027-03-01 08:30:00 UTC"_s), qPrintable(toolTip));
        const QString localLong = QLocale().toString(t0.addYears(1).toLocalTime(), QLocale::LongFormat);
        QVERIFY2(toolTip.contains(localLong), qPrintable(toolTip));
        QVERIFY(localLong.contains(u"11:30"_s));
        QVERIFY(!cell(model, 0, Table::NameColumn, Qt::ToolTipRole).isValid());
        QVERIFY(!model.tokenAt(1));
        QCOMPARE(model.tokenAt(0)->providerId, u"dt0c01.A"_s);
        QCOMPARE(model.rowOfToken(token.id), 0);
        QCOMPARE(model.rowOfToken(token.id + 1), -1);
    }

    void unknownValues()
    {
        const Account account = addAccount(*m_store, u"Old Glean"_s, ProviderKind::Glean);
        Token token = bareToken(account.id, u"g-1"_s);
        QVERIFY(m_store->addToken(token));

        TokenTableModel &model = reloaded();
        QCOMPARE(cell(model, 0, Table::VersionColumn).toString(), QString());
        QCOMPARE(cell(model, 0, Table::AgeColumn).toString(), u"unknown"_s);
        QCOMPARE(cell(model, 0, Table::ExpiresColumn).toString(), u"never"_s);
        QCOMPARE(cell(model, 0, Table::NextRotationColumn).toString(), u"manual"_s);
        QCOMPARE(cell(model, 0, Table::PolicyColumn).toString(), u"manual"_s);
        for (int column : {Table::VersionColumn, Table::AgeColumn, Table::ExpiresColumn, Table::NextRotationColumn,
                 Table::PolicyColumn})
            QVERIFY2(!cell(model, 0, column, Table::RawValueRole).isValid(), qPrintable(QString::number(column)));
        QCOMPARE(cell(model, 0, 0, Table::DueStateRole).value<DueState>(), DueState::None);

        // A manual token that expires still has a deadline, and says so.
        token.expiresAt = t0.addDays(20);
        QVERIFY(m_store->updateToken(token));
        QCOMPARE(cell(model, 0, Table::ExpiresColumn).toString(), u"21/03/2026 11:30"_s);
        QCOMPARE(cell(model, 0, Table::NextRotationColumn).toString(), u"manual, before 20/03/2026 11:30"_s);
        QCOMPARE(cell(model, 0, Table::NextRotationColumn, Table::RawValueRole).toDateTime(), t0.addDays(19));
    }

    void ageText_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("future") << qint64(-500) << u"0 minutes"_s;
        QTest::newRow("new") << qint64(59) << u"0 minutes"_s;
        QTest::newRow("1 minute") << qint64(60) << u"1 minute"_s;
        QTest::newRow("59 minutes") << qint64(3599) << u"59 minutes"_s;
        QTest::newRow("1 hour") << qint64(3600) << u"1 hour"_s;
        QTest::newRow("3 hours") << qint64(3 * 3600 + 1800) << u"3 hours"_s;
        QTest::newRow("23 hours") << qint64(86399) << u"23 hours"_s;
        QTest::newRow("1 day") << qint64(86400) << u"1 day"_s;
        QTest::newRow("12 days") << qint64(12 * 86400 + 5) << u"12 days"_s;
        QTest::newRow("3 years") << qint64(3 * 365 * 86400) << u"1095 days"_s;
    }

    void ageText()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, expected);
        QCOMPARE(TableText::ageText(seconds), expected);
    }

    void addingTokensInsertsRowsWithoutReset()
    {
        const Account account = addAccount(*m_store, u"Pangea"_s, ProviderKind::PangeaVault);
        QList<Token> first {sampleToken(account.id, u"pvi_1"_s), sampleToken(account.id, u"pvi_2"_s)};
        QVERIFY(m_store->addTokens(first));

        TokenTableModel &model = reloaded();
        QCOMPARE(model.rowCount(), 2);

        QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QList<Token> more {sampleToken(account.id, u"pvi_3"_s), sampleToken(account.id, u"pvi_4"_s),
            sampleToken(account.id, u"pvi_5"_s)};
        QVERIFY(m_store->addTokens(more));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(0).value<QModelIndex>(), QModelIndex());
        QCOMPARE(inserted.at(0).at(1).toInt(), 2);
        QCOMPARE(inserted.at(0).at(2).toInt(), 4);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.rowOfToken(more.at(2).id), 4);
        QCOMPARE(cell(model, 4, Table::NameColumn).toString(), u"Ingest-pvi_5"_s);
        QCOMPARE(cell(model, 3, Table::AccountColumn).toString(), u"Pangea"_s);

        Token single = sampleToken(account.id, u"pvi_6"_s);
        QVERIFY(m_store->addToken(single));
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 5);
        QCOMPARE(inserted.at(1).at(2).toInt(), 5);
        QCOMPARE(model.tokenAt(5)->id, single.id);
        QCOMPARE(aboutToReset.count(), 0);
    }

    void newAccountNeedsNoRowChange()
    {
        TokenTableModel &model = reloaded();
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const Account account = addAccount(*m_store, u"Piiano EU"_s, ProviderKind::PiianoVault);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(inserted.count(), 0);
        // The account added after reload() is known by name when its tokens arrive.
        Token token = sampleToken(account.id, u"p-1"_s);
        QVERIFY(m_store->addToken(token));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(cell(model, 0, Table::AccountColumn).toString(), u"Piiano EU"_s);
        QCOMPARE(cell(model, 0, Table::ProviderColumn).toString(), u"Piiano Vault"_s);
    }

    void updatingOneTokenChangesOnlyItsRow()
    {
        const Account account = addAccount(*m_store, u"Pangea"_s, ProviderKind::PangeaVault);
        QList<Token> tokens {sampleToken(account.id, u"pvi_1"_s), sampleToken(account.id, u"pvi_2"_s),
            sampleToken(account.id, u"pvi_3"_s)};
        QVERIFY(m_store->addTokens(tokens));
        TokenTableModel &model = reloaded();

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutAboutToBeChanged);
        Token token = tokens.at(1);
        token.name = u"renamed"_s;
        token.currentVersion = 3;
        QVERIFY(m_store->updateToken(token));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changedRange(changed, 0), QList<int>({1, 1, 0, Table::ColumnCount - 1}));
        QCOMPARE(cell(model, 1, Table::NameColumn).toString(), u"renamed"_s);
        QCOMPARE(cell(model, 1, Table::VersionColumn).toString(), u"v3"_s);
        QVERIFY(cell(model, 1, 0, Table::SearchTextRole).toString().startsWith(u"renamed"_s));
        QCOMPARE(cell(model, 0, Table::NameColumn).toString(), u"Ingest-pvi_1"_s);
        QCOMPARE(layout.count(), 0);
    }

    void removingATokenRemovesItsRow()
    {
        const Account account = addAccount(*m_store, u"Pangea"_s, ProviderKind::PangeaVault);
        QList<Token> tokens;
        for (int i = 1; i <= 4; ++i)
            tokens << sampleToken(account.id, u"pvi_%1"_s.arg(i));
        QVERIFY(m_store->addTokens(tokens));
        TokenTableModel &model = reloaded();

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(m_store->removeToken(tokens.at(1).id));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 1);
        QCOMPARE(removed.at(0).at(2).toInt(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOfToken(tokens.at(1).id), -1);
        // The rows below moved up, and the id index followed them.
        QCOMPARE(model.rowOfToken(tokens.at(2).id), 1);
        QCOMPARE(model.rowOfToken(tokens.at(3).id), 2);
        QCOMPARE(cell(model, 2, Table::NameColumn).toString(), u"Ingest-pvi_4"_s);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        Token last = tokens.at(3);
        last.name = u"last"_s;
        QVERIFY(m_store->updateToken(last));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changedRange(changed, 0), QList<int>({2, 2, 0, Table::ColumnCount - 1}));
        QCOMPARE(cell(model, 2, Table::NameColumn).toString(), u"last"_s);
    }

    void manyRemovalsKeepTheIndex()
    {
        // More removals than the model queues before renumbering, in a scattered order, with an
        // insertion in between: every row must still be found where it is.
        const Account account = addAccount(*m_store, u"Pangea"_s, ProviderKind::PangeaVault);
        QList<Token> tokens;
        for (int i = 0; i < 300; ++i)
            tokens << bareToken(account.id, u"pvi_%1"_s.arg(i));
        QVERIFY(m_store->addTokens(tokens));
        TokenTableModel &model = reloaded();

        const auto indexIsConsistent = [&model] {
            for (int row = 0; row < model.rowCount(); ++row) {
                if (model.rowOfToken(model.tokenAt(row)->id) != row)
                    return false;
            }
            return true;
        };
        QSet<qint64> removed;
        QSignalSpy removedSpy(&model, &QAbstractItemModel::rowsRemoved);
        for (int step = 0; step < 170; ++step) {
            const Token &victim = tokens.at((step * 131) % tokens.size());
            if (removed.contains(victim.id))
                continue;
            const int expectedRow = model.rowOfToken(victim.id);
            QCOMPARE(model.tokenAt(expectedRow)->id, victim.id);
            QVERIFY(m_store->removeToken(victim.id));
            removed.insert(victim.id);
            QCOMPARE(removedSpy.last().at(1).toInt(), expectedRow);
            QCOMPARE(model.rowOfToken(victim.id), -1);
            if (step == 40) {
                QVERIFY(indexIsConsistent());
                QList<Token> more {bareToken(account.id, u"late-1"_s), bareToken(account.id, u"late-2"_s)};
                QVERIFY(m_store->addTokens(more));
                QCOMPARE(model.rowOfToken(more.at(1).id), model.rowCount() - 1);
            }
        }
        QCOMPARE(model.rowCount(), 302 - removed.size());
        QVERIFY(indexIsConsistent());
        // The table order is still the store's order.
        const QList<Token> stored = m_store->tokens();
        QCOMPARE(stored.size(), model.rowCount());
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.tokenAt(row)->id, stored.at(row).id);
    }

    void renamingAnAccountUpdatesItsRows()
    {
        const Account a = addAccount(*m_store, u"Team A"_s, ProviderKind::PangeaVault);
        const Account b = addAccount(*m_store, u"Team B"_s, ProviderKind::Dynatrace);
        QList<Token> tokens {
            sampleToken(a.id, u"1"_s), sampleToken(a.id, u"2"_s), sampleToken(b.id, u"3"_s), sampleToken(a.id, u"4"_s)};
        QVERIFY(m_store->addTokens(tokens));
        TokenTableModel &model = reloaded();

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        Account renamed = a;
        renamed.displayName = u"Platform Team"_s;
        renamed.kind = ProviderKind::Glean;
        QVERIFY(m_store->updateAccount(renamed));

        // One dataChanged per contiguous run of the account's rows, provider and account columns only.
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changedRange(changed, 0), QList<int>({0, 1, Table::ProviderColumn, Table::AccountColumn}));
        QCOMPARE(changedRange(changed, 1), QList<int>({3, 3, Table::ProviderColumn, Table::AccountColumn}));
        for (int row : {0, 1, 3}) {
            QCOMPARE(cell(model, row, Table::AccountColumn).toString(), u"Platform Team"_s);
            QCOMPARE(cell(model, row, Table::ProviderColumn).toString(), u"Glean"_s);
            QCOMPARE(cell(model, row, Table::AccountColumn, Table::RawValueRole).toString(), u"platform team"_s);
            QVERIFY(cell(model, row, 0, Table::SearchTextRole).toString().contains(u"platform team"_s));
            QVERIFY(!cell(model, row, 0, Table::SearchTextRole).toString().contains(u"team a"_s));
        }
        QCOMPARE(cell(model, 2, Table::AccountColumn).toString(), u"Team B"_s);
        QCOMPARE(cell(model, 2, Table::ProviderColumn).toString(), u"Dynatrace"_s);
    }

    void removingAnAccountRemovesItsRows()
    {
        const Account a = addAccount(*m_store, u"Team A"_s, ProviderKind::PangeaVault);
        const Account b = addAccount(*m_store, u"Team B"_s, ProviderKind::Dynatrace);
        QList<Token> tokens {sampleToken(a.id, u"1"_s), sampleToken(b.id, u"2"_s), sampleToken(a.id, u"3"_s)};
        QVERIFY(m_store->addTokens(tokens));
        TokenTableModel &model = reloaded();

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(m_store->removeAccount(a.id));
        QCOMPARE(removed.count(), 2);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.tokenAt(0)->id, tokens.at(1).id);
        QCOMPARE(model.rowOfToken(tokens.at(1).id), 0);
    }

    void timeColumnsFollowTheClock()
    {
        const Account account = addAccount(*m_store, u"Pangea"_s, ProviderKind::PangeaVault);
        Token token = sampleToken(account.id, u"pvi_1"_s); // next rotation 3 Apr 08:30 UTC
        QVERIFY(m_store->addToken(token));
        TokenTableModel &model = reloaded();
        QCOMPARE(cell(model, 0, Table::AgeColumn).toString(), u"12 days"_s);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        m_clock.set(QDateTime(QDate(2026, 3, 30), QTime(8, 30), QTimeZone::utc()));
        model.refreshTimeColumns();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changedRange(changed, 0), QList<int>({0, 0, Table::AgeColumn, Table::DueInColumn}));
        const auto roles = changed.at(0).at(2).value<QList<int>>();
        QVERIFY(roles.contains(Qt::DisplayRole));
        QVERIFY(roles.contains(Table::DueStateRole));
        QCOMPARE(cell(model, 0, Table::AgeColumn).toString(), u"29 days"_s);
        // 3 Apr 08:30 is four days away; a day after it, it is overdue by one.
        QCOMPARE(cell(model, 0, Table::DueInColumn).toString(), u"in 4 days"_s);
        QCOMPARE(cell(model, 0, Table::DueInColumn, TokenTableModel::RawValueRole).toLongLong(), 4 * 86400);
        m_clock.set(QDateTime(QDate(2026, 4, 4), QTime(8, 30), QTimeZone::utc()));
        QCOMPARE(cell(model, 0, Table::DueInColumn).toString(), u"overdue by 1 day"_s);
        m_clock.set(QDateTime(QDate(2026, 3, 30), QTime(8, 30), QTimeZone::utc()));
        QCOMPARE(cell(model, 0, 0, Table::DueStateRole).value<DueState>(), DueState::DueSoon);
        m_clock.advanceDays(5);
        QCOMPARE(cell(model, 0, 0, Table::DueStateRole).value<DueState>(), DueState::Overdue);
    }

    void reloadAfterIncrementalAddsReadsEachTokenOnce()
    {
        const Account account = addAccount(*m_store, u"Pangea"_s, ProviderKind::PangeaVault);
        TokenTableModel &model = reloaded();
        QList<Token> two {sampleToken(account.id, u"a"_s), sampleToken(account.id, u"b"_s)};
        QVERIFY(m_store->addTokens(two));
        reloaded();
        QCOMPARE(m_resets->count(), 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOfToken(two.at(1).id), 1);
        // Tokens the model already shows are not inserted twice (a late duplicate signal).
        Q_EMIT m_store->tokensAdded(two);
        QCOMPARE(model.rowCount(), 2);
    }

private:
    TokenTableModel &reloaded()
    {
        ++m_reloads;
        m_model->reload();
        return *m_model;
    }

    EnglishPlurals m_plurals;
    MockClock m_clock;
    std::unique_ptr<TempWorkspace> m_workspace;
    std::unique_ptr<WorkspaceStore> m_store;
    std::unique_ptr<TokenTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QSignalSpy> m_resets;
    int m_reloads = 0;
};

QTEST_GUILESS_MAIN(TestTokenTableModel)
#include "testtokentablemodel.moc"
