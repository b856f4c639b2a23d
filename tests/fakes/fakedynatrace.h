// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/secretbytes.h"
#include "dynatracetokenstore.h"
#include "fakeserver.h"

#include <optional>

// Dynatrace's access-token APIs on one environment: v2 /api/v2/apiTokens (list with paging,
// create, get, lookup, update, delete) and the deprecated v1 /api/v1/tokens over the same
// tokens. `Authorization: Api-Token <token>` (or the api-token query parameter); scopes are
// enforced (apiTokens.read / apiTokens.write, v1: TenantTokenManagement, lookup: any scope);
// a token cannot disable or delete itself (400). Errors use Dynatrace's envelope
// {"error": {"code", "message", "constraintViolations"?}} and every JSON answer is
// `application/json; charset=utf-8`, as the spec declares.
class FakeDynatrace final : public FakeServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeDynatrace)

public:
    explicit FakeDynatrace(const Clock &clock = Clock::system(), QObject *parent = nullptr);

    // Returns the new token's secret; `id` receives its dt0c01.… id.
    SecretBytes addToken(const DynatraceTokenSeed &seed, QString *id = nullptr);

    std::optional<DynatraceToken> token(const QString &idOrSecret) const;
    bool isSecretValid(const SecretBytes &secret) const;
    int tokenCount() const { return static_cast<int>(m_store.tokens().size()); }
    int enabledCount() const;
    // Tokens created through the API that are still enabled and were never used: what a
    // rotation leaves behind when it dies between "create" and "store the secret".
    int orphanCount() const;
    // Every token, for tests that need to say which one is an orphan.
    QList<DynatraceToken> tokens() const;

protected:
    FakeResponse faultResponse(
        FaultKind kind, int status, int retryAfterSeconds, const FakeRequest &request) const override;
    FakeResponse routeNotFound(const FakeRequest &request, bool otherMethodMatched) const override;

private:
    using Handler = FakeResponse (FakeDynatrace::*)(const FakeRequest &, DynatraceToken &caller);

    void addTokenRoute(const QByteArray &method, const QString &path, const QString &scope, Handler handler);
    static FakeResponse error(int status, const QString &message, const QJsonArray &violations = {});
    static QJsonObject violation(const QString &path, const QString &message, const QString &location);
    static FakeResponse jsonAnswer(int status, const QJsonObject &object);

    FakeResponse v2List(const FakeRequest &request, DynatraceToken &caller);
    FakeResponse v2Create(const FakeRequest &request, DynatraceToken &caller);
    FakeResponse v2Get(const FakeRequest &request, DynatraceToken &caller);
    FakeResponse v2Lookup(const FakeRequest &request, DynatraceToken &caller);
    FakeResponse v2Update(const FakeRequest &request, DynatraceToken &caller);
    FakeResponse remove(const FakeRequest &request, DynatraceToken &caller);
    FakeResponse v1List(const FakeRequest &request, DynatraceToken &caller);
    FakeResponse v1Create(const FakeRequest &request, DynatraceToken &caller);
    FakeResponse v1Get(const FakeRequest &request, DynatraceToken &caller);
    FakeResponse v1Lookup(const FakeRequest &request, DynatraceToken &caller);
    FakeResponse v1Update(const FakeRequest &request, DynatraceToken &caller);

    // Body checks shared by create and update; violations are appended.
    static void checkScopes(const QJsonObject &body, bool required, QJsonArray &violations);
    DynatraceToken &createToken(const QString &name, const QStringList &scopes, const QDateTime &expiration,
        bool personal, const DynatraceToken &caller);
    FakeResponse notFound() const;

    DynatraceTokenStore m_store;
};
