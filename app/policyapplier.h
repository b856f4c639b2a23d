// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/auditevent.h"
#include "domain/rotationpolicy.h"
#include "domain/token.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>

class AppContext;
class Provider;

// Saves one policy edit for many tokens, one audit line each. A token whose provider keeps the
// rotation settings itself (Pangea: capabilities().setPolicy) gets the policy pushed first, one
// token at a time, and keeps its old policy when the push fails, so the workspace never claims a
// schedule the provider does not run. Other tokens are written at once. Emits pushing() before
// each push and finished() once, with what was saved and what failed and why.
class PolicyApplier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyApplier)

public:
    struct Change
    {
        qint64 tokenId = 0;
        RotationPolicy policy;
    };
    struct Failure
    {
        qint64 tokenId = 0;
        QString tokenName;
        QString message; // translated; the provider's own words where it answered
    };

    explicit PolicyApplier(AppContext *context, QObject *parent = nullptr);
    ~PolicyApplier() override;

    void start(const QList<Change> &changes);
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // `number` of `total` pushes is on its way to the account `accountName`.
    void pushing(int number, int total, const QString &accountName);
    void finished(const QList<qint64> &applied, const QList<PolicyApplier::Failure> &failures);

private:
    struct Push
    {
        Change change;
        qint64 accountId = 0;
    };

    // Writes the policy and its audit line; `pushedTo` names the account it was pushed to.
    void save(const Change &change, const QString &pushedTo, const QString &requestId);
    void fail(qint64 tokenId, const QString &message, const QString &requestId = {});
    void audit(const Token &token, AuditEvent::Outcome outcome, const QString &details, const QString &requestId);
    void pushNext();
    void push(const Push &next, Provider *provider);
    void finish();

    AppContext *m_context;
    bool m_running = false;
    QList<Push> m_pushes;
    int m_pushTotal = 0;
    int m_pushDone = 0;
    QHash<qint64, QPointer<Provider>> m_providers; // per account, made once per run
    QList<qint64> m_applied;
    QList<Failure> m_failures;
};

Q_DECLARE_METATYPE(PolicyApplier::Failure)
