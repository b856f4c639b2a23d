// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../domain/account.h"
#include "../domain/token.h"

#include <QList>
#include <QString>

// The workspace's accounts and tokens read on any thread through a private read-only
// connection, so a window can open at once and fill its 100,000-row table when the read is
// done, instead of freezing while SQLite reads. SQLite's write-ahead log lets it read while the
// GUI's connection writes; changes committed after the read arrive through the store's signals.
class WorkspaceSnapshot final
{
public:
    QList<Account> accounts;
    QList<Token> tokens;
    QString error; // empty when the read succeeded

    static WorkspaceSnapshot read(const QString &path);
};
