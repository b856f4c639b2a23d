// SPDX-License-Identifier: GPL-3.0-or-later
// TokenRowSorter's order, and the token table sorting itself on a worker thread: the order is
// applied in one layout change, selections follow their tokens, and rows that change while the
// worker sorts are sorted again rather than placed by stale keys.
#include "item/tokenrowsorter.h"
#include "item/tokensortfiltermodel.h"
#include "item/tokentablemodel.h"
#include "mockclock.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

const QDateTime t0(QDate(2026, 3, 1), QTime(8, 30), QTimeZone::utc());

TokenSortKey numberKey(qint64 tokenId, qint64 number)
{
    return {tokenId, true, number, {}};
}

TokenSortKey unknownKey(qint64 tokenId)
{
    return {tokenId, false, 0, {}};
}

QStringList names(const QAbstractItemModel &model)
{
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown << model.index(row, TokenTableModel::NameColumn).data().toString();
    return shown;
}

} // namespace

class TestTokenRowSorter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_workspace = std::make_unique<TempWorkspace>();
        m_store = std::make_unique<WorkspaceStore>();
        QVERIFY2(m_store->open(m_workspace->path()), qPrintable(m_store->errorString()));
        Account account;
        account.kind = ProviderKind::Dynatrace;
        account.displayName = u"Dynatrace"_s;
        account.credential = SecretRef::keychain(u"tokendesk/test/dynatrace"_s);
        QVERIFY(m_store->addAccount(account));
        m_accountId = account.id;
    }

    void cleanup()
    {
        m_store.reset();
        m_workspace.reset();
    }

    void unknownValuesLastAndTiesByIdInBothOrders()
    {
        const std::vector<TokenSortKey> keys {
            numberKey(5, 20), unknownKey(3), numberKey(1, 10), numberKey(2, 20), unknownKey(4)};
        // Ascending: 10, 20 (id 2, id 5), then unknowns by id.
        QCOMPARE(TokenRowSorter::order(keys, Qt::AscendingOrder), (std::vector<int> {2, 3, 0, 1, 4}));
        // Descending reverses values and ties, but unknown values stay last.
        QCOMPARE(TokenRowSorter::order(keys, Qt::DescendingOrder), (std::vector<int> {0, 3, 2, 4, 1}));
    }

    void textKeysCompareCaseFoldedText()
    {
        const std::vector<TokenSortKey> keys {
            {1, true, 0, u"metrics"_s}, {2, true, 0, u"api"_s}, {3, true, 0, u"ci"_s}};
        QCOMPARE(TokenRowSorter::order(keys, Qt::AscendingOrder), (std::vector<int> {1, 2, 0}));
    }

    void aLargeTableSortsOnAWorkerAndKeepsTheSelection()
    {
        addTokens({u"delta"_s, u"alpha"_s, u"echo"_s, u"charlie"_s, u"bravo"_s});
        TokenTableModel source(m_store.get(), m_clock);
        source.setBackgroundSortRows(3); // five rows count as large here
        source.reload();
        TokenSortFilterModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QItemSelectionModel selection(&proxy);
        selection.setCurrentIndex(proxy.index(2, 0), QItemSelectionModel::SelectCurrent | QItemSelectionModel::Rows);
        QSignalSpy layout(&source, &QAbstractItemModel::layoutChanged);

        proxy.sort(TokenTableModel::NameColumn, Qt::AscendingOrder);
        // sort() returned at once; the rows have not moved yet.
        QVERIFY(source.isSorting());
        QCOMPARE(names(proxy), QStringList({u"delta"_s, u"alpha"_s, u"echo"_s, u"charlie"_s, u"bravo"_s}));
        QTRY_VERIFY(!source.isSorting());
        QCOMPARE(layout.count(), 1); // one layout change, no reset
        QCOMPARE(names(proxy), QStringList({u"alpha"_s, u"bravo"_s, u"charlie"_s, u"delta"_s, u"echo"_s}));
        QCOMPARE(source.sortColumn(), int(TokenTableModel::NameColumn));
        // The selected token ("echo") is still the selected and current one.
        QCOMPARE(selection.currentIndex().row(), 4);
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().constFirst().data().toString(), u"echo"_s);
    }

    void rowsChangedDuringASortAreSortedAgain()
    {
        const QList<Token> tokens = addTokens({u"delta"_s, u"alpha"_s, u"echo"_s, u"charlie"_s, u"bravo"_s});
        TokenTableModel source(m_store.get(), m_clock);
        source.setBackgroundSortRows(3);
        source.reload();
        TokenSortFilterModel proxy;
        proxy.setSourceModel(&source);
        proxy.sort(TokenTableModel::NameColumn, Qt::AscendingOrder);
        QVERIFY(source.isSorting());
        // While the worker sorts the old keys: one token renamed, one added, one removed.
        Token renamed = tokens.at(1);
        renamed.name = u"zulu"_s;
        QVERIFY(m_store->updateToken(renamed));
        addTokens({u"aardvark"_s});
        QVERIFY(m_store->removeToken(tokens.at(3).id));
        QTRY_VERIFY(!source.isSorting());
        QCOMPARE(names(proxy), QStringList({u"aardvark"_s, u"bravo"_s, u"delta"_s, u"echo"_s, u"zulu"_s}));
    }

    void anEditedTokenMovesToItsPlace()
    {
        const QList<Token> tokens = addTokens({u"alpha"_s, u"bravo"_s, u"charlie"_s, u"delta"_s});
        TokenTableModel source(m_store.get(), m_clock);
        source.setBackgroundSortRows(3);
        source.reload();
        source.sort(TokenTableModel::NameColumn, Qt::DescendingOrder);
        QTRY_VERIFY(!source.isSorting());
        QCOMPARE(names(source), QStringList({u"delta"_s, u"charlie"_s, u"bravo"_s, u"alpha"_s}));
        QSignalSpy layout(&source, &QAbstractItemModel::layoutChanged);
        // A change that keeps the order starts no sort.
        Token owner = tokens.at(2);
        owner.owner = u"someone@example.com"_s;
        QVERIFY(m_store->updateToken(owner));
        QVERIFY(!source.isSorting());
        Token renamed = tokens.at(0);
        renamed.name = u"echo"_s;
        QVERIFY(m_store->updateToken(renamed));
        QVERIFY(source.isSorting());
        QTRY_VERIFY(!source.isSorting());
        QCOMPARE(names(source), QStringList({u"echo"_s, u"delta"_s, u"charlie"_s, u"bravo"_s}));
        QCOMPARE(layout.count(), 1);
    }

private:
    QList<Token> addTokens(const QStringList &tokenNames)
    {
        QList<Token> tokens;
        for (const QString &name : tokenNames) {
            Token token;
            token.accountId = m_accountId;
            token.providerId = u"id-"_s + name;
            token.name = name;
            token.createdAt = t0;
            tokens << token;
        }
        if (!m_store->addTokens(tokens))
            qFatal("cannot add tokens: %s", qPrintable(m_store->errorString()));
        return tokens; // with their ids
    }

    MockClock m_clock {t0};
    std::unique_ptr<TempWorkspace> m_workspace;
    std::unique_ptr<WorkspaceStore> m_store;
    qint64 m_accountId = 0;
};

QTEST_GUILESS_MAIN(TestTokenRowSorter)
#include "testtokenrowsorter.moc"
