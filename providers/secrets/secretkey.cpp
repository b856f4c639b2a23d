// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretkey.h"

using namespace Qt::StringLiterals;

namespace {

QString accountPrefix(const QString &workspaceId, ProviderKind kind, qint64 accountId)
{
    return u"tokendesk/"_s + workspaceId + u'/' + ProviderKindInfo::id(kind) + u'/' + QString::number(accountId);
}

} // namespace

QString SecretKey::forAccountCredential(const QString &workspaceId, ProviderKind kind, qint64 accountId)
{
    return accountPrefix(workspaceId, kind, accountId) + u"/credential"_s;
}

QString SecretKey::forTokenVersion(
    const QString &workspaceId, ProviderKind kind, qint64 accountId, qint64 tokenId, int version)
{
    return accountPrefix(workspaceId, kind, accountId) + u'/' + QString::number(tokenId) + u'/'
        + QString::number(version);
}

QString SecretKey::serviceName()
{
    return u"TokenDesk"_s;
}
