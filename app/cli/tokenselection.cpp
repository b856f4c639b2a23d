// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenselection.h"

#include "store/workspacestore.h"

QList<qint64> TokenSelection::resolve(
    const WorkspaceStore &store, const QStringList &tokens, const QString &account, bool all, QString *error)
{
    QList<qint64> ids;
    const QList<Token> everything = store.tokens();
    if (all) {
        for (const Token &token : everything)
            ids << token.id;
        return ids;
    }
    if (!account.isEmpty()) {
        const QList<Account> accounts = store.accounts();
        const auto found = std::find_if(accounts.cbegin(), accounts.cend(),
            [&account](const Account &a) { return a.displayName == account || QString::number(a.id) == account; });
        if (found == accounts.cend()) {
            *error = tr("No account “%1” in the workspace (see “tokendesk-cli accounts”).").arg(account);
            return {};
        }
        for (const Token &token : everything) {
            if (token.accountId == found->id)
                ids << token.id;
        }
        return ids;
    }
    for (const QString &wanted : tokens) {
        QList<qint64> matches;
        bool isNumber = false;
        const qint64 number = wanted.toLongLong(&isNumber);
        for (const Token &token : everything) {
            if ((isNumber && token.id == number) || token.name == wanted || token.providerId == wanted)
                matches << token.id;
        }
        if (matches.isEmpty()) {
            *error = tr("No token “%1” in the workspace (give its name, id or provider id).").arg(wanted);
            return {};
        }
        if (matches.size() > 1) {
            const int count = static_cast<int>(matches.size());
            *error = tr("“%1” names %n tokens; give the id instead (see “tokendesk-cli list --json”).", nullptr, count)
                         .arg(wanted);
            return {};
        }
        if (!ids.contains(matches.constFirst()))
            ids << matches.constFirst();
    }
    return ids;
}
