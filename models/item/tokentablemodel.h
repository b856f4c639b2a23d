// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../domain/providerkind.h"
#include "../domain/rotationdue.h"
#include "../domain/token.h"
#include "tokenrow.h"
#include "tokenrowsorter.h"
#include "tokensortkey.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>

#include <memory>
#include <optional>
#include <vector>

class Clock;
class WorkspaceStore;
struct Account;

// The main window's token list: one row per token of the workspace, with its account and
// provider, state, current version, age, expiry and next rotation. Call reload() once after the
// store is opened; from then on the model follows the store's signals row by row (insert,
// dataChanged, remove), so selections and scroll positions survive edits and a 100,000-token
// workspace never rebuilds. DisplayRole is formatted for people (local time, translated);
// RawValueRole is the sortable value (UTC dates, numbers, case-folded text; unknown values are an
// invalid QVariant). The model keeps its rows sorted itself (sort(), which TokenSortFilterModel
// forwards to): a large table is ordered on a worker thread and rearranged in one layout change,
// and a row whose edit puts it out of place is moved by the next such sort. Time-dependent columns
// (age, due state) change as the clock moves: a view calls refreshTimeColumns() from a timer.
class TokenTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenTableModel)

public:
    enum Column {
        NameColumn,
        ProviderColumn,
        AccountColumn,
        StateColumn,
        VersionColumn,
        AgeColumn,
        ExpiresColumn,
        NextRotationColumn,
        DueInColumn, // "in 3 days", "overdue by 2 days"; sorts by seconds until due
        PolicyColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole,
        TokenIdRole, // qint64
        AccountIdRole, // qint64
        ProviderKindRole, // ProviderKind; invalid when the account is unknown
        TokenStateRole, // TokenState
        DueStateRole, // DueState, against the clock's "now"
        SearchTextRole, // case-folded name, provider, account, owner, scopes and provider id
    };
    Q_ENUM(Role)

    // `store` must outlive the model or be destroyed with it; `clock` must outlive the model.
    TokenTableModel(WorkspaceStore *store, const Clock &clock, QObject *parent = nullptr);
    ~TokenTableModel() override;

    // Reads all accounts and tokens from the store: the only full reset this model does.
    void reload();
    // The same from tokens already read (the main window reads them once for all its models).
    void reload(const QList<Token> &tokens);
    // The same in two halves, for 100,000 tokens without a frozen window: prepare() builds the
    // rows on any thread (it touches no model state), adopt() shows them in one cheap reset on
    // the model's thread. Changes the store signals in between must be applied again after.
    struct PreparedRows;
    static std::shared_ptr<PreparedRows> prepare(const QList<Account> &accounts, const QList<Token> &tokens);
    void adopt(const std::shared_ptr<PreparedRows> &prepared);
    // Brings these tokens up to date from the store: added, changed or removed as it has them.
    void reapply(const QSet<qint64> &tokenIds);

    std::optional<Token> tokenAt(int row) const;
    QList<Token> tokens() const; // every row's token, in row order
    struct TokenDue
    {
        qint64 tokenId;
        qint64 accountId;
        DueState state;
    };
    // Every token's due state now, from the cached due times: cheap enough for a minute timer.
    QList<TokenDue> dueStates() const;
    int rowOfToken(qint64 tokenId) const; // -1 when the token is not in the model
    // What TokenSortFilterModel's filters test, read without QVariant round trips: filtering
    // 100,000 rows calls this once per row. Pointers stay valid until the model changes.
    struct FilterKeys
    {
        qint64 tokenId;
        qint64 accountId;
        TokenState state;
        std::optional<ProviderKind> kind;
        const QDateTime *nextDue;
        const QString *searchText;
    };
    FilterKeys filterKeys(int row) const;
    // Sorts the rows by `column` as RawValueRole orders it (TokenRowSorter::lessThan). From
    // TokenRowSorter::DefaultBackgroundRows rows on, the order is computed on a worker thread and
    // applied later in one layoutChanged(); isSorting() is true until then.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    bool isSorting() const;
    void setBackgroundSortRows(int rows); // tests use a small table

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

public Q_SLOTS:
    // Announces that the time-dependent columns (age, next rotation's due state) changed.
    void refreshTimeColumns();

private:
    static constexpr qsizetype MaxPendingRemovals = 64;

    void renumberRows();
    bool isInSortedPlace(int row) const;
    void requestSort();
    void applyOrder(quint64 generation, TokenRowSorter::Sorted &sorted);
    const TokenRowAccount *accountOf(const Token &token) const;

    void onAccountChanged(const Account &account);
    void onAccountRemoved(qint64 accountId);
    void onTokensAdded(const QList<Token> &tokens);
    void onTokenChanged(const Token &token);
    void onTokenRemoved(qint64 tokenId);

    QPointer<WorkspaceStore> m_store;
    const Clock &m_clock;
    // Rows live on the heap so that removing one moves pointers, not 100,000 tokens. They are
    // never changed in place, only replaced, and the list is implicitly shared: a sort hands the
    // worker thread a copy in O(1), and only a change made while it reads makes the list detach.
    // Read it through at() or std::as_const so that reading never detaches.
    using RowPtr = std::shared_ptr<const TokenRow>;
    QList<RowPtr> m_rows;
    // token id -> row as of the last renumberRows(); rowOfToken() applies the removals since.
    QHash<qint64, int> m_rowOfToken;
    QList<int> m_removedSince; // rows removed since the last renumbering, in order
    TokenRow::Accounts m_accounts; // account id -> names shown in the rows
    TokenRowSorter *m_sorter;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    quint64 m_layoutGeneration = 0; // counts row insertions, removals, resets and reorders
    bool m_sortAgain = false; // a sort is running on keys that have changed since
};
