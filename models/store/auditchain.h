// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../domain/auditevent.h"

#include <QCoreApplication>
#include <QString>

class QSqlDatabase;

// Tamper evidence for the audit log. Every row stores the hash of the row before it and its own
// SHA-256 over that hash and all its fields; the workspace keeps the newest hash and the number
// of chained rows. An edited row, a row inserted or deleted in the middle, and deleted newest
// rows all break the chain, and verify() says where. It detects edits by anyone who does not
// recompute the whole chain; exported copies keep the hashes, so a later edit still shows when
// compared against them.
class AuditChain final
{
    Q_DECLARE_TR_FUNCTIONS(AuditChain)

public:
    struct Verification
    {
        bool intact = true;
        qint64 rowsChecked = 0;
        qint64 brokenAtId = 0; // the first row that does not verify; 0 if intact or the end is missing
        QString problem; // translated, specific
    };

    static QString hashOf(const QString &previousHash, const AuditEvent &event);

    // Inserts `event` as the chain's newest row. Runs inside the caller's transaction.
    static bool append(QSqlDatabase &db, AuditEvent &event, QString *error);
    static Verification verify(QSqlDatabase &db);
    // Chains the rows written before the chain existed (schema 3 and older). Does nothing once a
    // chain has been started, so blanking hashes later cannot get rows re-sealed.
    static bool sealUnchained(QSqlDatabase &db, QString *error);
};
