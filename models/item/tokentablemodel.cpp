// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokentablemodel.h"

#include "../domain/clock.h"
#include "../domain/rotationdue.h"
#include "../store/workspacestore.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cstdlib>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

// Separates the fields of the search text: a search typed into a line edit never contains a
// newline, so a needle can never match across two fields.
constexpr QChar SearchFieldSeparator = u'\n';

} // namespace

TokenTableModel::TokenTableModel(WorkspaceStore *store, const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_clock(clock)
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
    QHash<qint64, AccountInfo> accounts;
    std::vector<std::unique_ptr<Row>> rows;
    QHash<qint64, int> rowOfToken;
};

std::shared_ptr<TokenTableModel::PreparedRows> TokenTableModel::prepare(
    const QList<Account> &accounts, const QList<Token> &tokens)
{
    auto prepared = std::make_shared<PreparedRows>();
    for (const Account &account : accounts)
        prepared->accounts.insert(account.id, accountInfoOf(account));
    prepared->rows.reserve(size_t(tokens.size()));
    prepared->rowOfToken.reserve(tokens.size());
    for (const Token &token : tokens) {
        prepared->rowOfToken.insert(token.id, int(prepared->rows.size()));
        prepared->rows.push_back(std::make_unique<Row>(buildRow(token, prepared->accounts)));
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
    endResetModel();
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
            m_accounts.insert(account.id, accountInfoOf(account));
        m_rows.reserve(tokens.size());
        m_rowOfToken.reserve(tokens.size());
        for (const Token &token : tokens) {
            m_rowOfToken.insert(token.id, int(m_rows.size()));
            m_rows.push_back(std::make_unique<Row>(makeRow(token)));
        }
    }
    endResetModel();
}

std::optional<Token> TokenTableModel::tokenAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    return m_rows[size_t(row)]->token;
}

QList<Token> TokenTableModel::tokens() const
{
    QList<Token> result;
    result.reserve(qsizetype(m_rows.size()));
    for (const auto &row : m_rows)
        result.append(row->token);
    return result;
}

TokenTableModel::FilterKeys TokenTableModel::filterKeys(int row) const
{
    const Row &r = *m_rows[size_t(row)];
    const AccountInfo *account = accountOf(r.token);
    return {r.token.id, r.token.accountId, r.token.state, account ? std::optional(account->kind) : std::nullopt,
        &r.nextDue, &r.searchText};
}

namespace {

template<typename T> int threeWay(const T &left, const T &right)
{
    return left < right ? -1 : (right < left ? 1 : 0);
}

} // namespace

int TokenTableModel::compareRaw(int leftRow, int rightRow, int column, bool *leftKnown, bool *rightKnown) const
{
    const Row &l = *m_rows[size_t(leftRow)];
    const Row &r = *m_rows[size_t(rightRow)];
    const auto dates = [&](const QDateTime &a, const QDateTime &b, int sign) {
        *leftKnown = a.isValid();
        *rightKnown = b.isValid();
        return *leftKnown && *rightKnown ? sign * threeWay(a, b) : 0;
    };
    const auto texts = [&](const QString *a, const QString *b) {
        *leftKnown = a != nullptr;
        *rightKnown = b != nullptr;
        return a && b ? a->compare(*b) : 0;
    };
    const AccountInfo *la = accountOf(l.token);
    const AccountInfo *ra = accountOf(r.token);
    switch (column) {
    case NameColumn:
        return texts(&l.nameKey, &r.nameKey);
    case ProviderColumn:
        return texts(la ? &la->providerKey : nullptr, ra ? &ra->providerKey : nullptr);
    case AccountColumn:
        return texts(la ? &la->nameKey : nullptr, ra ? &ra->nameKey : nullptr);
    case StateColumn:
        *leftKnown = *rightKnown = true;
        return threeWay(int(l.token.state), int(r.token.state));
    case VersionColumn:
        *leftKnown = l.token.currentVersion > 0;
        *rightKnown = r.token.currentVersion > 0;
        return threeWay(l.token.currentVersion, r.token.currentVersion);
    case AgeColumn:
        return dates(l.token.createdAt, r.token.createdAt, -1); // older first = larger age
    case ExpiresColumn:
        return dates(l.token.expiresAt, r.token.expiresAt, 1);
    case NextRotationColumn:
        return dates(l.nextDue, r.nextDue, 1);
    case DueInColumn: {
        const int order = dates(l.nextDue, r.nextDue, 1);
        *leftKnown = *leftKnown && l.token.state != TokenState::Revoked;
        *rightKnown = *rightKnown && r.token.state != TokenState::Revoked;
        return order;
    }
    case PolicyColumn:
        *leftKnown = !l.token.policy.isNull();
        *rightKnown = !r.token.policy.isNull();
        return *leftKnown && *rightKnown
            ? threeWay(l.token.policy.interval.nominalSeconds(), r.token.policy.interval.nominalSeconds())
            : 0;
    default:
        *leftKnown = *rightKnown = false;
        return 0;
    }
}

