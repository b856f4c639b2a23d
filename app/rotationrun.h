// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/providercapabilities.h"
#include "domain/account.h"
#include "domain/rotation.h"
#include "domain/secretbytes.h"
#include "domain/token.h"
#include "rotationsubject.h"
#include "store/rotationstore.h"

#include <QObject>
#include <QPointer>

#include <functional>

class AppContext;
class Provider;
class ProviderOperation;
struct ApiError;

// Drives one rotation through its steps, from wherever its journal says it is. Every step is
// recorded (RotationStore::record) before the network call it makes, and the new secret goes to
// the keychain before anything else happens to it. When a step fails for good after the
// provider made a new secret, what can be undone is undone (Dynatrace: the new token is disabled
// and deleted, the Vault sinks get the old value back, the pending keychain entry goes) and the
// old version stays current. The old version is never revoked before the new one is stored,
// written to its sinks, verified and promoted. Emits finished() once, then deletes itself.
class RotationRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RotationRun)

public:
    // The keychain holds this under the new version's key from Reserve until Store replaces it.
    static const QByteArray ReservedMarker;

    // `resumed`: the rotation comes from the journal of an earlier process, so a step that was
    // under way may or may not have happened at the provider.
    RotationRun(AppContext *context, Rotation rotation, bool resumed, QObject *parent = nullptr);
    ~RotationRun() override;

    void start();
    const Rotation &rotation() const { return m_rotation; }

Q_SIGNALS:
    void progressed(const Rotation &rotation);
    void finished(const Rotation &rotation);

private:
    void prepare();
    void dispatch();
    void reserve();
    void create();
    void store();
    void sink();
    void verify();
    void promote();
    // RevokeOld and DeleteOld, each when it is due.
    void retireOld();
    void resumeAfterUnknownCreate();
    void resumeWithStoredSecret(const std::function<void()> &onSecret, const std::function<void()> &onMissing);
    void compensate(const QString &reason);

    // Journals the step change with its audit line (and `also` in the same transaction), then
    // reaches the step's fault point and runs it.
    void advance(Rotation::Step next, const QString &action, const QString &details, const QString &requestId = {},
        const std::function<bool()> &also = {});
    void finish(Rotation::Status status, const QString &message);
    void failStep(const QString &action, const ApiError &error);
    // The token, account and provider abilities this run knows the rotation by, as its helpers do.
    RotationSubject subject() const;
    QString newSecretKey() const { return subject().secretKey(m_rotation.newVersion); }

    AppContext *m_context;
    RotationStore m_journal;
    Rotation m_rotation;
    bool m_resumed;
    Token m_token;
    Account m_account;
    QPointer<Provider> m_provider;
    ProviderCapabilities m_capabilities;
    SecretBytes m_oldSecret; // may be empty: tokens read from a listing have no secret here
    SecretBytes m_newSecret; // only between Create and the keychain, or read back on resume
    bool m_finished = false;
    bool m_secretInKeychain = false;
    bool m_repeatingLostCreate = false; // a resumed create whose first attempt may have happened
};
