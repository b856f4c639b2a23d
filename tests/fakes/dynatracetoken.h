// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

// A Dynatrace access token as FakeDynatrace keeps it. The same tokens are seen through the v2
// apiTokens API (`enabled`) and the v1 tokens API (`revoked` = !enabled).
struct DynatraceToken
{
    QString id; // dt0c01.<24 public characters>
    QString secret; // dt0c01.<public>.<64 secret characters>
    QString name;
    QString owner;
    bool personalAccessToken = false;
    bool enabled = true;
    QDateTime creationDate;
    QDateTime modifiedDate;
    QDateTime expirationDate; // invalid = never expires
    QDateTime lastUsedDate; // invalid = never used
    QString lastUsedIpAddress;
    QStringList scopes;
    QJsonObject additionalMetadata;
    bool createdViaApi = false;
};

// What a test or the sandbox seeds FakeDynatrace with.
struct DynatraceTokenSeed
{
    QString name;
    QString owner = QStringLiteral("admin@example.com");
    QStringList scopes;
    QDateTime creationDate; // invalid = 30 days before the clock's now
    QDateTime expirationDate;
    QDateTime lastUsedDate;
    bool personalAccessToken = false;
    bool enabled = true;
};