QList<TokenTableModel::TokenDue> TokenTableModel::dueStates() const
{
    const QDateTime now = m_clock.nowUtc();
    QList<TokenDue> result;
    result.reserve(qsizetype(m_rows.size()));
    for (const auto &row : m_rows)
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
    const Row &row = *m_rows[size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, column);
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case Qt::TextAlignmentRole:
        if (column == VersionColumn || column == AgeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawValueRole:
        return rawValue(row, column);
    case TokenIdRole:
        return row.token.id;
    case AccountIdRole:
        return row.token.accountId;
    case ProviderKindRole:
        if (const AccountInfo *account = accountOf(row.token))
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

QString TokenTableModel::dateText(const QDateTime &when, const QString &whenUnknown)
{
    if (!when.isValid())
        return whenUnknown;
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

QString TokenTableModel::dateToolTip(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    // Admins compare these with provider consoles and logs, which mostly show UTC.
    return tr("%1 (local time)\n%2 UTC")
        .arg(QLocale().toString(when.toLocalTime(), QLocale::LongFormat),
            when.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s));
}

QVariant TokenTableModel::dateRawValue(const QDateTime &when)
{
    // An invalid QVariant, not an invalid QDateTime: TokenSortFilterModel keeps those last.
    return when.isValid() ? QVariant(when.toUTC()) : QVariant();
}

QString TokenTableModel::dueInText(qint64 secondsUntilDue)
{
    if (std::abs(secondsUntilDue) < 60)
        return tr("now");
    const QString span = ageText(std::abs(secondsUntilDue));
    return secondsUntilDue > 0 ? tr("in %1").arg(span) : tr("overdue by %1").arg(span);
}

QString TokenTableModel::ageText(qint64 seconds)
{
    // A creation date slightly in the future (clock skew with the provider) reads as new.
    const qint64 clamped = std::max<qint64>(seconds, 0);
    if (clamped < 3600)
        return tr("%n minute(s)", nullptr, int(clamped / 60));
    if (clamped < 86400)
        return tr("%n hour(s)", nullptr, int(clamped / 3600));
    return tr("%n day(s)", nullptr, int(std::min<qint64>(clamped / 86400, std::numeric_limits<int>::max())));
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

TokenTableModel::AccountInfo TokenTableModel::accountInfoOf(const Account &account)
{
    const QString providerName = ProviderKindInfo::displayName(account.kind);
    return {account.displayName, account.displayName.toCaseFolded(), account.kind, providerName,
        providerName.toCaseFolded()};
}

TokenTableModel::Row TokenTableModel::makeRow(const Token &token) const
{
    return buildRow(token, m_accounts);
}

TokenTableModel::Row TokenTableModel::buildRow(const Token &token, const QHash<qint64, AccountInfo> &accounts)
{
    return {token, token.name.toCaseFolded(), searchTextOf(token, accounts), RotationDue::nextDue(token)};
}

QString TokenTableModel::searchTextOf(const Token &token, const QHash<qint64, AccountInfo> &accounts)
{
    QString text = token.name;
    const auto account = accounts.constFind(token.accountId);
    if (account != accounts.cend())
        text += SearchFieldSeparator + account->providerName + SearchFieldSeparator + account->name;
    text += SearchFieldSeparator + token.owner + SearchFieldSeparator + token.providerId;
    for (const QString &scope : token.scopes)
        text += SearchFieldSeparator + scope;
    return text.toCaseFolded();
}

const TokenTableModel::AccountInfo *TokenTableModel::accountOf(const Token &token) const
{
    const auto it = m_accounts.constFind(token.accountId);
    return it == m_accounts.cend() ? nullptr : &it.value();
}

QVariant TokenTableModel::displayValue(const Row &row, int column) const
{
    const Token &token = row.token;
    switch (column) {
    case NameColumn:
        return token.name;
    case ProviderColumn:
        if (const AccountInfo *account = accountOf(token))
            return account->providerName;
        return QString();
    case AccountColumn:
        if (const AccountInfo *account = accountOf(token))
            return account->name;
        return QString();
    case StateColumn:
        return TokenStateInfo::label(token.state);
    case VersionColumn:
        return token.currentVersion > 0 ? u"v%1"_s.arg(token.currentVersion) : QString();
    case AgeColumn:
        if (!token.createdAt.isValid())
            return tr("unknown");
        return ageText(token.createdAt.secsTo(m_clock.nowUtc()));
    case ExpiresColumn:
        return dateText(token.expiresAt, tr("never"));
    case NextRotationColumn:
        if (token.policy.isNull()) {
            // Without a policy nobody schedules a rotation, yet an expiry is still a deadline.
            if (!row.nextDue.isValid())
                return tr("manual");
            return tr("manual, before %1").arg(dateText(row.nextDue, {}));
        }
        return dateText(row.nextDue, tr("unknown"));
    case DueInColumn:
        if (!row.nextDue.isValid() || token.state == TokenState::Revoked)
            return QString();
        return dueInText(m_clock.nowUtc().secsTo(row.nextDue));
    case PolicyColumn:
        return token.policy.summary();
    default:
        return {};
    }
}

QVariant TokenTableModel::rawValue(const Row &row, int column) const
{
    const Token &token = row.token;
    switch (column) {
    case NameColumn:
        return row.nameKey;
    case ProviderColumn:
        if (const AccountInfo *account = accountOf(token))
            return account->providerKey;
        return {};
    case AccountColumn:
        if (const AccountInfo *account = accountOf(token))
            return account->nameKey;
        return {};
    case StateColumn:
        return int(token.state);
    case VersionColumn:
        return token.currentVersion > 0 ? QVariant(token.currentVersion) : QVariant();
    case AgeColumn:
        return token.createdAt.isValid() ? QVariant(token.createdAt.secsTo(m_clock.nowUtc())) : QVariant();
    case ExpiresColumn:
        return dateRawValue(token.expiresAt);
    case NextRotationColumn:
        return dateRawValue(row.nextDue);
    case DueInColumn:
        if (!row.nextDue.isValid() || token.state == TokenState::Revoked)
            return {};
        return m_clock.nowUtc().secsTo(row.nextDue);
    case PolicyColumn:
        // Nominal length (30-day months) orders "every 2 weeks" before "every 1 month".
        return token.policy.isNull() ? QVariant() : QVariant(token.policy.interval.nominalSeconds());
    default:
        return {};
    }
}

QVariant TokenTableModel::toolTip(const Row &row, int column) const
{
    const Token &token = row.token;
    switch (column) {
    case AgeColumn:
        return dateToolTip(token.createdAt);
    case ExpiresColumn:
        return dateToolTip(token.expiresAt);
    case NextRotationColumn:
    case DueInColumn:
        return dateToolTip(row.nextDue);
    case PolicyColumn: {
        const QStringList problems = token.policy.problems();
        QString text = token.policy.summary();
        if (!problems.isEmpty())
            text += u'\n' + problems.join(u'\n');
        return text;
    }
    default:
        return {};
    }
}

void TokenTableModel::onAccountChanged(const Account &account)
{
    m_accounts.insert(account.id, accountInfoOf(account));
    // One pass over the rows (a rare event); dataChanged per contiguous run of the account's rows,
    // limited to the provider and account columns, which are adjacent.
    static_assert(AccountColumn == ProviderColumn + 1);
    int runStart = -1;
    const int count = int(m_rows.size());
    for (int r = 0; r <= count; ++r) {
        const bool matches = r < count && m_rows[size_t(r)]->token.accountId == account.id;
        if (matches) {
            Row &row = *m_rows[size_t(r)];
            row.searchText = searchTextOf(row.token, m_accounts);
            if (runStart < 0)
                runStart = r;
        } else if (runStart >= 0) {
            // All roles: the search text and provider kind change along with the display text.
            Q_EMIT dataChanged(index(runStart, ProviderColumn), index(r - 1, AccountColumn));
            runStart = -1;
        }
    }
}

void TokenTableModel::onAccountRemoved(qint64 accountId)
{
    // The store announces the account's tokens as removed before the account itself.
    m_accounts.remove(accountId);
}

void TokenTableModel::onTokensAdded(const QList<Token> &tokens)
{
    QList<Row> fresh;
    fresh.reserve(tokens.size());
    QSet<qint64> seen;
    for (const Token &token : tokens) {
        // Tokens already shown (added before a reload() that read them) must not appear twice.
        if (token.id == 0 || m_rowOfToken.contains(token.id) || seen.contains(token.id))
            continue;
        seen.insert(token.id);
        fresh.append(makeRow(token));
    }
    if (fresh.isEmpty())
        return;
    // New rows are numbered in today's coordinates, which the pending removals must not shift.
    renumberRows();
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (Row &row : fresh) {
        m_rowOfToken.insert(row.token.id, int(m_rows.size()));
        m_rows.push_back(std::make_unique<Row>(std::move(row)));
    }
    endInsertRows();
}

void TokenTableModel::onTokenChanged(const Token &token)
{
    const int row = rowOfToken(token.id);
    if (row < 0)
        return;
    *m_rows[size_t(row)] = makeRow(token);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
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
    endRemoveRows();
}

void TokenTableModel::renumberRows()
{
    if (m_removedSince.isEmpty())
        return;
    const int from = *std::min_element(m_removedSince.cbegin(), m_removedSince.cend());
    m_removedSince.clear();
    for (int r = from; r < rowCount(); ++r)
        m_rowOfToken[m_rows[size_t(r)]->token.id] = r;
}
