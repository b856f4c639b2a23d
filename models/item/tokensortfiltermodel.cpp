// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokensortfiltermodel.h"

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
    if (m_needle.isEmpty())
        return true;
    // Both sides are case-folded already, so a plain (fast) comparison is case-insensitive.
    return index.data(TokenTableModel::SearchTextRole).toString().contains(m_needle, Qt::CaseSensitive);
}

bool TokenSortFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant leftValue = left.data(sortRole());
    const QVariant rightValue = right.data(sortRole());
    const bool leftKnown = leftValue.isValid();
    const bool rightKnown = rightValue.isValid();
    if (leftKnown && rightKnown) {
        // One data() call per side: the base implementation would fetch both values again.
        const QPartialOrdering order = QVariant::compare(leftValue, rightValue);
        if (order == QPartialOrdering::Less)
            return true;
        if (order == QPartialOrdering::Greater)
            return false;
        // Equal keys: fall back to the token id so that the order is stable across re-sorts.
        return left.data(TokenTableModel::TokenIdRole).toLongLong()
            < right.data(TokenTableModel::TokenIdRole).toLongLong();
    }
    if (leftKnown == rightKnown)
        return false;
    // The proxy swaps the arguments for a descending sort; answering by the sort order keeps the
    // unknown values after the known ones in both directions.
    return sortOrder() == Qt::AscendingOrder ? leftKnown : rightKnown;
}
