// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rotaterequest.h"
#include "domain/rotation.h"
#include "domain/secretbytes.h"
#include "http/apierror.h"
#include "rotationsubject.h"

#include <QObject>
#include <QPointer>

#include <functional>

class AppContext;
class Provider;
class ProviderOperation;

// The Create step's work outside the workspace: the provider is asked for the new version (the
// rotate call, or for Dynatrace a replacement with the old token's name and scopes), and what it
// answers is read into the rotation. Until the new secret is in the keychain this process holds
// its only copy, so it goes there before the journal records anything; RotationRun journals the
// outcome. Finishes once, then deletes itself.
class NewVersionRequest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewVersionRequest)

public:
    enum class Outcome {
        Stored, // the provider issued the new version; its secret, when it has one, is in the keychain
        NotStored, // issued, but the keychain refused the secret (`error`): it exists only in memory
        Refused, // the provider issued nothing (`error`)
        AnswerLost, // a create's answer was lost (`error`): a replacement nobody holds may exist
    };
    struct Answer
    {
        Outcome outcome = Outcome::Refused;
        ApiError error;
        Rotation rotation; // with the new id, Piiano's id mapping and Glean's end of the old secret
        SecretBytes secret; // empty for Piiano, which issues new ids but no secret
        QString details; // of the create's audit line
        QString requestId;
    };
    using Done = std::function<void(const Answer &answer)>;

    // `oldSecret`: the current version's secret, which Glean rotates with; may be empty.
    NewVersionRequest(AppContext *context, Provider *provider, RotationSubject subject, Rotation rotation,
        SecretBytes oldSecret, QObject *parent);

    void run(Done done);

private:
    RotateRequest request() const;
    void issued(const ProviderOperation *operation);
    void finish(Outcome outcome, const ApiError &error = {});

    AppContext *m_context;
    QPointer<Provider> m_provider;
    RotationSubject m_subject;
    SecretBytes m_oldSecret;
    Answer m_answer;
    Done m_done;
};
