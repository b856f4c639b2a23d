// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenrowsorter.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

#include <algorithm>
#include <numeric>

TokenRowSorter::TokenRowSorter(Done done, QObject *parent)
    : QObject(parent)
    , m_done(std::move(done))
{ }

bool TokenRowSorter::lessThan(const TokenSortKey &left, const TokenSortKey &right, Qt::SortOrder order)
{
    if (left.known != right.known)
        return left.known;
    const bool ascending = order == Qt::AscendingOrder;
    if (left.known) {
        const int byValue = left.number != right.number ? (left.number < right.number ? -1 : 1)
                                                        : left.text.compare(right.text, Qt::CaseSensitive);
        if (byValue != 0)
            return ascending ? byValue < 0 : byValue > 0;
    }
    return ascending ? left.tokenId < right.tokenId : left.tokenId > right.tokenId;
}

std::vector<int> TokenRowSorter::order(const std::vector<TokenSortKey> &keys, Qt::SortOrder order)
{
    std::vector<int> rows(keys.size());
    std::iota(rows.begin(), rows.end(), 0);
    // The tie-break on the token id makes the order total, so an unstable sort is deterministic.
    std::sort(
        rows.begin(), rows.end(), [&](int l, int r) { return lessThan(keys[size_t(l)], keys[size_t(r)], order); });
    return rows;
}

TokenRowSorter::Sorted TokenRowSorter::sorted(const std::vector<TokenSortKey> &keys, Qt::SortOrder sortOrder)
{
    Sorted result {order(keys, sortOrder), {}};
    result.rowOfToken.reserve(qsizetype(keys.size()));
    for (size_t k = 0; k < result.order.size(); ++k)
        result.rowOfToken.insert(keys[size_t(result.order[k])].tokenId, int(k));
    return result;
}

void TokenRowSorter::sort(KeyReader readKeys, qsizetype rows, Qt::SortOrder sortOrder, quint64 generation)
{
    Q_ASSERT(!m_busy);
    if (rows < m_backgroundRows) {
        Sorted result = sorted(readKeys(), sortOrder);
        m_done(generation, result);
        return;
    }
    m_busy = true;
    const QPointer<TokenRowSorter> self(this);
    QThreadPool::globalInstance()->start([self, readKeys = std::move(readKeys), sortOrder, generation]() mutable {
        std::vector<TokenSortKey> keys = readKeys();
        readKeys = {}; // lets go of what it read (the model's row list) before the model sees the order
        Sorted result = sorted(keys, sortOrder);
        // Back to the sorter's thread; the QPointer is only read there.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, result = std::move(result), generation]() mutable {
                if (!self)
                    return;
                self->m_busy = false;
                self->m_done(generation, result);
            },
            Qt::QueuedConnection);
    });
}
