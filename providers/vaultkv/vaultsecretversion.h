// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/secretbytes.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

// One version of a KV v2 secret: its metadata, and on a read the value of the one field the
// caller asked for. Fields other than that one are never copied out; their names are kept so
// that an error or the UI can say which fields exist.
struct VaultSecretVersion
{
    int version = 0;
    QDateTime createdAt; // UTC
    QDateTime deletedAt; // invalid unless soft-deleted
    bool destroyed = false;
    QHash<QString, QString> customMetadata;
    QStringList fieldNames; // sorted; read answers only
    SecretBytes value; // read answers only
};
