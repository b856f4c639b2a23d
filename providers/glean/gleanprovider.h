// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/provider.h"

// Glean indexing API tokens. Glean lets a token rotate only itself: rotate() sends
// POST /api/index/v1/rotatetoken with the token's *current secret* as Bearer (the account
// credential plays no part) and returns the new secret, its expiry (createdAt + the token's fixed
// rotation period) and when the old secret stops working (10 minutes later, fixed by Glean).
// Glean has no call that lists, reads, revokes or deletes tokens, or changes their rotation period:
// those operations finish with a Refused error, without a request, that says so.
//
// Glean's indexing API also has no call that only checks a credential. testConnection() and
// verifySecret() ask for the configuration of a datasource that does not exist
// (POST /api/index/v1/getdatasourceconfig), which reads and changes nothing: Glean checks the
// Bearer token first (401 when it is unknown, rotated away past its buffer or expired; 403 when the
// source IP is not allowed) and only then finds the datasource unknown (400). So 200 or 400 proves
// that the secret is accepted.
class GleanProvider final : public Provider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GleanProvider)

public:
    using Provider::Provider;

    // The datasource name asked for by the credential check; no real datasource is expected to have it.
    static constexpr auto ProbeDatasource = "tokendesk-credential-check";

    ProviderKind kind() const override { return ProviderKind::Glean; }
    ProviderCapabilities capabilities() const override;

    ProviderOperation *testConnection() override;
    // Refused: listing would have to report zero tokens, which a refresh would read as "all gone".
    ProviderOperation *listTokens() override;
    // Uses request.currentSecret as the credential; request.providerId names the result.
    ProviderOperation *rotate(const RotateRequest &request) override;
    ProviderOperation *verifySecret(const QString &providerId, const SecretBytes &secret) override;
    ProviderOperation *revoke(const QString &providerId, int version) override;
    ProviderOperation *setPolicy(const QString &providerId, const RotationPolicy &policy) override;

private:
    void checkCredential(ProviderOperation *operation, const SecretBytes &bearer);
};
