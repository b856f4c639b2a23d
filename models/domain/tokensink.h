// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

// One place a token's new secret is written at every rotation: a field of a HashiCorp Vault KV v2
// secret, reached through a Vault account of the workspace (which holds the Vault token).
struct TokenSink
{
    qint64 id = 0;
    qint64 tokenId = 0;
    qint64 vaultAccountId = 0;
    QString mount = QStringLiteral("secret");
    QString path; // below the mount, e.g. "tokendesk/dynatrace/otel-collector"
    QString field = QStringLiteral("token");

    friend bool operator==(const TokenSink &, const TokenSink &) = default;
};

Q_DECLARE_METATYPE(TokenSink)
