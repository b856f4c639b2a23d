// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountlistmodel.h"

#include "../domain/clock.h"
#include "../domain/providerkind.h"
#include "../store/workspacestore.h"

#include <algorithm>

using namespace Qt::StringLiterals;

AccountListModel::AccountListModel(WorkspaceStore *store, const Clock &clock, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_clock(clock)
{
    connect(store, &WorkspaceStore::accountAdded, this, [this](const Account &account) {
        beginResetModel();
        m_rows.append({account, Health::Unknown, {}});
        sortRows();
        endResetModel();
    });
    connect(store, &WorkspaceStore::accountChanged, this, [this](const Account &account) {
        const int row = rowOfAccount(account.id);
        if (row < 1)
            return;
        beginResetModel(); // a rename can move it
        m_rows[row - 1].account = account;
        sortRows();
        endResetModel();
    });
    connect(store, &WorkspaceStore::accountRemoved, this, [this](qint64 accountId) {
        const int row = rowOfAccount(accountId);
        if (row < 1)
            return;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row - 1);
        endRemoveRows();
        // Its tokens' removals arrive one by one and are uncounted there.
    });
    connect(store, &WorkspaceStore::tokensAdded, this, &AccountListModel::onTokensAdded);
    connect(store, &WorkspaceStore::tokenChanged, this, &AccountListModel::onTokenChanged);
    connect(store, &WorkspaceStore::tokenRemoved, this, &AccountListModel::onTokenRemoved);
}

AccountListModel::~AccountListModel() = default;

void AccountListModel::reload()
{
    reload(m_store->tokens());
}

void AccountListModel::reload(const QList<Token> &tokens)
{
    beginResetModel();
    QHash<qint64, std::pair<Health, QString>> health;
    for (const Row &row : std::as_const(m_rows))
        health.insert(row.account.id, {row.health, row.healthDetail});
    m_rows.clear();
    for (const Account &account : m_store->accounts()) {
        const auto known = health.value(account.id, {Health::Unknown, QString()});
        m_rows.append({account, known.first, known.second});
    }
    sortRows();
    endResetModel();
    refreshCounts(tokens);
}

void AccountListModel::refreshCounts()
{
    refreshCounts(m_store->tokens());
}

void AccountListModel::sortRows()
{
    std::stable_sort(m_rows.begin(), m_rows.end(),
        [](const Row &a, const Row &b) { return a.account.displayName.localeAwareCompare(b.account.displayName) < 0; });
}

