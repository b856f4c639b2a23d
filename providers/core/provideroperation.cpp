// SPDX-License-Identifier: GPL-3.0-or-later
#include "provideroperation.h"

#include <QTimer>

ProviderOperation::ProviderOperation(QObject *parent)
    : QObject(parent)
{ }

void ProviderOperation::noteExchange(const QString &correlationId, const QString &requestId)
{
    if (!correlationId.isEmpty())
        m_correlationIds << correlationId;
    if (!requestId.isEmpty())
        m_requestIds << requestId;
}

void ProviderOperation::reportProgress(int done, int total)
{
    Q_EMIT progress(done, total);
}

void ProviderOperation::finishWithTokens(QList<RemoteToken> tokens)
{
    m_tokens = std::move(tokens);
    finish();
}

void ProviderOperation::finishWithRotation(RotationResult rotation)
{
    m_rotation = std::move(rotation);
    finish();
}

void ProviderOperation::finishOk()
{
    finish();
}

void ProviderOperation::finishWithError(ApiError error)
{
    m_error = std::move(error);
    finish();
}

void ProviderOperation::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    // Always from the event loop, so a caller that connects after starting the call never misses it.
    QTimer::singleShot(0, this, [this] {
        Q_EMIT finished(this);
        deleteLater();
    });
}

QString ProviderOperation::auditRequestId() const
{
    if (!m_requestIds.isEmpty())
        return m_requestIds.constLast();
    return m_correlationIds.isEmpty() ? QString() : m_correlationIds.constLast();
}
