// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/providerkind.h"

#include <QString>

// Builds the keychain keys under which TokenDesk keeps secrets, all below the one QtKeychain
// service serviceName(): "tokendesk/<provider>/<account>/credential" for an account's admin
// credential and "tokendesk/<provider>/<account>/<token>/<version>" for a token version's secret.
// The provider id and the database ids make a key unique per workspace row, so two accounts
// (or two versions) can never overwrite each other's secret. Store the key in a SecretRef.
class SecretKey final
{
public:
    static QString forAccountCredential(ProviderKind kind, qint64 accountId);
    static QString forTokenVersion(ProviderKind kind, qint64 accountId, qint64 tokenId, int version);
    // The QtKeychain service (the Secret Service "server" attribute, the Windows target prefix).
    static QString serviceName();
};
