// SPDX-License-Identifier: GPL-3.0-or-later
#include "rotationundo.h"

#include "appcontext.h"
#include "core/provider.h"
#include "core/provideroperation.h"
#include "secrets/secretjob.h"
#include "secrets/secretstore.h"
#include "sinkwriter.h"
#include "store/rotationstore.h"

using namespace Qt::StringLiterals;

RotationUndo::RotationUndo(
    AppContext *context, Provider *provider, qint64 tokenId, QJsonArray sinkWrites, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_provider(provider)
    , m_tokenId(tokenId)
    , m_sinkWrites(std::move(sinkWrites))
{ }

void RotationUndo::run(QList<Step> steps, Audit audit, Done done)
{
    m_steps = std::move(steps);
    m_audit = std::move(audit);
    m_done = std::move(done);
    next();
}

void RotationUndo::stepDone(const QString &name, const ApiError &error, const QString &requestId)
{
    const bool gone = error.isError() && error.httpStatus == 404;
    m_audit(name, gone ? ApiError() : error, requestId);
    if (error.isError() && !gone) {
        m_done(error, m_note);
        deleteLater();
        return;
    }
    next();
}

void RotationUndo::next()
{
    if (m_steps.isEmpty()) {
        m_done({}, m_note);
        deleteLater();
        return;
    }
    const Step step = m_steps.takeFirst();
    switch (step.kind) {
    case Kind::DisableToken:
    case Kind::DeleteToken: {
        const bool disable = step.kind == Kind::DisableToken;
        const QString name = (disable ? u"disable "_s : u"delete "_s) + step.target;
        if (!m_provider) {
            ApiError error;
            error.kind = ApiError::Kind::Refused;
            error.message = tr("The provider is no longer available.");
            stepDone(name, error, {});
            return;
        }
        ProviderOperation *operation
            = disable ? m_provider->revoke(step.target, 0) : m_provider->deleteToken(step.target);
        connect(operation, &ProviderOperation::finished, this,
            [this, name](ProviderOperation *done) { stepDone(name, done->error(), done->auditRequestId()); });
        return;
    }
    case Kind::RestoreSinks: {
        const QList<SinkWriter::Write> writes
            = SinkWriter::fromJson(m_sinkWrites, RotationStore(m_context->store()).sinks(m_tokenId));
        if (writes.isEmpty()) {
            next();
            return;
        }
        auto *writer = new SinkWriter(m_context->store(), m_context->secrets(), m_context->http(), this);
        writer->restore(writes, [this](const ApiError &error, const QList<SinkWriter::Write> &restored) {
            QStringList paths;
            for (const SinkWriter::Write &w : restored)
                paths << w.sink.mount + u'/' + w.sink.path;
            stepDone(u"restore Vault "_s + paths.join(u", "_s), error, {});
        });
        return;
    }
    case Kind::DropSecret: {
        SecretJob *job = m_context->secrets()->remove(step.target);
        connect(job, &SecretJob::finished, this, [this](SecretJob *done) {
            ApiError error;
            if (done->error() != SecretJob::Error::NoError && done->error() != SecretJob::Error::NotFound) {
                error.kind = ApiError::Kind::Refused;
                error.message = done->errorString();
            }
            stepDone(u"remove pending secret"_s, error, {});
        });
        return;
    }
    }
}
