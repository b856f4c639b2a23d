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
    if (sourceParent.isValid())
        return false;
    const auto *table = qobject_cast<const TokenTableModel *>(sourceModel());
    if (!table)
        return true;
    const TokenTableModel::FilterKeys keys = table->filterKeys(sourceRow);
    // The cheap integer checks first; the substring search only for rows that pass them.
    if (m_stateFilter && keys.state != *m_stateFilter)
        return false;
    if (m_providerFilter && keys.kind != m_providerFilter)
        return false;
    if (m_accountFilter != 0 && keys.accountId != m_accountFilter)
        return false;
    if (m_tokenIds && !m_tokenIds->contains(keys.tokenId))
        return false;
    if (m_dueBefore.isValid() && (!keys.nextDue->isValid() || *keys.nextDue >= m_dueBefore))
        return false;
    // Both sides are case-folded already, so a plain (fast) comparison is case-insensitive.
    return m_needle.isEmpty() || keys.searchText->contains(m_needle, Qt::CaseSensitive);
}

bool TokenSortFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto *table = qobject_cast<const TokenTableModel *>(sourceModel());
    if (!table || sortRole() != TokenTableModel::RawValueRole)
        return RawValueOrder::lessThan(left, right, sortRole(), TokenTableModel::TokenIdRole, sortOrder());
    // The same order as RawValueOrder, straight from the rows.
    bool leftKnown = false;
    bool rightKnown = false;
    const int order = table->compareRaw(left.row(), right.row(), left.column(), &leftKnown, &rightKnown);
    if (leftKnown != rightKnown)
        return sortOrder() == Qt::AscendingOrder ? leftKnown : rightKnown;
    if (leftKnown && order != 0)
        return order < 0;
    return table->filterKeys(left.row()).tokenId < table->filterKeys(right.row()).tokenId;
}
