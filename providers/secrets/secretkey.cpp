// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretkey.h"

using namespace Qt::StringLiterals;

namespace {

QString accountPrefix(ProviderKind kind, qint64 accountId)
{
    return u"tokendesk/"_s + ProviderKindInfo::id(kind) + u'/' + QString::number(accountId);
}

} // namespace

QString SecretKey::forAccountCredential(ProviderKind kind, qint64 accountId)
{
    return accountPrefix(kind, accountId) + u"/credential"_s;
}

QString SecretKey::forTokenVersion(ProviderKind kind, qint64 accountId, qint64 tokenId, int version)
{
    return accountPrefix(kind, accountId) + u'/' + QString::number(tokenId) + u'/' + QString::number(version);
}

QString SecretKey::serviceName()
{
    return u"TokenDesk"_s;
}
