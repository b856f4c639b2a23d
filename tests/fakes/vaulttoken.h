// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QStringList>

// One path rule of a Vault ACL policy: a path with Vault's globs (a trailing `*`, `+` for one
// segment) and its capabilities (create, read, update, patch, delete, list, deny).
struct VaultPolicyRule
{
    QString path;
    QStringList capabilities;
};

// What a test or the sandbox seeds FakeVaultKv with: a service token in a namespace, with the
// rules of its policies (paths relative to that namespace). A root token may do anything there.
struct VaultTokenSeed
{
    QString displayName = QStringLiteral("token");
    QStringList policies = {QStringLiteral("default")};
    QList<VaultPolicyRule> rules;
    QString namespacePath; // "" = root namespace
    qint64 ttlSeconds = 768 * 3600; // 0 = never expires
    bool root = false;
};

// A token FakeVaultKv knows.
struct VaultToken
{
    QString id;
    QString accessor;
    VaultTokenSeed seed;
    QDateTime creationTime;
    bool revoked = false;
};
