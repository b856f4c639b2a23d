// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/httpanswer.h"
#include "core/parsed.h"
#include "core/remotetoken.h"
#include "core/rotationresult.h"
#include "domain/secretbytes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

#include <chrono>

// Turns Dynatrace access-token answers (API v2 /api/v2/apiTokens, and the deprecated v1
// /api/v1/tokens) into TokenDesk values, and builds their request bodies; pure, no network.
// Errors come as {"error": {code, message, constraintViolations[]}} and become Provider errors
// whose code is error.code; bodyless error answers (404 on get and lookup) become Http errors.
// v2 dates are ISO 8601 strings; v1 times may be Unix milliseconds or ISO strings, both accepted.
class DynatraceParser final
{
    Q_DECLARE_TR_FUNCTIONS(DynatraceParser)

public:
    // v2: GET /api/v2/apiTokens -> {totalCount, pageSize, nextPageKey, apiTokens[]}.
    static Parsed<RemoteTokenPage> parseTokenList(const HttpAnswer &answer);
    // v2: GET /api/v2/apiTokens/{id} and POST /api/v2/apiTokens/lookup -> ApiToken.
    static Parsed<RemoteToken> parseToken(const HttpAnswer &answer);
    // v2: POST /api/v2/apiTokens -> 201 {id, token, expirationDate}.
    static Parsed<RotationResult> parseCreated(const HttpAnswer &answer);

    // v1: GET /api/v1/tokens -> {values: [{id, name, description}]}.
    static Parsed<RemoteTokenPage> parseTokenListV1(const HttpAnswer &answer);
    // v1: GET /api/v1/tokens/{id} and POST /api/v1/tokens/lookup -> TokenMetadata.
    static Parsed<RemoteToken> parseTokenV1(const HttpAnswer &answer);
    // v1: POST /api/v1/tokens -> 201 {token}. No id: look the new secret up to learn it.
    static Parsed<RotationResult> parseCreatedV1(const HttpAnswer &answer);

    // PUT and DELETE (both versions) answer 204 without a body: no error (kind None) on 2xx.
    static ApiError parseNoContent(const HttpAnswer &answer);
    // The error of a non-2xx answer, from the error envelope when there is one.
    static ApiError errorFor(const HttpAnswer &answer);

    // Request bodies (compact JSON).
    // v2 {"name", "scopes", "expirationDate"?}; an invalid expiresAt means "never expires".
    static QByteArray createBody(const QString &name, const QStringList &scopes, const QDateTime &expiresAt = {});
    // v1 {"name", "scopes", "expiresIn"?: {"value", "unit"}} in the largest exact unit; zero
    // means "never expires".
    static QByteArray createBodyV1(
        const QString &name, const QStringList &scopes, std::chrono::seconds expiresIn = std::chrono::seconds(0));
    // v2 {"enabled": false} disables (revokes) a token; v2 has no "revoked" field.
    static QByteArray updateEnabledBody(bool enabled);
    // v1 {"revoked": true}.
    static QByteArray revokeBodyV1();
    // {"token": "<secret>"} for both lookups. CARRIES THE SECRET: returned as SecretBytes so it is
    // scrubbed after sending; never log it. Empty if the secret is not valid UTF-8.
    static SecretBytes lookupBody(const SecretBytes &secret);
};