void AccountListModel::refreshCounts(const QList<Token> &tokens)
{
    m_counts.clear();
    m_counted.clear();
    const QDateTime now = m_clock.nowUtc();
    for (const Token &token : tokens)
        countToken(token.id, token.accountId, RotationDue::dueState(token, now), +1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

void AccountListModel::refreshCounts(const QList<TokenTableModel::TokenDue> &states)
{
    m_counts.clear();
    m_counted.clear();
    for (const TokenTableModel::TokenDue &due : states)
        countToken(due.tokenId, due.accountId, due.state, +1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

void AccountListModel::countToken(qint64 tokenId, qint64 accountId, DueState state, int sign)
{
    for (qint64 key : {accountId, qint64(0)}) {
        Counts &counts = m_counts[key];
        counts.tokens += sign;
        if (state == DueState::DueSoon)
            counts.dueSoon += sign;
        else if (state == DueState::Overdue)
            counts.overdue += sign;
    }
    if (sign > 0)
        m_counted.insert(tokenId, {accountId, state});
    else
        m_counted.remove(tokenId);
}

void AccountListModel::emitCountsChanged(qint64 accountId)
{
    const QList<int> roles {TokenCountRole, DueSoonCountRole, OverdueCountRole};
    Q_EMIT dataChanged(index(0), index(0), roles);
    const int row = rowOfAccount(accountId);
    if (row > 0)
        Q_EMIT dataChanged(index(row), index(row), roles);
}

void AccountListModel::onTokensAdded(const QList<Token> &tokens)
{
    const QDateTime now = m_clock.nowUtc();
    QSet<qint64> accounts;
    for (const Token &token : tokens) {
        countToken(token.id, token.accountId, RotationDue::dueState(token, now), +1);
        accounts.insert(token.accountId);
    }
    for (qint64 id : std::as_const(accounts))
        emitCountsChanged(id);
}

void AccountListModel::onTokenChanged(const Token &token)
{
    const auto old = m_counted.constFind(token.id);
    if (old != m_counted.cend())
        countToken(token.id, old->first, old->second, -1);
    countToken(token.id, token.accountId, RotationDue::dueState(token, m_clock.nowUtc()), +1);
    emitCountsChanged(token.accountId);
}

void AccountListModel::onTokenRemoved(qint64 tokenId)
{
    const auto old = m_counted.constFind(tokenId);
    if (old == m_counted.cend())
        return;
    const qint64 accountId = old->first;
    countToken(tokenId, accountId, old->second, -1);
    emitCountsChanged(accountId);
}

void AccountListModel::setHealth(qint64 accountId, Health health, const QString &detail)
{
    const int row = rowOfAccount(accountId);
    if (row < 1)
        return;
    m_rows[row - 1].health = health;
    m_rows[row - 1].healthDetail = detail;
    Q_EMIT dataChanged(index(row), index(row), {HealthRole, HealthTextRole, Qt::ToolTipRole});
}

int AccountListModel::rowOfAccount(qint64 accountId) const
{
    if (accountId == 0)
        return 0;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].account.id == accountId)
            return int(i) + 1;
    }
    return -1;
}

QString AccountListModel::healthLabel(Health health)
{
    switch (health) {
    case Health::Unknown:
        return tr("Not checked yet");
    case Health::Connected:
        return tr("Connected");
    case Health::AuthFailed:
        return tr("Authentication failed");
    case Health::Offline:
        return tr("Offline");
    case Health::Error:
        return tr("Provider error");
    }
    return {};
}

int AccountListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size()) + 1;
}

QVariant AccountListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bool all = index.row() == 0;
    const Row *row = all ? nullptr : &m_rows[index.row() - 1];
    const qint64 accountId = all ? 0 : row->account.id;
    const Counts counts = m_counts.value(accountId);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return all ? tr("All accounts") : row->account.displayName;
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole: {
        QString text = all
            ? tr("Every account of the workspace")
            : tr("%1 at %2")
                  .arg(ProviderKindInfo::displayName(row->account.kind), row->account.baseUrl.toDisplayString());
        if (!all)
            text += u'\n' + (row->healthDetail.isEmpty() ? healthLabel(row->health) : row->healthDetail);
        const int tokens = counts.tokens;
        text += u'\n' + tr("%n token(s)", nullptr, tokens);
        if (counts.dueSoon > 0)
            text += u", "_s + tr("%n due soon", nullptr, counts.dueSoon);
        if (counts.overdue > 0)
            text += u", "_s + tr("%n overdue", nullptr, counts.overdue);
        return text;
    }
    case AccountIdRole:
        return accountId;
    case ProviderKindRole:
        return all ? QVariant() : QVariant::fromValue(row->account.kind);
    case HealthRole:
        return QVariant::fromValue(all ? Health::Unknown : row->health);
    case HealthTextRole:
        if (all)
            return tr("%n account(s)", nullptr, int(m_rows.size()));
        return row->healthDetail.isEmpty() ? healthLabel(row->health)
                                           : tr("%1: %2").arg(healthLabel(row->health), row->healthDetail);
    case TokenCountRole:
        return counts.tokens;
    case DueSoonCountRole:
        return counts.dueSoon;
    case OverdueCountRole:
        return counts.overdue;
    default:
        return {};
    }
}
