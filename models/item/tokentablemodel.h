// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../domain/providerkind.h"
#include "../domain/rotationdue.h"
#include "../domain/token.h"

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
// RawValueRole is the sortable value for TokenSortFilterModel (UTC dates, numbers, case-folded
// text; unknown values are an invalid QVariant). Time-dependent columns (age, due state) change
// as the clock moves: a view calls refreshTimeColumns() from a timer, e.g. once a minute.
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
    // Orders two rows by `column` as RawValueRole would, without QVariant (sorting 100,000 rows
    // makes about two million comparisons): negative, zero or positive. A row whose value is
    // unknown sets its flag and the result is then meaningless; the caller places it.
    int compareRaw(int leftRow, int rightRow, int column, bool *leftKnown, bool *rightKnown) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The date conventions of every TokenDesk table, shared by the other item models so that all
    // of them read alike: local time in the locale's short format, the tooltip adds UTC.
    static QString dateText(const QDateTime &when, const QString &whenUnknown);
    static QString dateToolTip(const QDateTime &when);
    static QVariant dateRawValue(const QDateTime &when);
    // "12 days", "3 hours", "5 minutes": the coarsest unit that is at least one.
    static QString ageText(qint64 seconds);
    // "in 3 days", "overdue by 2 hours", "now".
    static QString dueInText(qint64 secondsUntilDue);

public Q_SLOTS:
    // Announces that the time-dependent columns (age, next rotation's due state) changed.
    void refreshTimeColumns();

private:
    // Everything data() needs besides the token, computed once per change so that sorting and
    // filtering 100,000 rows never formats, folds case or does calendar arithmetic per call.
    struct Row
    {
        Token token;
        QString nameKey; // case-folded name: the raw value of NameColumn
        QString searchText; // SearchTextRole
        QDateTime nextDue; // RotationDue::nextDue(), which does not depend on "now"
    };
    struct AccountInfo
    {
        QString name;
        QString nameKey;
        ProviderKind kind = ProviderKind::PangeaVault;
        QString providerName;
        QString providerKey;
    };

    static constexpr qsizetype MaxPendingRemovals = 64;

    static AccountInfo accountInfoOf(const Account &account);
    Row makeRow(const Token &token) const;
    static Row buildRow(const Token &token, const QHash<qint64, AccountInfo> &accounts);
    void renumberRows();
    static QString searchTextOf(const Token &token, const QHash<qint64, AccountInfo> &accounts);
    const AccountInfo *accountOf(const Token &token) const;
    QVariant displayValue(const Row &row, int column) const;
    QVariant rawValue(const Row &row, int column) const;
    QVariant toolTip(const Row &row, int column) const;

    void onAccountChanged(const Account &account);
    void onAccountRemoved(qint64 accountId);
    void onTokensAdded(const QList<Token> &tokens);
    void onTokenChanged(const Token &token);
    void onTokenRemoved(qint64 tokenId);

    QPointer<WorkspaceStore> m_store;
    const Clock &m_clock;
    // Rows live on the heap so that removing one moves pointers, not 100,000 tokens.
    std::vector<std::unique_ptr<Row>> m_rows;
    // token id -> row as of the last renumberRows(); rowOfToken() applies the removals since.
    QHash<qint64, int> m_rowOfToken;
    QList<int> m_removedSince; // rows removed since the last renumbering, in order
    QHash<qint64, AccountInfo> m_accounts; // account id -> names shown in the rows
};
