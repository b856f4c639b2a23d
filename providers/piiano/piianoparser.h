// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/httpanswer.h"
#include "core/parsed.h"
#include "core/remotetoken.h"
#include "core/rotationresult.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

// Turns Piiano Vault data-token answers into TokenDesk values; pure, no network. Rotation issues
// new ids for the same data, so the result is RotationResult::replacedIds (old -> new) and no
// secret. Errors are {error_code "PVnnnn", message, context{}} and become Provider errors with
// the PV code; PV3218 (conflicting update, 409) and PV1009 (server timeout, 503) are retryable.
class PiianoParser final
{
    Q_DECLARE_TR_FUNCTIONS(PiianoParser)

public:
    static constexpr qsizetype MaxCollectionNameLength = 40;

    // POST .../collections/{c}/rotate/tokens?token_ids=... -> 200 {"<old>": "<new>", ...}.
    // Every id in `requestedIds` must be mapped, to a distinct new id; ids the answer maps but
    // we did not ask for are left out.
    static Parsed<RotationResult> parseRotate(const HttpAnswer &answer, const QStringList &requestedIds);
    // POST .../collections/{c}/query/tokens -> [{token_id, type, scope, agg, tokens[]}].
    // One RemoteToken per token id: scopes = [scope], createdAt = earliest creation_time,
    // expiresAt = agg.max_effective_expiration_time (else the latest expiration_time).
    static Parsed<RemoteTokenPage> parseTokenSearch(const HttpAnswer &answer);
    // The error of a non-2xx answer.
    static ApiError errorFor(const HttpAnswer &answer);

    // {"token_ids": [...]} for the search call.
    static QByteArray searchBody(const QStringList &tokenIds);
    // ^[a-zA-Z][a-zA-Z0-9_]*$, at most 40 characters: checked before the name goes into a path.
    static bool isValidCollectionName(QStringView name);
};
