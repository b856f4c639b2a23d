// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../domain/account.h"
#include "../domain/providerkind.h"
#include "../domain/token.h"
#include "tokensortkey.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QVariant>

// What a token row shows of its account, case-folded once for sorting.
struct TokenRowAccount
{
    QString name;
    QString nameKey;
    ProviderKind kind = ProviderKind::PangeaVault;
    QString providerName;
    QString providerKey;

    static TokenRowAccount of(const Account &account);
};

// One row of the token table: the token with everything its cells need computed once per change
// (case-folded name, search text, next due time), so that sorting and filtering 100,000 rows
// never formats, folds case or does calendar arithmetic per call. A row is never changed once
// the table holds it, only replaced, so a sort's worker thread can read rows the table shares.
// Its strings keep TokenTableModel's translation context.
class TokenRow final
{
    Q_DECLARE_TR_FUNCTIONS(TokenTableModel)

public:
    using Accounts = QHash<qint64, TokenRowAccount>; // account id -> what rows show of it

    TokenRow(const Token &token, const Accounts &accounts);

    // The cells of TokenTableModel's columns; `account` may be null (unknown account), `now`
    // is for the time-dependent columns (age, due in).
    QVariant display(int column, const TokenRowAccount *account, const QDateTime &now) const;
    QVariant raw(int column, const TokenRowAccount *account, const QDateTime &now) const; // RawValueRole
    QVariant toolTip(int column) const;
    // The raw value without QVariant, for TokenRowSorter.
    TokenSortKey sortKey(int column, const TokenRowAccount *account) const;

    // Case-folded name, provider, account, owner, provider id and scopes: SearchTextRole.
    static QString searchTextOf(const Token &token, const Accounts &accounts);

    Token token;
    QString nameKey; // case-folded name: the raw value of NameColumn
    QString searchText;
    QDateTime nextDue; // RotationDue::nextDue(), which does not depend on "now"
};
