// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokentablemodel.h"

#include "../domain/clock.h"
#include "../domain/rotationdue.h"
#include "../store/workspacestore.h"
#include "tokenrowsorter.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

TokenTableModel::TokenTableModel(WorkspaceStore *store, const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_clock(clock)
    , m_sorter(new TokenRowSorter(
          [this](quint64 generation, TokenRowSorter::Sorted &sorted) { applyOrder(generation, sorted); }, this))
{
    Q_ASSERT(store);
    // accountAdded only extends the name cache; the rows of a new account arrive with tokensAdded.
    connect(store, &WorkspaceStore::accountAdded, this, &TokenTableModel::onAccountChanged);
    connect(store, &WorkspaceStore::accountChanged, this, &TokenTableModel::onAccountChanged);
    connect(store, &WorkspaceStore::accountRemoved, this, &TokenTableModel::onAccountRemoved);
    connect(store, &WorkspaceStore::tokensAdded, this, &TokenTableModel::onTokensAdded);
    connect(store, &WorkspaceStore::tokenChanged, this, &TokenTableModel::onTokenChanged);
    connect(store, &WorkspaceStore::tokenRemoved, this, &TokenTableModel::onTokenRemoved);
}

TokenTableModel::~TokenTableModel() = default;

void TokenTableModel::reload()
{
    reload(m_store ? m_store->tokens() : QList<Token>());
}

struct TokenTableModel::PreparedRows
{
    TokenRow::Accounts accounts;
    QList<RowPtr> rows;
    QHash<qint64, int> rowOfToken;
};

std::shared_ptr<TokenTableModel::PreparedRows> TokenTableModel::prepare(
    const QList<Account> &accounts, const QList<Token> &tokens)
{
    auto prepared = std::make_shared<PreparedRows>();
    for (const Account &account : accounts)
        prepared->accounts.insert(account.id, TokenRowAccount::of(account));
    prepared->rows.reserve(tokens.size());
    prepared->rowOfToken.reserve(tokens.size());
    for (const Token &token : tokens) {
        prepared->rowOfToken.insert(token.id, int(prepared->rows.size()));
        prepared->rows.push_back(std::make_shared<const TokenRow>(token, prepared->accounts));
    }
    return prepared;
}

void TokenTableModel::adopt(const std::shared_ptr<PreparedRows> &prepared)
{
    beginResetModel();
    m_accounts = std::move(prepared->accounts);
    m_rows = std::move(prepared->rows);
    m_rowOfToken = std::move(prepared->rowOfToken);
    m_removedSince.clear();
    ++m_layoutGeneration;
    endResetModel();
    requestSort();
}

void TokenTableModel::reapply(const QSet<qint64> &tokenIds)
{
    QList<Token> added;
    for (qint64 id : tokenIds) {
        const std::optional<Token> token = m_store ? m_store->token(id) : std::nullopt;
        if (!token)
            onTokenRemoved(id);
        else if (rowOfToken(id) < 0)
            added << *token;
        else
            onTokenChanged(*token);
    }
    if (!added.isEmpty())
        onTokensAdded(added);
}

void TokenTableModel::reload(const QList<Token> &tokens)
{
    beginResetModel();
    m_rows.clear();
    m_rowOfToken.clear();
    m_removedSince.clear();
    m_accounts.clear();
    if (m_store) {
        const QList<Account> accounts = m_store->accounts();
        for (const Account &account : accounts)
            m_accounts.insert(account.id, TokenRowAccount::of(account));
        m_rows.reserve(tokens.size());
        m_rowOfToken.reserve(tokens.size());
        for (const Token &token : tokens) {
            m_rowOfToken.insert(token.id, int(m_rows.size()));
            m_rows.push_back(std::make_shared<const TokenRow>(token, m_accounts));
        }
    }
    ++m_layoutGeneration;
    endResetModel();
    requestSort();
}

std::optional<Token> TokenTableModel::tokenAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    return m_rows.at(row)->token;
}

QList<Token> TokenTableModel::tokens() const
{
    QList<Token> result;
    result.reserve(qsizetype(m_rows.size()));
    for (const auto &row : std::as_const(m_rows))
        result.append(row->token);
    return result;
}

TokenTableModel::FilterKeys TokenTableModel::filterKeys(int row) const
{
    const TokenRow &r = *m_rows.at(row);
    const TokenRowAccount *account = accountOf(r.token);
    return {r.token.id, r.token.accountId, r.token.state, account ? std::optional(account->kind) : std::nullopt,
        &r.nextDue, &r.searchText};
}

void TokenTableModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    requestSort();
}

bool TokenTableModel::isSorting() const
{
    return m_sorter->isBusy();
}

void TokenTableModel::setBackgroundSortRows(int rows)
{
    m_sorter->setBackgroundRows(rows);
}

