// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/secretbytes.h"
#include "fakeserver.h"
#include "pangeaitemstore.h"

#include <QHash>

#include <optional>

// Pangea Vault (v2, plus the legacy v1 calls the old SDKs made) for pangea_token items:
// POST /v2/list, /v2/get, /v2/secret/rotate, /v2/update, /v2/state/change, /v1/secret/rotate,
// /v1/get and GET /request/{id}. Every answer is the Pangea envelope {request_id, request_time,
// response_time, status, summary, result}; bad input gets 400 ValidationError with
// result.errors[], a missing or dead bearer token 401 Unauthorized.
//
// Admin tokens (addAdminToken) may call everything; the token values of the items themselves
// authenticate the read calls (/v2/get, /v1/get), so a rotated token can be checked. With
// setAcceptedPolls(n) the rotate calls answer 202 Accepted and GET /request/{id} gives the
// real answer at the n-th poll, as Pangea does for long-running requests.
class FakePangea final : public FakeServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakePangea)

public:
    explicit FakePangea(const Clock &clock = Clock::system(), QObject *parent = nullptr);

    void addAdminToken(const SecretBytes &token);
    // Returns the new item id (pvi_…).
    QString addTokenItem(const PangeaTokenSeed &seed);
    void setAcceptedPolls(int polls) { m_acceptedPolls = polls; }

    std::optional<PangeaItem> item(const QString &id) const;
    QList<PangeaItem> items() const { return m_store.items(); }
    SecretBytes currentToken(const QString &id) const;
    // Would this token authenticate now (clock time), as admin or as an item's token?
    bool isSecretValid(const SecretBytes &token) const;
    // Versions in `state` ("active", "deactivated", "destroyed", ...) over all items.
    int versionCount(const QString &state) const;
    // Token versions minted by a rotation that were never used as a credential.
    int orphanCount() const;

protected:
    FakeResponse faultResponse(
        FaultKind kind, int status, int retryAfterSeconds, const FakeRequest &request) const override;
    FakeResponse routeNotFound(const FakeRequest &request, bool otherMethodMatched) const override;

private:
    using Handler = FakeResponse (FakePangea::*)(const FakeRequest &, const QString &);
    enum class Caller {
        AdminOnly,
        AnyToken,
    };

    void addPangeaRoute(const QByteArray &method, const QString &path, Caller caller, Handler handler);
    bool authenticate(const FakeRequest &request, Caller caller);
    QString newRequestId();
    FakeResponse envelope(const FakeRequest &request, const QString &requestId, int httpStatus, const QString &status,
        const QString &summary, const QJsonValue &result) const;
    FakeResponse validationError(const FakeRequest &request, const QString &requestId, const QJsonArray &errors) const;
    FakeResponse notFound(const FakeRequest &request, const QString &requestId, const QString &id) const;
    // Parses the JSON body, checks `allowed` keys and a valid `id`; errors are appended.
    QJsonObject parseBody(const FakeRequest &request, const QStringList &allowed, QJsonArray &errors) const;
    FakeResponse maybeAccepted(const FakeRequest &request, const QString &requestId, FakeResponse response);

    FakeResponse v2List(const FakeRequest &request, const QString &requestId);
    FakeResponse v2Get(const FakeRequest &request, const QString &requestId);
    FakeResponse v2Rotate(const FakeRequest &request, const QString &requestId);
    FakeResponse v2Update(const FakeRequest &request, const QString &requestId);
    FakeResponse v2StateChange(const FakeRequest &request, const QString &requestId);
    FakeResponse v1Rotate(const FakeRequest &request, const QString &requestId);
    FakeResponse v1Get(const FakeRequest &request, const QString &requestId);
    FakeResponse poll(const FakeRequest &request, const QString &requestId);
    // Shared by both rotate versions; null on success with `item`/`version` set.
    std::optional<FakeResponse> rotateItem(
        const FakeRequest &request, const QString &requestId, PangeaItem *&item, const PangeaVersion *&version);

    struct Pending
    {
        FakeResponse response;
        int pollsLeft = 0;
    };

    PangeaItemStore m_store;
    QStringList m_adminTokens;
    int m_acceptedPolls = 0;
    QHash<QString, Pending> m_pending;
};
