// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

// One line of the audit trail: who did what to which token, and how it ended.
// Details are free text written by TokenDesk itself and never contain a secret.
struct AuditEvent
{
    enum class Outcome {
        Started,
        Succeeded,
        Failed,
        Skipped,
    };

    qint64 id = 0;
    QDateTime at; // UTC
    QString osUser;
    qint64 accountId = 0; // 0 when the event concerns the workspace as a whole
    QString accountName;
    qint64 tokenId = 0;
    QString tokenName;
    QString action; // "rotate.create", "revoke.emergency", "account.add", ...
    Outcome outcome = Outcome::Succeeded;
    QString requestId; // the provider's request id or our correlation id
    QString details;
    // The tamper-evident chain (see AuditChain): set by the store when the row is written.
    QString previousHash;
    QString hash;

    static QString outcomeId(Outcome outcome);
    static Outcome outcomeFromId(const QString &id);
    static QString outcomeLabel(Outcome outcome);

    friend bool operator==(const AuditEvent &, const AuditEvent &) = default;
};

Q_DECLARE_METATYPE(AuditEvent)
