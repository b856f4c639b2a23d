// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/providercapabilities.h"
#include "domain/account.h"
#include "domain/auditevent.h"
#include "domain/token.h"

class AppContext;
struct ApiError;

// The token a rotation is about, with its account and what their provider can do. RotationRun
// and the helpers it hands work to (NewVersionRequest, OldVersionRetirement, OrphanSearch,
// RotationCompensation) all know the rotation by it, so that every audit line of the rotation
// names it alike, whichever of them writes it, and they agree on where the new secret is kept.
class RotationSubject final
{
public:
    RotationSubject(AppContext *context, Account account, Token token, ProviderCapabilities capabilities);

    const Account &account() const { return m_account; }
    const Token &token() const { return m_token; }
    const ProviderCapabilities &capabilities() const { return m_capabilities; }

    // An audit line of the rotation, for RotationStore::record or append().
    AuditEvent line(const QString &action, AuditEvent::Outcome outcome, const QString &details,
        const QString &requestId = {}) const;
    // Adds a line to the audit log on its own, outside any journal transaction.
    void append(const QString &action, AuditEvent::Outcome outcome, const QString &details,
        const QString &requestId = {}) const;
    // Records one step of the rotation's undo (a RotationUndo::Audit).
    void appendUndoStep(const QString &step, const ApiError &error, const QString &requestId) const;
    // The keychain key of the secret of the token's version `number`.
    QString secretKey(int number) const;

private:
    AppContext *m_context;
    Account m_account;
    Token m_token;
    ProviderCapabilities m_capabilities;
};
