// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

class AppContext;

// The dry run: exactly what a rotation or an emergency revocation of a token would do, step by
// step, with the HTTP method and path of each call, the Vault paths written and when the old
// version would be revoked and deleted. Computed from the workspace alone; nothing is sent and
// no secret is read. The steps match the requests the engine makes (a test compares them).
class RotationPlan final
{
    Q_DECLARE_TR_FUNCTIONS(RotationPlan)

public:
    struct Step
    {
        QString step; // "create", "store", ... as in the journal and the audit log
        QString method; // empty for steps that make no HTTP call
        QString path; // below the account's base URL; {placeholders} for what the provider returns
        QString note;
    };
    struct Plan
    {
        QString tokenName;
        QString accountName;
        QList<Step> steps;
        QDateTime revokeAt; // of the old version, if the rotation ran now
        QDateTime deleteAt;
        QString refusal; // why this token cannot be rotated or revoked; steps then empty
    };

    static Plan forRotation(AppContext *context, qint64 tokenId, const QDateTime &now);
    static Plan forRevocation(AppContext *context, qint64 tokenId);
    // Readable text for the command line and the confirmation dialog.
    static QString toText(const Plan &plan);
};
