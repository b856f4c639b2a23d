// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/secretbytes.h"
#include "fakeserver.h"
#include "gleantoken.h"

#include <optional>

// Glean's indexing API, as far as token rotation needs it: POST /api/index/v1/rotatetoken
// (Bearer = the token being rotated → {rawSecret, createdAt (seconds), rotationPeriodMinutes})
// and two authenticated calls to prove a secret works, POST /api/index/v1/getdatasourceconfig
// and POST /api/index/v1/debug/{datasource}/status. The rotated-away secret keeps working for
// 10 minutes; a secret older than its rotation period, or a token past its expiry, gets 401.
// Time comes from the injected Clock, so tests move a MockClock instead of waiting.
class FakeGlean final : public FakeServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeGlean)

public:
    static constexpr qint64 BufferMinutes = 10;

    // What /rotatetoken does when called with a secret that was already rotated away but is
    // still inside its buffer. Glean does not document it; Reject (400) is the strict reading.
    enum class StaleRotation {
        Reject,
        MintAnother,
    };

    explicit FakeGlean(const Clock &clock = Clock::system(), QObject *parent = nullptr);

    // Returns the token's current secret; `tokenId` receives the console id.
    SecretBytes addToken(const GleanTokenSeed &seed, QString *tokenId = nullptr);
    void addDatasource(const QString &name, const QString &displayName);
    void setStaleRotation(StaleRotation behaviour) { m_staleRotation = behaviour; }
    // What an admin does in the console: every secret of the token stops working.
    void revokeToken(const QString &tokenId);

    bool isSecretValid(const SecretBytes &secret) const;
    std::optional<GleanToken> token(const QString &tokenId) const;
    std::optional<GleanToken> tokenForSecret(const SecretBytes &secret) const;
    // Secrets handed out by /rotatetoken that were never used for a request.
    int orphanCount() const;

protected:
    FakeResponse faultResponse(
        FaultKind kind, int status, int retryAfterSeconds, const FakeRequest &request) const override;

private:
    enum class SecretState {
        Unknown,
        Current,
        InBuffer,
        Dead,
    };

    std::pair<GleanToken *, GleanSecret *> find(const QString &value);
    SecretState stateOf(const GleanToken &token, const GleanSecret &secret) const;
    // The token and secret behind the request's bearer credential, or null after answering 401.
    std::pair<GleanToken *, GleanSecret *> authenticate(const FakeRequest &request);
    QString newSecretValue();

    FakeResponse rotateToken(const FakeRequest &request);
    FakeResponse datasourceConfig(const FakeRequest &request);
    FakeResponse datasourceStatus(const FakeRequest &request);

    QList<GleanToken> m_tokens;
    QList<std::pair<QString, QString>> m_datasources; // name, display name
    StaleRotation m_staleRotation = StaleRotation::Reject;
};
