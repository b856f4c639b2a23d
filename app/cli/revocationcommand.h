// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emergencyrevocation.h"

#include <QObject>
#include <QTextStream>

#include <memory>

class AppContext;
class SecretStore;
class WorkspaceStore;

// `tokendesk-cli revoke --emergency TOKEN... | --account NAME | --all`: revokes every current and
// grace version of the chosen tokens at once (EmergencyRevocation) and prints, per token, what
// was revoked, what failed and why, and what stays valid and until when. Exit code 1 when any
// revocation failed; a token the provider cannot revoke is reported, not counted as a failure.
class RevocationCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RevocationCommand)

public:
    RevocationCommand(QTextStream &out, QTextStream &err, QObject *parent = nullptr);
    ~RevocationCommand() override;

    // An exit code to end with at once, or -1 when the work runs in the event loop.
    int start(const QString &workspacePath, const QStringList &tokens, const QString &account, bool all, bool json);

private:
    void report(const QList<EmergencyRevocation::Item> &items);

    QTextStream &m_out;
    QTextStream &m_err;
    bool m_json = false;
    std::unique_ptr<WorkspaceStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    AppContext *m_context = nullptr;
};
