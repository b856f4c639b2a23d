// SPDX-License-Identifier: GPL-3.0-or-later
#include "gleanprovider.h"

#include "core/httpanswer.h"
#include "domain/clock.h"
#include "gleanparser.h"
#include "http/apicall.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

QString noRevokeCall()
{
    return GleanProvider::tr("Glean has no revoke call: an old secret stays valid for its 10-minute buffer.");
}

QString noListCall()
{
    return GleanProvider::tr("Glean has no call that lists tokens: add each token with its secret.");
}

QString fixedPeriod()
{
    return GleanProvider::tr("The rotation period is fixed when the token is created in the Glean admin console.");
}

} // namespace

ProviderCapabilities GleanProvider::capabilities() const
{
    ProviderCapabilities caps;
    caps.rotate = true;
    caps.fixedGracePeriod = std::chrono::minutes(GleanParser::OldSecretBufferMinutes);
    caps.limitations << noRevokeCall() << noListCall() << fixedPeriod()
                     << tr("A Glean token rotates only itself: TokenDesk needs each token's current secret, not an "
                           "admin credential, to rotate it.");
    return caps;
}

ProviderOperation *GleanProvider::listTokens()
{
    return unsupported(noListCall());
}

ProviderOperation *GleanProvider::revoke(const QString &, int)
{
    return unsupported(noRevokeCall());
}

ProviderOperation *GleanProvider::setPolicy(const QString &, const RotationPolicy &)
{
    return unsupported(fixedPeriod());
}

ProviderOperation *GleanProvider::testConnection()
{
    auto *operation = new ProviderOperation(this);
    checkCredential(operation, credential());
    return operation;
}

ProviderOperation *GleanProvider::verifySecret(const QString &, const SecretBytes &secret)
{
    if (secret.isEmpty())
        return unsupported(tr("There is no secret to check."));
    auto *operation = new ProviderOperation(this);
    checkCredential(operation, secret);
    return operation;
}

void GleanProvider::checkCredential(ProviderOperation *operation, const SecretBytes &bearer)
{
    const QByteArray body = QJsonDocument(QJsonObject {{"datasource"_L1, QLatin1StringView(ProbeDatasource)}})
                                .toJson(QJsonDocument::Compact);
    ApiCall check("POST", endpoint(u"/api/index/v1/getdatasourceconfig"_s), body);
    check.setHeader("Authorization", "Bearer " + bearer.exposeBytes());
    check.setHeader("Accept", "application/json");
    // It reads a configuration, so it may be repeated like any read.
    check.idempotent = true;
    exchange(operation, std::move(check), [operation](const HttpAnswer &answer) {
        // 400: the token was accepted and the (made-up) datasource was not found.
        if (answer.isSuccess() || answer.status == 400) {
            operation->finishOk();
            return;
        }
        ApiError error = GleanParser::errorFor(answer);
        if (answer.status == 404)
            error.message = tr("Glean has no indexing API at this address; check the instance URL");
        operation->finishWithError(std::move(error));
    });
}

ProviderOperation *GleanProvider::rotate(const RotateRequest &request)
{
    if (request.currentSecret.isEmpty()) {
        return unsupported(tr("A Glean token can only be rotated with its own current secret, and TokenDesk has none "
                              "for %1.")
                               .arg(request.providerId));
    }
    auto *operation = new ProviderOperation(this);
    // Glean takes no body; sending none with no Content-Type avoids a JSON parse of nothing.
    ApiCall rotation("POST", endpoint(u"/api/index/v1/rotatetoken"_s));
    rotation.contentType.clear();
    rotation.setHeader("Authorization", "Bearer " + request.currentSecret.exposeBytes());
    rotation.setHeader("Accept", "application/json");
    // Each call mints a new secret and starts the old one's buffer: never sent twice blindly.
    rotation.idempotent = false;
    exchange(
        operation, std::move(rotation), [this, operation, providerId = request.providerId](const HttpAnswer &answer) {
            Parsed<RotationResult> parsed = GleanParser::parseRotate(answer, clock().nowUtc());
            if (!parsed.ok()) {
                ApiError error = parsed.error;
                // A rotation that failed on Glean's side may still have minted a secret; only a server
                // that declined before doing anything (throttled, unavailable) is worth asking again.
                error.retryable = error.httpStatus == 429 || error.httpStatus == 503;
                operation->finishWithError(std::move(error));
                return;
            }
            RotationResult result = std::move(*parsed.value);
            result.newProviderId = providerId;
            operation->finishWithRotation(std::move(result));
        });
    return operation;
}
