// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyapplier.h"

#include "appcontext.h"
#include "core/provider.h"
#include "core/provideroperation.h"
#include "domain/clock.h"
#include "osuser.h"
#include "secrets/secretjob.h"
#include "secrets/secretstore.h"
#include "store/workspacestore.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// Every field, so the audit line says exactly what the token's policy became.
QString describe(const RotationPolicy &policy)
{
    if (policy.isNull())
        return PolicyApplier::tr("no policy");
    return PolicyApplier::tr("every %1, grace %2, revoke after %3, delete after %4, notify %5 before, %6")
        .arg(policy.interval.toDisplayString(), policy.gracePeriod.toDisplayString(),
            policy.revokeAfter.toDisplayString(), policy.deleteAfter.toDisplayString(),
            policy.notifyBefore.toDisplayString(),
            policy.automatic ? PolicyApplier::tr("automatic") : PolicyApplier::tr("manual"));
}

} // namespace

PolicyApplier::PolicyApplier(AppContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{ }

PolicyApplier::~PolicyApplier() = default;

void PolicyApplier::start(const QList<Change> &changes)
{
    if (m_running)
        return;
    m_running = true;
    m_pushes.clear();
    m_applied.clear();
    m_failures.clear();
    m_pushDone = 0;
    WorkspaceStore *store = m_context->store();
    for (const Change &change : changes) {
        const std::optional<Token> token = store->token(change.tokenId);
        const std::optional<Account> account = token ? store->account(token->accountId) : std::nullopt;
        if (!token || !account) {
            m_failures << Failure {change.tokenId, {}, tr("The token is no longer in the workspace.")};
            continue;
        }
        if (m_context->providers().capabilities(*account).setPolicy)
            m_pushes << Push {change, account->id};
        else
            save(change, {}, {});
    }
    m_pushTotal = static_cast<int>(m_pushes.size());
    // Even with nothing to push, finished() comes from the event loop, as callers expect.
    QTimer::singleShot(0, this, &PolicyApplier::pushNext);
}

void PolicyApplier::pushNext()
{
    if (m_pushes.isEmpty()) {
        finish();
        return;
    }
    const Push next = m_pushes.constFirst();
    const std::optional<Account> account = m_context->store()->account(next.accountId);
    if (!account) {
        m_pushes.removeFirst();
        ++m_pushDone;
        fail(next.change.tokenId, tr("The token's account is no longer in the workspace."));
        pushNext();
        return;
    }
    Q_EMIT pushing(m_pushDone + 1, m_pushTotal, account->displayName);
    if (Provider *provider = m_providers.value(account->id)) {
        push(next, provider);
        return;
    }
    SecretJob *read = m_context->secrets()->read(account->credential.location);
    connect(read, &SecretJob::finished, this, [this, next, account = *account](SecretJob *job) {
        if (job->error() != SecretJob::Error::NoError) {
            m_pushes.removeFirst();
            ++m_pushDone;
            fail(next.change.tokenId,
                tr("The policy was not pushed: the credential of %1 could not be read: %2")
                    .arg(account.displayName, job->errorString()));
            pushNext();
            return;
        }
        Provider *provider = m_context->providers().create(account, job->value(), this);
        m_providers.insert(account.id, provider);
        push(next, provider);
    });
}

void PolicyApplier::push(const Push &next, Provider *provider)
{
    const std::optional<Token> token = m_context->store()->token(next.change.tokenId);
    if (!token || !provider) {
        m_pushes.removeFirst();
        ++m_pushDone;
        fail(next.change.tokenId, tr("The token is no longer in the workspace."));
        pushNext();
        return;
    }
    const QString accountName = provider->account().displayName;
    ProviderOperation *operation = provider->setPolicy(token->providerId, next.change.policy);
    connect(operation, &ProviderOperation::finished, this, [this, next, accountName](ProviderOperation *done) {
        m_pushes.removeFirst();
        ++m_pushDone;
        if (done->ok())
            save(next.change, accountName, done->auditRequestId());
        else
            fail(next.change.tokenId, tr("%1 refused the policy: %2").arg(accountName, done->error().toString()),
                done->auditRequestId());
        pushNext();
    });
}

void PolicyApplier::save(const Change &change, const QString &pushedTo, const QString &requestId)
{
    WorkspaceStore *store = m_context->store();
    std::optional<Token> token = store->token(change.tokenId);
    if (!token) {
        fail(change.tokenId, tr("The token is no longer in the workspace."));
        return;
    }
    const RotationPolicy before = token->policy;
    token->policy = change.policy;
    if (!store->updateToken(*token)) {
        fail(change.tokenId,
            pushedTo.isEmpty() ? tr("The policy could not be saved: %1").arg(store->errorString())
                               : tr("The policy was pushed to %1 but could not be saved in the workspace: %2")
                                     .arg(pushedTo, store->errorString()),
            requestId);
        return;
    }
    audit(*token, AuditEvent::Outcome::Succeeded,
        pushedTo.isEmpty() ? tr("%1 (was: %2)").arg(describe(change.policy), describe(before))
                           : tr("%1 (was: %2); pushed to %3").arg(describe(change.policy), describe(before), pushedTo),
        requestId);
    m_applied << token->id;
}

void PolicyApplier::fail(qint64 tokenId, const QString &message, const QString &requestId)
{
    WorkspaceStore *store = m_context->store();
    const std::optional<Token> token = store->token(tokenId);
    m_failures << Failure {tokenId, token ? token->name : QString(), message};
    if (token)
        audit(*token, AuditEvent::Outcome::Failed, message, requestId);
}

void PolicyApplier::audit(
    const Token &token, AuditEvent::Outcome outcome, const QString &details, const QString &requestId)
{
    const std::optional<Account> account = m_context->store()->account(token.accountId);
    AuditEvent event;
    event.at = m_context->clock().nowUtc();
    event.osUser = OsUser::name();
    event.accountId = token.accountId;
    event.accountName = account ? account->displayName : QString();
    event.tokenId = token.id;
    event.tokenName = token.name;
    event.action = u"policy.set"_s;
    event.outcome = outcome;
    event.requestId = requestId;
    event.details = details;
    m_context->store()->appendAudit(event);
}

void PolicyApplier::finish()
{
    for (const QPointer<Provider> &provider : std::as_const(m_providers)) {
        if (provider)
            provider->deleteLater();
    }
    m_providers.clear();
    m_running = false;
    Q_EMIT finished(m_applied, m_failures);
}
