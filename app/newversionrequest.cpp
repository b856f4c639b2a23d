// SPDX-License-Identifier: GPL-3.0-or-later
#include "newversionrequest.h"

#include "appcontext.h"
#include "core/provider.h"
#include "core/provideroperation.h"
#include "domain/clock.h"
#include "faultpoint.h"
#include "secrets/secretjob.h"
#include "secrets/secretstore.h"

#include <QCoreApplication>
#include <QJsonObject>

using namespace Qt::StringLiterals;

// The audit details keep RotationRun's translation context, as the rest of the rotation's trail.

NewVersionRequest::NewVersionRequest(AppContext *context, Provider *provider, RotationSubject subject,
    Rotation rotation, SecretBytes oldSecret, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_provider(provider)
    , m_subject(std::move(subject))
    , m_oldSecret(std::move(oldSecret))
{
    m_answer.rotation = std::move(rotation);
}

RotateRequest NewVersionRequest::request() const
{
    const Token &token = m_subject.token();
    RotateRequest request;
    request.providerId = token.providerId;
    request.name = token.name;
    request.scopes = token.scopes;
    if (token.expiresAt.isValid() && token.createdAt.isValid())
        request.expiresAt = m_context->clock().nowUtc().addSecs(token.createdAt.secsTo(token.expiresAt));
    request.currentSecret = m_oldSecret;
    request.gracePeriod = token.policy.gracePeriod;
    if (m_subject.capabilities().replacesIds)
        request.tokenIds = {token.providerId};
    return request;
}

void NewVersionRequest::run(Done done)
{
    m_done = std::move(done);
    ProviderOperation *operation = m_provider->rotate(request());
    connect(operation, &ProviderOperation::finished, this, [this](ProviderOperation *answer) {
        if (!answer->ok()) {
            const ApiError &error = answer->error();
            // A cut connection, a garbled answer or a gateway error after a create leave it
            // unknown whether the token exists: a replacement nobody holds must not stay behind.
            const bool outcomeUnknown = error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout
                || error.kind == ApiError::Kind::Malformed || error.httpStatus >= 500;
            finish(m_subject.capabilities().create && outcomeUnknown ? Outcome::AnswerLost : Outcome::Refused, error);
            return;
        }
        FaultPoint::reach(u"create-returned"_s);
        issued(answer);
    });
}

void NewVersionRequest::issued(const ProviderOperation *operation)
{
    const Token &token = m_subject.token();
    Rotation &rotation = m_answer.rotation;
    const RotationResult &result = operation->rotation();
    m_answer.secret = result.newSecret;
    rotation.newProviderId = result.replacedIds.value(token.providerId, result.newProviderId);
    if (rotation.newProviderId.isEmpty())
        rotation.newProviderId = token.providerId;
    if (result.oldValidUntil.isValid())
        rotation.extra.insert(u"oldValidUntil"_s, result.oldValidUntil.toString(Qt::ISODate));
    if (!result.replacedIds.isEmpty()) {
        QJsonObject mapping;
        for (auto it = result.replacedIds.constBegin(); it != result.replacedIds.constEnd(); ++it)
            mapping.insert(it.key(), it.value());
        rotation.extra.insert(u"replacedIds"_s, mapping);
    }
    m_answer.details = m_subject.capabilities().replacesIds
        ? QCoreApplication::translate("RotationRun", "new id %1 replaces %2")
              .arg(rotation.newProviderId, token.providerId)
        : QCoreApplication::translate("RotationRun", "version %1 created (%2)")
              .arg(rotation.newVersion)
              .arg(rotation.newProviderId);
    m_answer.requestId = operation->auditRequestId();
    if (m_answer.secret.isEmpty()) { // Piiano: new ids, no secret value
        finish(Outcome::Stored);
        return;
    }
    // The secret exists only in this process: into the keychain first, the journal after.
    SecretJob *job = m_context->secrets()->write(m_subject.secretKey(rotation.newVersion), m_answer.secret);
    connect(job, &SecretJob::finished, this, [this](SecretJob *written) {
        if (written->error() == SecretJob::Error::NoError) {
            finish(Outcome::Stored);
            return;
        }
        ApiError error;
        error.kind = ApiError::Kind::Refused;
        error.message = written->errorString();
        finish(Outcome::NotStored, error);
    });
}

void NewVersionRequest::finish(Outcome outcome, const ApiError &error)
{
    m_answer.outcome = outcome;
    m_answer.error = error;
    m_done(m_answer);
    m_answer.secret.clear();
    m_oldSecret.clear();
    deleteLater();
}
