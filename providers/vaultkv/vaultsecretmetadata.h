// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "vaultsecretversion.h"

#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QString>

// The metadata of a KV v2 secret (GET /v1/<mount>/metadata/<path>). `currentVersion` is the cas
// value for the next write; the versions carry no values.
struct VaultSecretMetadata
{
    int currentVersion = 0;
    int oldestVersion = 0;
    int maxVersions = 0; // 0 = the mount's setting
    bool casRequired = false;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString deleteVersionAfter; // Go duration, e.g. "0s" or "768h"
    QHash<QString, QString> customMetadata;
    QMap<int, VaultSecretVersion> versions;
};
