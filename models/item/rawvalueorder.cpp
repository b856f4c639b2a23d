// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawvalueorder.h"

#include <QVariant>

bool RawValueOrder::lessThan(
    const QModelIndex &left, const QModelIndex &right, int valueRole, int idRole, Qt::SortOrder order)
{
    // One data() call per side: the base implementation would fetch both values again.
    const QVariant leftValue = left.data(valueRole);
    const QVariant rightValue = right.data(valueRole);
    const bool leftKnown = leftValue.isValid();
    const bool rightKnown = rightValue.isValid();
    if (leftKnown != rightKnown) {
        // The proxy swaps the arguments for a descending sort; answering by the sort order keeps
        // the unknown values after the known ones in both directions.
        return order == Qt::AscendingOrder ? leftKnown : rightKnown;
    }
    if (leftKnown) {
        const QPartialOrdering compared = QVariant::compare(leftValue, rightValue);
        if (compared == QPartialOrdering::Less)
            return true;
        if (compared == QPartialOrdering::Greater)
            return false;
    }
    return left.data(idRole).toLongLong() < right.data(idRole).toLongLong();
}
