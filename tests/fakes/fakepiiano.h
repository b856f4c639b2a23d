// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/secretbytes.h"
#include "fakeserver.h"
#include "piianotoken.h"

#include <QHash>

#include <optional>

// Piiano Vault's data-token API under /api/pvlt/1.0: POST collections/{c}/rotate/tokens
// (token_ids comma-separated and/or repeated; one unknown id fails the whole call with 404
// PV3087), POST collections/{c}/query/tokens (metadata), GET collections/{c}/tokens
// (detokenize) and the unauthenticated GET data/info/health and ctl/info/health. Bearer API
// keys with a role (CapTokensReader/Writer/Detokenizer); access reasons are enforced (400
// PV1001 when missing). Errors are {error_code, message, context}.
class FakePiiano final : public FakeServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakePiiano)

public:
    explicit FakePiiano(const Clock &clock = Clock::system(), QObject *parent = nullptr);

    void addApiKey(const SecretBytes &apiKey, const QString &user, const PiianoRole &role = {});
    void addCollection(const QString &name);
    // Returns the new token id.
    QString addToken(const QString &collection, const PiianoTokenSeed &seed);
    // Vault's PVAULT_SERVICE_FORCE_ACCESS_REASON; on by default as in production setups.
    void setForceAccessReason(bool force) { m_forceReason = force; }

    bool isSecretValid(const SecretBytes &apiKey) const { return m_apiKeys.contains(apiKey.exposeUtf8()); }
    std::optional<PiianoToken> token(const QString &collection, const QString &tokenId) const;
    bool hasToken(const QString &collection, const QString &tokenId) const;
    int tokenCount(const QString &collection) const;
    // Ids issued by a rotation that nobody detokenized or queried since.
    int orphanCount() const;

protected:
    FakeResponse faultResponse(
        FaultKind kind, int status, int retryAfterSeconds, const FakeRequest &request) const override;
    FakeResponse routeNotFound(const FakeRequest &request, bool otherMethodMatched) const override;

private:
    enum class Capability {
        Reader,
        Writer,
        Detokenizer,
    };
    using Handler = FakeResponse (FakePiiano::*)(const FakeRequest &, QList<PiianoToken> &collection);

    struct ApiKey
    {
        QString user;
        PiianoRole role;
    };

    void addDataRoute(const QByteArray &method, const QString &suffix, Capability capability, Handler handler);
    static FakeResponse error(int status, const QString &code, const QString &message, const QJsonObject &context = {});
    // A failed check of the access-reason parameters, or nothing.
    std::optional<FakeResponse> checkReason(const FakeRequest &request) const;
    QJsonObject metadataJson(const PiianoToken &token) const;
    bool isArchived(const PiianoToken &token) const;

    FakeResponse rotate(const FakeRequest &request, QList<PiianoToken> &collection);
    FakeResponse query(const FakeRequest &request, QList<PiianoToken> &collection);
    FakeResponse detokenize(const FakeRequest &request, QList<PiianoToken> &collection);

    QHash<QString, ApiKey> m_apiKeys;
    QHash<QString, QList<PiianoToken>> m_collections;
    bool m_forceReason = true;
};
