// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tokensortkey.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <vector>

// Orders the token table's rows from their sort keys: at once for a small table, on a worker
// thread for a large one, so that a header click on 100,000 rows never freezes the window. Only
// the keys cross to the worker; the model applies the order it gets back, if its rows are still
// the ones the keys were taken from.
class TokenRowSorter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenRowSorter)

public:
    struct Sorted
    {
        std::vector<int> order; // order[k]: the index (into the keys) of the row that goes to k
        QHash<qint64, int> rowOfToken; // token id -> its new row, built where the sort ran
    };
    using Done = std::function<void(quint64 generation, Sorted &sorted)>; // may consume `sorted`

    static constexpr int DefaultBackgroundRows = 5000;

    explicit TokenRowSorter(Done done, QObject *parent = nullptr);

    using KeyReader = std::function<std::vector<TokenSortKey>()>;

    // Sorts the `rows` keys `readKeys` returns; `done` is called with `generation` before this
    // returns when there are fewer than backgroundRows() rows, and later from the event loop
    // otherwise, `readKeys` then running on the worker thread. One sort at a time: the caller
    // waits for isBusy() to end before the next.
    void sort(KeyReader readKeys, qsizetype rows, Qt::SortOrder order, quint64 generation);
    bool isBusy() const { return m_busy; }
    int backgroundRows() const { return m_backgroundRows; }
    void setBackgroundRows(int rows) { m_backgroundRows = rows; }

    // The order every TokenDesk table shares: by value, unknown values last in both directions,
    // equal values by token id (reversed with the order, as a descending sort reverses all).
    static bool lessThan(const TokenSortKey &left, const TokenSortKey &right, Qt::SortOrder order);
    static std::vector<int> order(const std::vector<TokenSortKey> &keys, Qt::SortOrder order);

private:
    static Sorted sorted(const std::vector<TokenSortKey> &keys, Qt::SortOrder order);

    Done m_done;
    int m_backgroundRows = DefaultBackgroundRows;
    bool m_busy = false;
};
