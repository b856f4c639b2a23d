// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/apierror.h"

#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class AppContext;
class Provider;

// Undoes, one step at a time, what a failed or interrupted rotation left behind: a replacement
// token at the provider (disabled, then deleted), the new value in the token's Vault sinks (the
// old value written back), the pending secret in the keychain. Something already gone (HTTP 404,
// no keychain entry) counts as undone. Each step is reported to `audit`; the first step that
// fails stops the undo, so it can be retried later. Finishes once, then deletes itself.
class RotationUndo final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RotationUndo)

public:
    enum class Kind {
        DisableToken, // target: the provider's token id
        DeleteToken,
        RestoreSinks, // target unused: each Vault key written gets its earlier version back
        DropSecret, // target: the keychain key
    };
    struct Step
    {
        Kind kind;
        QString target;
    };
    using Audit = std::function<void(const QString &step, const ApiError &error, const QString &requestId)>;
    // `note`: something worth telling that is no error.
    using Done = std::function<void(const ApiError &error, const QString &note)>;

    // `sinkWrites`: the Vault writes the rotation attempted (SinkWriter::toJson).
    RotationUndo(AppContext *context, Provider *provider, qint64 tokenId, QJsonArray sinkWrites, QObject *parent);

    void run(QList<Step> steps, Audit audit, Done done);

private:
    void next();
    void stepDone(const QString &name, const ApiError &error, const QString &requestId);

    AppContext *m_context;
    QPointer<Provider> m_provider;
    qint64 m_tokenId;
    QJsonArray m_sinkWrites;
    QList<Step> m_steps;
    Audit m_audit;
    Done m_done;
    QString m_note;
};
