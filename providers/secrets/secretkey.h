// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/providerkind.h"

#include <QString>

// Builds the keychain keys under which TokenDesk keeps secrets, all below the one QtKeychain
// service serviceName(): "tokendesk/<workspace>/<provider>/<account>/credential" for an account's
// admin credential and "tokendesk/<workspace>/<provider>/<account>/<token>/<version>" for a token
// version's secret. The workspace id and the database ids make a key unique per workspace row,
// so no two accounts or versions, even of two workspaces, can overwrite each other's secret.
// Store the key in a SecretRef: keys made by older versions stay valid through their refs.
class SecretKey final
{
public:
    static QString forAccountCredential(const QString &workspaceId, ProviderKind kind, qint64 accountId);
    static QString forTokenVersion(
        const QString &workspaceId, ProviderKind kind, qint64 accountId, qint64 tokenId, int version);
    // The QtKeychain service (the Secret Service "server" attribute, the Windows target prefix).
    static QString serviceName();
};
