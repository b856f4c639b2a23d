// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

// One rotation of one token as a persisted state machine. `step` is the next step to run; the
// workspace row changes in the same transaction as the audit entry that records the step, and
// before the network call the step makes, so a restarted TokenDesk knows exactly where it was.
struct Rotation
{
    enum class Step {
        Reserve, // prove the keychain takes the new version's secret, before anything changes
        Create, // the provider's rotate call, or (Dynatrace) creating the replacement
        Store, // the new secret into the keychain, the new version into the workspace (pending)
        Sink, // the new secret into each configured HashiCorp Vault KV path (check-and-set)
        Verify, // an authenticated call made with the new secret
        Promote, // new version current, old version into its grace period
        RevokeOld, // when the grace period ends
        DeleteOld, // when the retention period ends (Dynatrace)
        Done,
    };
    enum class Status {
        Running,
        Waiting, // promoted; waits for dueAt to revoke or delete the old version
        Compensating, // undoing what a failed rotation left behind
        Done,
        Failed, // stopped; `error` says why and what still holds
        Compensated, // failed and cleaned up: the old version is still the current one
    };

    qint64 id = 0;
    qint64 tokenId = 0;
    qint64 accountId = 0;
    Step step = Step::Reserve;
    Status status = Status::Running;
    int oldVersion = 0;
    int newVersion = 0;
    QString oldProviderId;
    QString newProviderId;
    QDateTime startedAt; // UTC
    QDateTime updatedAt;
    QDateTime dueAt; // when a Waiting rotation continues
    QString error;
    QJsonObject extra; // provider specifics: Piiano's id mapping, Glean's old-secret end, sinks written

    bool isFinished() const
    {
        return status == Status::Done || status == Status::Failed || status == Status::Compensated;
    }

    static QString stepId(Step step);
    static std::optional<Step> stepFromId(const QString &id);
    static QString stepLabel(Step step);
    static QString statusId(Status status);
    static std::optional<Status> statusFromId(const QString &id);

    friend bool operator==(const Rotation &, const Rotation &) = default;
};

Q_DECLARE_METATYPE(Rotation)