void TokenTableModel::requestSort()
{
    if (m_sortColumn < 0 || m_sortColumn >= ColumnCount)
        return;
    if (m_sorter->isBusy()) {
        m_sortAgain = true; // the running sort's keys are out of date; sort again when it ends
        return;
    }
    m_sortAgain = false;
    // The keys are taken where the sort runs: a large table's rows are read on the worker thread,
    // from this copy of the row list (rows are replaced, never changed, so the copy stays valid).
    auto keys = [rows = m_rows, accounts = m_accounts, column = m_sortColumn] {
        std::vector<TokenSortKey> read;
        read.reserve(rows.size());
        for (const RowPtr &row : std::as_const(rows)) {
            const auto account = accounts.constFind(row->token.accountId);
            read.push_back(row->sortKey(column, account == accounts.cend() ? nullptr : &account.value()));
        }
        return read;
    };
    m_sorter->sort(std::move(keys), qsizetype(m_rows.size()), m_sortOrder, m_layoutGeneration);
}

bool TokenTableModel::isInSortedPlace(int row) const
{
    if (m_sortColumn < 0 || m_sortColumn >= ColumnCount)
        return true;
    const auto keyOf = [this](int r) {
        const TokenRow &other = *m_rows.at(r);
        return other.sortKey(m_sortColumn, accountOf(other.token));
    };
    const TokenSortKey key = keyOf(row);
    if (row > 0 && TokenRowSorter::lessThan(key, keyOf(row - 1), m_sortOrder))
        return false;
    return row + 1 >= rowCount() || !TokenRowSorter::lessThan(keyOf(row + 1), key, m_sortOrder);
}

void TokenTableModel::applyOrder(quint64 generation, TokenRowSorter::Sorted &sorted)
{
    std::vector<int> &order = sorted.order;
    if (m_sortAgain || generation != m_layoutGeneration || qsizetype(order.size()) != m_rows.size()) {
        requestSort(); // rows came, went or changed while the worker sorted: their order is stale
        return;
    }
    bool unchanged = true;
    for (size_t k = 0; k < order.size() && unchanged; ++k)
        unchanged = order[k] == int(k);
    if (unchanged)
        return;
    // At 100,000 rows, reading every row or allocating a second row list costs more than all the
    // rest, so the rows are permuted in place, cycle by cycle, and only persistent rows are read.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &index : before) {
        const qint64 tokenId = m_rows.at(index.row())->token.id;
        after << this->index(sorted.rowOfToken.value(tokenId), index.column());
    }
    for (int start = 0; start < int(order.size()); ++start) {
        if (order[size_t(start)] < 0 || order[size_t(start)] == start)
            continue;
        RowPtr first = std::move(m_rows[start]);
        int to = start;
        while (order[size_t(to)] != start) {
            const int from = order[size_t(to)];
            m_rows[to] = std::move(m_rows[from]);
            order[size_t(to)] = -1; // placed
            to = from;
        }
        m_rows[to] = std::move(first);
        order[size_t(to)] = -1;
    }
    m_rowOfToken = sorted.rowOfToken;
    m_removedSince.clear();
    changePersistentIndexList(before, after);
    ++m_layoutGeneration;
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

QList<TokenTableModel::TokenDue> TokenTableModel::dueStates() const
{
    const QDateTime now = m_clock.nowUtc();
    QList<TokenDue> result;
    result.reserve(qsizetype(m_rows.size()));
    for (const auto &row : std::as_const(m_rows))
        result.append({row->token.id, row->token.accountId, RotationDue::dueStateFor(row->token, row->nextDue, now)});
    return result;
}

int TokenTableModel::rowOfToken(qint64 tokenId) const
{
    const auto it = m_rowOfToken.constFind(tokenId);
    if (it == m_rowOfToken.cend())
        return -1;
    // Shift through the removals since the last renumbering, in the order they happened.
    int row = it.value();
    for (int removed : m_removedSince) {
        if (row > removed)
            --row;
    }
    return row;
}

int TokenTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TokenTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TokenTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TokenRow &row = *m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return row.display(column, accountOf(row.token), m_clock.nowUtc());
    case Qt::ToolTipRole:
        return row.toolTip(column);
    case Qt::TextAlignmentRole:
        if (column == VersionColumn || column == AgeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawValueRole:
        return row.raw(column, accountOf(row.token), m_clock.nowUtc());
    case TokenIdRole:
        return row.token.id;
    case AccountIdRole:
        return row.token.accountId;
    case ProviderKindRole:
        if (const TokenRowAccount *account = accountOf(row.token))
            return QVariant::fromValue(account->kind);
        return {};
    case TokenStateRole:
        return QVariant::fromValue(row.token.state);
    case DueStateRole:
        return QVariant::fromValue(RotationDue::dueStateFor(row.token, row.nextDue, m_clock.nowUtc()));
    case SearchTextRole:
        return row.searchText;
    default:
        return {};
    }
}

QVariant TokenTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ProviderColumn:
        return tr("Provider");
    case AccountColumn:
        return tr("Account");
    case StateColumn:
        return tr("State");
    case VersionColumn:
        return tr("Version");
    case AgeColumn:
        return tr("Age");
    case ExpiresColumn:
        return tr("Expires");
    case NextRotationColumn:
        return tr("Next rotation");
    case DueInColumn:
        return tr("Due");
    case PolicyColumn:
        return tr("Policy");
    default:
        return {};
    }
}

