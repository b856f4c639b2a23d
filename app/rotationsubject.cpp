// SPDX-License-Identifier: GPL-3.0-or-later
#include "rotationsubject.h"

#include "appcontext.h"
#include "domain/clock.h"
#include "http/apierror.h"
#include "osuser.h"
#include "secrets/secretkey.h"
#include "store/workspacestore.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

RotationSubject::RotationSubject(AppContext *context, Account account, Token token, ProviderCapabilities capabilities)
    : m_context(context)
    , m_account(std::move(account))
    , m_token(std::move(token))
    , m_capabilities(std::move(capabilities))
{ }

AuditEvent RotationSubject::line(
    const QString &action, AuditEvent::Outcome outcome, const QString &details, const QString &requestId) const
{
    AuditEvent e;
    e.at = m_context->clock().nowUtc();
    e.osUser = OsUser::name();
    e.accountId = m_account.id;
    e.accountName = m_account.displayName;
    e.tokenId = m_token.id;
    e.tokenName = m_token.name;
    e.action = action;
    e.outcome = outcome;
    e.requestId = requestId;
    e.details = details;
    return e;
}

void RotationSubject::append(
    const QString &action, AuditEvent::Outcome outcome, const QString &details, const QString &requestId) const
{
    AuditEvent event = line(action, outcome, details, requestId);
    m_context->store()->appendAudit(event);
}

void RotationSubject::appendUndoStep(const QString &step, const ApiError &error, const QString &requestId) const
{
    // Part of the rotation's trail, so translated under RotationRun's context like the rest of it.
    append(u"rotate.compensate"_s, error.isError() ? AuditEvent::Outcome::Failed : AuditEvent::Outcome::Succeeded,
        error.isError() ? QCoreApplication::translate("RotationRun", "%1: %2").arg(step, error.toString()) : step,
        requestId);
}

QString RotationSubject::secretKey(int number) const
{
    return SecretKey::forTokenVersion(
        m_context->store()->workspaceId(), m_account.kind, m_account.id, m_token.id, number);
}
