// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QStringList>

class WorkspaceStore;

// Turns the command line's token arguments into workspace ids: each TOKEN is a name, a
// workspace id or a provider id and must name exactly one token; --account NAME takes all of an
// account's tokens, --all every token. Errors say which argument and why.
class TokenSelection final
{
    Q_DECLARE_TR_FUNCTIONS(TokenSelection)

public:
    static QList<qint64> resolve(
        const WorkspaceStore &store, const QStringList &tokens, const QString &account, bool all, QString *error);
};
