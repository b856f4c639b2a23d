// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/provider.h"
#include "pangeareply.h"

#include <chrono>

// Pangea Vault items of type pangea_token through the v2 routes: every call is a POST with a JSON
// body and the account credential as Bearer token. Pangea rotates on its own schedule, so TokenDesk
// pushes the policy (setPolicy), lists and reads the versions Pangea keeps, rotates on demand and
// deactivates old versions (revoke). Any call may answer 202 Accepted; the final answer is then
// polled at GET /request/{request_id} (bounded, from timers) and parsed as the original call's.
// A server that answers 404 to a v2 route is an old deployment: rotate and read then use the legacy
// /v1/secret/rotate and /v1/get routes for the rest of the provider's life.
class PangeaProvider final : public Provider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PangeaProvider)

public:
    using Provider::Provider;

    // Items per /v2/list page (Pangea's default; it allows up to 100).
    static constexpr int ListPageSize = 50;

    ProviderKind kind() const override { return ProviderKind::PangeaVault; }
    ProviderCapabilities capabilities() const override;

    ProviderOperation *testConnection() override;
    ProviderOperation *listTokens() override;
    ProviderOperation *getToken(const QString &providerId) override;
    // Mints the next version; RotateRequest::gracePeriod, when set, overrides the item's grace period.
    ProviderOperation *rotate(const RotateRequest &request) override;
    // Reads the item's current version with `secret` as Bearer token and checks that the value it
    // returns is that secret.
    ProviderOperation *verifySecret(const QString &providerId, const SecretBytes &secret) override;
    // Stops version `version` (> 0) of the item from being accepted: "deactivated", or "destroyed"
    // again for a version Pangea already destroyed that is still in its grace period; a version no
    // longer accepted is left alone. The current version is never implied.
    ProviderOperation *revoke(const QString &providerId, int version) override;
    // rotation_frequency (the interval when `automatic`, else "never"), rotation_grace_period (when
    // set) and rotation_state "deactivated", through /v2/update.
    ProviderOperation *setPolicy(const QString &providerId, const RotationPolicy &policy) override;

    // How a 202 Accepted is polled: the first wait, doubled after each poll up to MaximumPollDelay
    // (a Retry-After on the answer replaces it), and the number of polls before giving up.
    void setPollSchedule(std::chrono::milliseconds firstDelay, int maxPolls);
    static constexpr std::chrono::milliseconds MaximumPollDelay {std::chrono::seconds(15)};
    static constexpr std::chrono::milliseconds MaximumRetryAfter {std::chrono::minutes(10)};

    bool usesLegacyApi() const { return m_legacy; }

private:
    // Gets the final answer of a call; `polled` is true when it came from GET /request/{id}.
    using FinalAnswer = std::function<void(const HttpAnswer &answer, bool polled)>;
    struct PollState
    {
        int polls = 0;
        std::chrono::milliseconds nextDelay {0};
        QDateTime keptUntil; // Pangea keeps the result for ttl_mins; invalid = not said
    };

    ApiCall call(const QString &path, QByteArray body, const SecretBytes &bearer, bool idempotent) const;
    // Sends `request`; 202 answers are polled until the final answer, which goes to `onFinal`.
    void send(ProviderOperation *operation, ApiCall request, FinalAnswer onFinal);
    void pollLater(ProviderOperation *operation, const HttpAnswer &answer, const PangeaAccepted &accepted,
        PollState state, FinalAnswer onFinal);
    // A v2 route this server does not have (not an item it does not know).
    bool isMissingRoute(const HttpAnswer &answer, bool polled) const;

    void listPage(ProviderOperation *operation, QList<RemoteToken> collected, const QString &last);
    void readItem(ProviderOperation *operation, const QString &providerId);
    void sendRotate(ProviderOperation *operation, const RotateRequest &request);
    void readWithSecret(ProviderOperation *operation, const QString &providerId, const SecretBytes &secret);
    // Finishes with the item of an /v2/update or /v2/state/change answer.
    void finishWithItem(ProviderOperation *operation, const HttpAnswer &answer);

    bool m_legacy = false;
    std::chrono::milliseconds m_firstPollDelay {std::chrono::seconds(1)};
    int m_maxPolls = 12;
};
