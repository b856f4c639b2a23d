// SPDX-License-Identifier: GPL-3.0-or-later
#include "provider.h"

#include "http/apicall.h"
#include "http/apirequest.h"
#include "http/apiresult.h"
#include "http/httpclient.h"
#include "httpanswer.h"

#include <QPointer>

using namespace Qt::StringLiterals;

Provider::Provider(Account account, SecretBytes credential, HttpClient *http, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_credential(std::move(credential))
    , m_http(http)
    , m_clock(clock)
{ }

Provider::~Provider() = default;

QUrl Provider::endpoint(const QString &path) const
{
    QUrl url = m_account.baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    return url;
}

ProviderOperation *Provider::unsupported(const QString &why)
{
    auto *operation = new ProviderOperation(this);
    ApiError error;
    error.kind = ApiError::Kind::Refused;
    error.message = why;
    operation->finishWithError(error);
    return operation;
}

ProviderOperation *Provider::getToken(const QString &)
{
    return unsupported(tr("%1 has no call that reads a single token.").arg(ProviderKindInfo::displayName(kind())));
}

ProviderOperation *Provider::rotate(const RotateRequest &)
{
    return unsupported(tr("%1 has no rotate call.").arg(ProviderKindInfo::displayName(kind())));
}

ProviderOperation *Provider::verifySecret(const QString &, const SecretBytes &)
{
    return unsupported(tr("%1 offers no call to check a token.").arg(ProviderKindInfo::displayName(kind())));
}

ProviderOperation *Provider::revoke(const QString &, int)
{
    return unsupported(tr("%1 has no revoke call.").arg(ProviderKindInfo::displayName(kind())));
}

ProviderOperation *Provider::deleteToken(const QString &)
{
    return unsupported(tr("%1 has no delete call.").arg(ProviderKindInfo::displayName(kind())));
}

ProviderOperation *Provider::setPolicy(const QString &, const RotationPolicy &)
{
    return unsupported(tr("%1 does not accept a rotation policy; TokenDesk schedules rotations itself.")
                           .arg(ProviderKindInfo::displayName(kind())));
}

ProviderOperation *Provider::lookupSecret(const SecretBytes &)
{
    return unsupported(tr("%1 cannot look a token up by its secret.").arg(ProviderKindInfo::displayName(kind())));
}

void Provider::exchange(ProviderOperation *operation, ApiCall call, std::function<void(const HttpAnswer &)> onAnswer)
{
    if (call.caCertificatePath.isEmpty())
        call.caCertificatePath = m_account.caCertificatePath;
    ApiRequest *request = m_http->send(std::move(call));
    QPointer<ProviderOperation> guard(operation);
    connect(
        request, &ApiRequest::finished, operation, [guard, onAnswer = std::move(onAnswer)](const ApiResult &result) {
            if (!guard || guard->isFinished())
                return;
            guard->noteExchange(result.correlationId, result.requestId);
            // A transport failure after the headers arrived (connection cut mid-body) must stay a
            // network error: for a rotate it means "the call may have happened", not "bad JSON".
            const ApiError::Kind kind = result.error.kind;
            const bool transport = kind == ApiError::Kind::Network || kind == ApiError::Kind::Timeout
                || kind == ApiError::Kind::Tls || kind == ApiError::Kind::Refused || kind == ApiError::Kind::Cancelled;
            if (result.httpStatus == 0 || transport) {
                guard->finishWithError(result.error);
                return;
            }
            onAnswer(result.answer());
        });
}
