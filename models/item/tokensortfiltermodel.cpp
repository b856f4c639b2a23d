// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokensortfiltermodel.h"

#include "rawvalueorder.h"
#include "tokentablemodel.h"

TokenSortFilterModel::TokenSortFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(TokenTableModel::RawValueRole);
    // Not read by filterAcceptsRow() below, but QSortFilterProxyModel uses it to decide whether a
    // dataChanged() with a role list needs the row re-filtered.
    setFilterRole(TokenTableModel::SearchTextRole);
    setDynamicSortFilter(true);
}

TokenSortFilterModel::~TokenSortFilterModel() = default;

void TokenSortFilterModel::setSearchText(const QString &text)
{
    const QString needle = text.trimmed().toCaseFolded();
    m_searchText = text;
    if (needle == m_needle)
        return;
    m_needle = needle;
    invalidateRowsFilter();
}

void TokenSortFilterModel::setStateFilter(std::optional<TokenState> state)
{
    if (state == m_stateFilter)
        return;
    m_stateFilter = state;
    invalidateRowsFilter();
}

void TokenSortFilterModel::setProviderFilter(std::optional<ProviderKind> kind)
{
    if (kind == m_providerFilter)
        return;
    m_providerFilter = kind;
    invalidateRowsFilter();
}

void TokenSortFilterModel::setAccountFilter(qint64 accountId)
{
    if (accountId == m_accountFilter)
        return;
    m_accountFilter = accountId;
    invalidateRowsFilter();
}

void TokenSortFilterModel::setDueBefore(const QDateTime &limitUtc)
{
    if (limitUtc == m_dueBefore || (!limitUtc.isValid() && !m_dueBefore.isValid()))
        return;
    m_dueBefore = limitUtc;
    invalidateRowsFilter();
}

void TokenSortFilterModel::setTokenIdFilter(std::optional<QSet<qint64>> tokenIds)
{
    if (!tokenIds && !m_tokenIds)
        return;
    m_tokenIds = std::move(tokenIds);
    invalidateRowsFilter();
}

bool TokenSortFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const QModelIndex index = source->index(sourceRow, TokenTableModel::NameColumn, sourceParent);
    // The cheap integer checks first; the substring search only for rows that pass them.
    if (m_stateFilter && index.data(TokenTableModel::TokenStateRole).value<TokenState>() != *m_stateFilter)
        return false;
    if (m_providerFilter) {
        const QVariant kind = index.data(TokenTableModel::ProviderKindRole);
        if (!kind.isValid() || kind.value<ProviderKind>() != *m_providerFilter)
            return false;
    }
    if (m_accountFilter != 0 && index.data(TokenTableModel::AccountIdRole).toLongLong() != m_accountFilter)
        return false;
    if (m_tokenIds && !m_tokenIds->contains(index.data(TokenTableModel::TokenIdRole).toLongLong()))
        return false;
    if (m_dueBefore.isValid()) {
        const QVariant due = source->index(sourceRow, TokenTableModel::NextRotationColumn, sourceParent)
                                 .data(TokenTableModel::RawValueRole);
        if (!due.isValid() || due.toDateTime() >= m_dueBefore)
            return false;
    }
    if (m_needle.isEmpty())
        return true;
    // Both sides are case-folded already, so a plain (fast) comparison is case-insensitive.
    return index.data(TokenTableModel::SearchTextRole).toString().contains(m_needle, Qt::CaseSensitive);
}

bool TokenSortFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    return RawValueOrder::lessThan(left, right, sortRole(), TokenTableModel::TokenIdRole, sortOrder());
}
