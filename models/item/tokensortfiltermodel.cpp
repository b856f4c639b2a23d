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
    refilter();
}

void TokenSortFilterModel::setStateFilter(std::optional<TokenState> state)
{
    if (state == m_stateFilter)
        return;
    m_stateFilter = state;
    refilter();
}

void TokenSortFilterModel::setProviderFilter(std::optional<ProviderKind> kind)
{
    if (kind == m_providerFilter)
        return;
    m_providerFilter = kind;
    refilter();
}

void TokenSortFilterModel::setAccountFilter(qint64 accountId)
{
    if (accountId == m_accountFilter)
        return;
    m_accountFilter = accountId;
    refilter();
}

void TokenSortFilterModel::setDueBefore(const QDateTime &limitUtc)
{
    if (limitUtc == m_dueBefore || (!limitUtc.isValid() && !m_dueBefore.isValid()))
        return;
    m_dueBefore = limitUtc;
    refilter();
}

void TokenSortFilterModel::setTokenIdFilter(std::optional<QSet<qint64>> tokenIds)
{
    if (!tokenIds && !m_tokenIds)
        return;
    m_tokenIds = std::move(tokenIds);
    refilter();
}

void TokenSortFilterModel::refilter()
{
    // Row by row, the proxy announces every run of rows that leaves or comes back: switching
    // 100,000 interleaved rows to one provider's 25,000 took 75,000 removal signals and a third of
    // a second. A large table is re-mapped in one layout change instead; selections survive it.
    if (sourceModel() && sourceModel()->rowCount() >= LayoutChangeRows)
        invalidate();
    else
        invalidateRowsFilter();
}

bool TokenSortFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const auto *table = qobject_cast<const TokenTableModel *>(sourceModel());
    if (!table)
        return true;
    if (!m_stateFilter && !m_providerFilter && m_accountFilter == 0 && !m_tokenIds && !m_dueBefore.isValid()
        && m_needle.isEmpty())
        return true; // re-mapping 100,000 unfiltered rows should not read each one
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

void TokenSortFilterModel::sort(int column, Qt::SortOrder order)
{
    if (auto *table = qobject_cast<TokenTableModel *>(sourceModel()))
        table->sort(column, order);
    else
        QSortFilterProxyModel::sort(column, order);
}

bool TokenSortFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    return RawValueOrder::lessThan(left, right, sortRole(), TokenTableModel::TokenIdRole, sortOrder());
}
