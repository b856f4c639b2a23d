// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/apierror.h"
#include "remotetoken.h"
#include "rotationresult.h"

#include <QObject>
#include <QStringList>

// One asynchronous provider operation (list, rotate, revoke, ...), which may take several HTTP
// exchanges (paging, polling a 202). It emits finished() exactly once, from the event loop, then
// deletes itself; callers read the outcome in their slot. The provider's request ids and our
// correlation ids are kept for the audit log.
class ProviderOperation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProviderOperation)

public:
    explicit ProviderOperation(QObject *parent = nullptr);

    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && !m_error.isError(); }
    const ApiError &error() const { return m_error; }
    const QList<RemoteToken> &tokens() const { return m_tokens; }
    const RotationResult &rotation() const { return m_rotation; }
    const QStringList &requestIds() const { return m_requestIds; }
    const QStringList &correlationIds() const { return m_correlationIds; }
    // The id an audit line names: the provider's last request id, or, when it sent none, the
    // correlation id TokenDesk gave the last exchange; empty before any exchange.
    QString auditRequestId() const;

    // Used by providers while the operation runs.
    void noteExchange(const QString &correlationId, const QString &requestId);
    void reportProgress(int done, int total);
    void finishWithTokens(QList<RemoteToken> tokens);
    void finishWithRotation(RotationResult rotation);
    void finishOk();
    void finishWithError(ApiError error);

Q_SIGNALS:
    void progress(int done, int total);
    void finished(ProviderOperation *operation);

private:
    void finish();

    bool m_finished = false;
    ApiError m_error;
    QList<RemoteToken> m_tokens;
    RotationResult m_rotation;
    QStringList m_requestIds;
    QStringList m_correlationIds;
};
