// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

// One token row's value in the sorted column, reduced to what ordering needs so that it can be
// copied to a worker thread: a number (dates as milliseconds since the epoch, states, versions,
// seconds) or a case-folded text. Unknown values sort last in both directions.
struct TokenSortKey
{
    qint64 tokenId = 0; // breaks ties, so equal values never shuffle
    bool known = false;
    qint64 number = 0;
    QString text; // for text columns; empty otherwise
};
