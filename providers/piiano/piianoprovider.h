// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/provider.h"

#include <QStringList>
#include <QUrlQuery>

// Piiano Vault data tokens of one collection, through the data API under /api/pvlt/1.0 with the
// account's API key as Bearer credential. The Account has no collection field, so the collection
// (and the tags that select the tokens TokenDesk manages) are read from the base URL's query:
//
//     https://piiano.example.com:8123/?collection=customers&tag=payments&tag=billing
//
// `collection` is required and must be a valid Piiano collection name; `tag` may be repeated. Any
// path of the base URL is kept as a prefix (a reverse proxy); the query itself is never sent.
// listTokens() searches the token metadata of the collection for tokens carrying any of the tags
// (Piiano has no call that lists a whole collection), so without a tag the account cannot list.
//
// rotate() issues new ids for the same data in one all-or-nothing call: RotationResult::replacedIds
// maps every requested old id to its new id, and the old ids stop working at once. There is no
// revoke and no delete: after a rotation the old ids no longer exist, and deleting a data token
// would destroy an application's reference to its data, which is never TokenDesk's call.
class PiianoProvider final : public Provider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PiianoProvider)

public:
    // A query string of ids this long still fits the 8 KiB request line most servers accept.
    static constexpr qsizetype MaxIdsPerRotation = 100;

    PiianoProvider(
        Account account, SecretBytes credential, HttpClient *http, const Clock &clock, QObject *parent = nullptr);

    ProviderKind kind() const override { return ProviderKind::PiianoVault; }
    ProviderCapabilities capabilities() const override;

    // Searches the metadata of a token id that cannot exist: proves the key, the reader capability,
    // the collection and the access reason without touching data (the health routes need no key).
    ProviderOperation *testConnection() override;
    ProviderOperation *listTokens() override;
    // Rotates request.tokenIds, or request.providerId alone when that list is empty, with
    // request.accessReason (left out when empty, so the server's default applies).
    ProviderOperation *rotate(const RotateRequest &request) override;

    const QString &collection() const { return m_collection; }
    const QStringList &tags() const { return m_tags; }
    // Why the base URL cannot be used; empty when it can.
    const QString &configurationError() const { return m_configurationError; }

private:
    ApiCall call(const QByteArray &method, const QString &suffix, const QUrlQuery &query, QByteArray body = {}) const;
    ProviderOperation *refuse(const QString &why);
    void search(ProviderOperation *operation, QByteArray body, bool keepTokens);

    QString m_collection;
    QStringList m_tags;
    QString m_configurationError;
};