QHash<int, QByteArray> TokenTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RawValueRole, "rawValue");
    names.insert(TokenIdRole, "tokenId");
    names.insert(AccountIdRole, "accountId");
    names.insert(ProviderKindRole, "providerKind");
    names.insert(TokenStateRole, "tokenState");
    names.insert(DueStateRole, "dueState");
    names.insert(SearchTextRole, "searchText");
    return names;
}

void TokenTableModel::refreshTimeColumns()
{
    if (m_rows.empty())
        return;
    // Age and due state move with the clock; expiry and next rotation dates do not, but the
    // columns are adjacent and one range is cheaper for views than three.
    Q_EMIT dataChanged(index(0, AgeColumn), index(int(m_rows.size()) - 1, DueInColumn),
        {Qt::DisplayRole, Qt::ToolTipRole, RawValueRole, DueStateRole});
}

const TokenRowAccount *TokenTableModel::accountOf(const Token &token) const
{
    const auto it = m_accounts.constFind(token.accountId);
    return it == m_accounts.cend() ? nullptr : &it.value();
}

void TokenTableModel::onAccountChanged(const Account &account)
{
    m_accounts.insert(account.id, TokenRowAccount::of(account));
    // One pass over the rows (a rare event); dataChanged per contiguous run of the account's rows,
    // limited to the provider and account columns, which are adjacent.
    static_assert(AccountColumn == ProviderColumn + 1);
    int runStart = -1;
    const int count = int(m_rows.size());
    for (int r = 0; r <= count; ++r) {
        const bool matches = r < count && m_rows.at(r)->token.accountId == account.id;
        if (matches) {
            auto row = std::make_shared<TokenRow>(*m_rows.at(r));
            row->searchText = TokenRow::searchTextOf(row->token, m_accounts);
            m_rows[r] = std::move(row);
            if (runStart < 0)
                runStart = r;
        } else if (runStart >= 0) {
            // All roles: the search text and provider kind change along with the display text.
            Q_EMIT dataChanged(index(runStart, ProviderColumn), index(r - 1, AccountColumn));
            runStart = -1;
        }
    }
    if (m_sortColumn == ProviderColumn || m_sortColumn == AccountColumn)
        requestSort();
}

void TokenTableModel::onAccountRemoved(qint64 accountId)
{
    // The store announces the account's tokens as removed before the account itself.
    m_accounts.remove(accountId);
}

void TokenTableModel::onTokensAdded(const QList<Token> &tokens)
{
    QList<TokenRow> fresh;
    fresh.reserve(tokens.size());
    QSet<qint64> seen;
    for (const Token &token : tokens) {
        // Tokens already shown (added before a reload() that read them) must not appear twice.
        if (token.id == 0 || m_rowOfToken.contains(token.id) || seen.contains(token.id))
            continue;
        seen.insert(token.id);
        fresh.append(TokenRow(token, m_accounts));
    }
    if (fresh.isEmpty())
        return;
    // New rows are numbered in today's coordinates, which the pending removals must not shift.
    renumberRows();
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (TokenRow &row : fresh) {
        m_rowOfToken.insert(row.token.id, int(m_rows.size()));
        m_rows.push_back(std::make_shared<const TokenRow>(std::move(row)));
    }
    ++m_layoutGeneration;
    endInsertRows();
    requestSort(); // new rows arrive at the end and move to their place
}

void TokenTableModel::onTokenChanged(const Token &token)
{
    const int row = rowOfToken(token.id);
    if (row < 0)
        return;
    m_rows[row] = std::make_shared<const TokenRow>(token, m_accounts);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (m_sorter->isBusy())
        m_sortAgain = true;
    else if (!isInSortedPlace(row))
        requestSort();
}

void TokenTableModel::onTokenRemoved(qint64 tokenId)
{
    const int row = rowOfToken(tokenId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    m_rowOfToken.remove(tokenId);
    // Renumbering every row below each removal costs O(rows) hash writes per token (3 ms at
    // 100,000 rows), and the store removes an account's tokens one signal at a time, so removing
    // an account of 25,000 tokens took over a minute. Removals are queued for rowOfToken() instead
    // and folded in once MaxPendingRemovals are waiting: amortised O(rows / 64) per removal.
    m_removedSince.append(row);
    if (m_removedSince.size() >= MaxPendingRemovals)
        renumberRows();
    ++m_layoutGeneration;
    endRemoveRows();
}

void TokenTableModel::renumberRows()
{
    if (m_removedSince.isEmpty())
        return;
    const int from = *std::min_element(m_removedSince.cbegin(), m_removedSince.cend());
    m_removedSince.clear();
    for (int r = from; r < rowCount(); ++r)
        m_rowOfToken[m_rows.at(r)->token.id] = r;
}
