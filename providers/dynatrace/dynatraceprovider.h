// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/provider.h"

// Dynatrace access tokens through the Tokens API v2 (/api/v2/apiTokens), falling back to the
// deprecated v1 routes (/api/v1/tokens) when a cluster answers 404 to v2. Dynatrace has no rotate
// call: rotate() creates a replacement with the old token's name and scopes, and the engine
// then stores it, verifies it and disables the old one. A token cannot disable or delete itself,
// so calls that would do that with the account's own management token are refused up front.
class DynatraceProvider final : public Provider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DynatraceProvider)

public:
    using Provider::Provider;

    ProviderKind kind() const override { return ProviderKind::Dynatrace; }
    ProviderCapabilities capabilities() const override;

    ProviderOperation *testConnection() override;
    ProviderOperation *listTokens() override;
    ProviderOperation *getToken(const QString &providerId) override;
    ProviderOperation *rotate(const RotateRequest &request) override;
    ProviderOperation *verifySecret(const QString &providerId, const SecretBytes &secret) override;
    ProviderOperation *revoke(const QString &providerId, int version) override;
    ProviderOperation *deleteToken(const QString &providerId) override;
    ProviderOperation *lookupSecret(const SecretBytes &secret) override;

    // The token id of a secret: "dt0c01.<public>.<secret>" → "dt0c01.<public>".
    static QString idOfSecret(const SecretBytes &secret);
    bool usesLegacyApi() const { return m_legacy; }

private:
    ApiCall call(const QByteArray &method, const QString &path, QByteArray body = {}) const;
    void listPage(ProviderOperation *operation, QList<RemoteToken> collected, const QString &pageKey);
    void lookup(ProviderOperation *operation, const SecretBytes &secret, const SecretBytes &authorization,
        const QString &expectedId = {});
    ProviderOperation *refuseOwnToken(const QString &providerId, const QString &action);
    QString tokensPath() const;

    bool m_legacy = false;
};
