// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenrow.h"

#include "../domain/rotationdue.h"
#include "tabletext.h"
#include "tokentablemodel.h"

using namespace Qt::StringLiterals;

namespace {

// Separates the fields of the search text: a search typed into a line edit never contains a
// newline, so a needle can never match across two fields.
constexpr QChar SearchFieldSeparator = u'\n';

} // namespace

TokenRowAccount TokenRowAccount::of(const Account &account)
{
    const QString providerName = ProviderKindInfo::displayName(account.kind);
    return {account.displayName, account.displayName.toCaseFolded(), account.kind, providerName,
        providerName.toCaseFolded()};
}

TokenRow::TokenRow(const Token &rowToken, const Accounts &accounts)
    : token(rowToken)
    , nameKey(rowToken.name.toCaseFolded())
    , searchText(searchTextOf(rowToken, accounts))
    , nextDue(RotationDue::nextDue(rowToken))
{ }

QString TokenRow::searchTextOf(const Token &token, const Accounts &accounts)
{
    QString text = token.name;
    const auto account = accounts.constFind(token.accountId);
    if (account != accounts.cend())
        text += SearchFieldSeparator + account->providerName + SearchFieldSeparator + account->name;
    text += SearchFieldSeparator + token.owner + SearchFieldSeparator + token.providerId;
    for (const QString &scope : token.scopes)
        text += SearchFieldSeparator + scope;
    return text.toCaseFolded();
}

QVariant TokenRow::display(int column, const TokenRowAccount *account, const QDateTime &now) const
{
    switch (column) {
    case TokenTableModel::NameColumn:
        return token.name;
    case TokenTableModel::ProviderColumn:
        if (account)
            return account->providerName;
        return QString();
    case TokenTableModel::AccountColumn:
        if (account)
            return account->name;
        return QString();
    case TokenTableModel::StateColumn:
        return TokenStateInfo::label(token.state);
    case TokenTableModel::VersionColumn:
        return token.currentVersion > 0 ? u"v%1"_s.arg(token.currentVersion) : QString();
    case TokenTableModel::AgeColumn:
        if (!token.createdAt.isValid())
            return tr("unknown");
        return TableText::ageText(token.createdAt.secsTo(now));
    case TokenTableModel::ExpiresColumn:
        return TableText::dateText(token.expiresAt, tr("never"));
    case TokenTableModel::NextRotationColumn:
        if (token.policy.isNull()) {
            // Without a policy nobody schedules a rotation, yet an expiry is still a deadline.
            if (!nextDue.isValid())
                return tr("manual");
            return tr("manual, before %1").arg(TableText::dateText(nextDue, {}));
        }
        return TableText::dateText(nextDue, tr("unknown"));
    case TokenTableModel::DueInColumn:
        if (!nextDue.isValid() || token.state == TokenState::Revoked)
            return QString();
        return TableText::dueInText(now.secsTo(nextDue));
    case TokenTableModel::PolicyColumn:
        return token.policy.summary();
    default:
        return {};
    }
}

QVariant TokenRow::raw(int column, const TokenRowAccount *account, const QDateTime &now) const
{
    switch (column) {
    case TokenTableModel::NameColumn:
        return nameKey;
    case TokenTableModel::ProviderColumn:
        if (account)
            return account->providerKey;
        return {};
    case TokenTableModel::AccountColumn:
        if (account)
            return account->nameKey;
        return {};
    case TokenTableModel::StateColumn:
        return int(token.state);
    case TokenTableModel::VersionColumn:
        return token.currentVersion > 0 ? QVariant(token.currentVersion) : QVariant();
    case TokenTableModel::AgeColumn:
        return token.createdAt.isValid() ? QVariant(token.createdAt.secsTo(now)) : QVariant();
    case TokenTableModel::ExpiresColumn:
        return TableText::dateRawValue(token.expiresAt);
    case TokenTableModel::NextRotationColumn:
        return TableText::dateRawValue(nextDue);
    case TokenTableModel::DueInColumn:
        if (!nextDue.isValid() || token.state == TokenState::Revoked)
            return {};
        return now.secsTo(nextDue);
    case TokenTableModel::PolicyColumn:
        // Nominal length (30-day months) orders "every 2 weeks" before "every 1 month".
        return token.policy.isNull() ? QVariant() : QVariant(token.policy.interval.nominalSeconds());
    default:
        return {};
    }
}

QVariant TokenRow::toolTip(int column) const
{
    switch (column) {
    case TokenTableModel::AgeColumn:
        return TableText::dateToolTip(token.createdAt);
    case TokenTableModel::ExpiresColumn:
        return TableText::dateToolTip(token.expiresAt);
    case TokenTableModel::NextRotationColumn:
    case TokenTableModel::DueInColumn:
        return TableText::dateToolTip(nextDue);
    case TokenTableModel::PolicyColumn: {
        const QStringList problems = token.policy.problems();
        QString text = token.policy.summary();
        if (!problems.isEmpty())
            text += u'\n' + problems.join(u'\n');
        return text;
    }
    default:
        return {};
    }
}

TokenSortKey TokenRow::sortKey(int column, const TokenRowAccount *account) const
{
    TokenSortKey key;
    key.tokenId = token.id;
    const auto date = [&](const QDateTime &when, qint64 sign) {
        key.known = when.isValid();
        key.number = key.known ? sign * when.toMSecsSinceEpoch() : 0;
    };
    const auto text = [&](const QString *value) {
        key.known = value != nullptr;
        key.text = value ? *value : QString();
    };
    switch (column) {
    case TokenTableModel::NameColumn:
        text(&nameKey);
        break;
    case TokenTableModel::ProviderColumn:
        text(account ? &account->providerKey : nullptr);
        break;
    case TokenTableModel::AccountColumn:
        text(account ? &account->nameKey : nullptr);
        break;
    case TokenTableModel::StateColumn:
        key.known = true;
        key.number = qint64(token.state);
        break;
    case TokenTableModel::VersionColumn:
        key.known = token.currentVersion > 0;
        key.number = token.currentVersion;
        break;
    case TokenTableModel::AgeColumn:
        date(token.createdAt, -1); // older first = larger age
        break;
    case TokenTableModel::ExpiresColumn:
        date(token.expiresAt, 1);
        break;
    case TokenTableModel::NextRotationColumn:
        date(nextDue, 1);
        break;
    case TokenTableModel::DueInColumn:
        date(nextDue, 1);
        key.known = key.known && token.state != TokenState::Revoked;
        break;
    case TokenTableModel::PolicyColumn:
        key.known = !token.policy.isNull();
        key.number = key.known ? token.policy.interval.nominalSeconds() : 0;
        break;
    default:
        break;
    }
    return key;
}
