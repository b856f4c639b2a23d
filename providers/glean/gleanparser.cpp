// SPDX-License-Identifier: GPL-3.0-or-later
#include "gleanparser.h"

#include "core/jsonreader.h"
#include "domain/policyduration.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

using Presence = JsonReader::Presence;

// Latest second of year 9999: a larger createdAt is milliseconds sent by mistake, not seconds.
constexpr qint64 LatestSeconds = 253402300799;

} // namespace

Parsed<RotationResult> GleanParser::parseRotate(const HttpAnswer &answer, const QDateTime &now)
{
    if (!answer.isSuccess())
        return Parsed<RotationResult>::failure(errorFor(answer));

    ApiError error;
    const std::optional<QJsonObject> root = JsonReader::parseObject(answer.body, error);
    RotationResult rotation;
    if (root) {
        const JsonReader reader(*root, {}, error);
        const std::optional<qint64> createdAt = reader.integer("createdAt"_L1, Presence::Required, 0, LatestSeconds);
        const std::optional<qint64> period = reader.integer(
            "rotationPeriodMinutes"_L1, Presence::Required, 1, PolicyDuration::MaximumNominalSeconds / 60);
        // Read last so that nothing above can fail after the secret has been copied out.
        const QString secret = reader.nonEmptyString("rawSecret"_L1);
        if (!error.isError()) {
            rotation.newSecret = SecretBytes(secret.toUtf8());
            rotation.createdAt = QDateTime::fromSecsSinceEpoch(*createdAt, QTimeZone::utc()).toUTC();
            rotation.rotationPeriodMinutes = *period;
            rotation.expiresAt = rotation.createdAt.addSecs(*period * 60);
            rotation.oldValidUntil = now.toUTC().addSecs(OldSecretBufferMinutes * 60);
        }
    }
    if (error.isError()) {
        error.httpStatus = answer.status;
        return Parsed<RotationResult>::failure(error);
    }
    return Parsed<RotationResult>::success(std::move(rotation));
}

ApiError GleanParser::errorFor(const HttpAnswer &answer)
{
    const int status = answer.status;
    QString message;
    switch (status) {
    case 400:
        message = tr("Glean rejected the rotate request as invalid (bad request)");
        break;
    case 401:
        message = tr("The Glean token is not valid, or was already rotated or has expired");
        break;
    case 403:
        message = tr("The source IP address is not in the Glean token's allow-list");
        break;
    case 404:
        message = tr("Glean has no rotate endpoint at this address; check the instance URL");
        break;
    case 429:
        message = tr("Glean is rate-limiting requests; try again later");
        break;
    default:
        message = status >= 500 ? tr("Glean had a server error (HTTP %1); try again later").arg(status)
                                : tr("Glean answered with unexpected HTTP status %1").arg(status);
        break;
    }
    ApiError error = answer.httpError(message);
    error.retryable = status == 429 || status >= 500;
    return error;
}
