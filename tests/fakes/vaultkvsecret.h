// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMap>

// One version of a KV v2 secret.
struct VaultKvVersion
{
    int version = 0;
    QJsonObject data;
    QDateTime createdTime;
    QDateTime deletionTime; // soft-deleted when valid
    bool destroyed = false;
    int reads = 0; // successful reads of this version's data
    bool seeded = false; // put there by a test or the sandbox, not written through the API
};

// One KV v2 key: its versions and its metadata.
struct VaultKvSecret
{
    QMap<int, VaultKvVersion> versions;
    int currentVersion = 0;
    int oldestVersion = 0;
    int maxVersions = 0; // 0 = the mount's setting
    bool casRequired = false;
    QString deleteVersionAfter = QStringLiteral("0s");
    QJsonObject customMetadata;
    QDateTime createdTime;
    QDateTime updatedTime;
};

// A KV v2 mount and its configuration.
struct VaultKvMount
{
    int maxVersions = 0; // 0 = Vault's default of 10
    bool casRequired = false;
    QString deleteVersionAfter = QStringLiteral("0s");
    QMap<QString, VaultKvSecret> secrets; // by path, no leading or trailing slash
};
