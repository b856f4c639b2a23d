// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QModelIndex>

// The sort order every TokenDesk table shares: by the raw (sortable) value, unknown values last
// in both directions so "soonest expiry" never starts with blanks, and equal values by a stable
// id so a re-sort never shuffles rows.
class RawValueOrder final
{
public:
    // For QSortFilterProxyModel::lessThan(): `order` is the proxy's current sort order.
    static bool lessThan(
        const QModelIndex &left, const QModelIndex &right, int valueRole, int idRole, Qt::SortOrder order);
};
