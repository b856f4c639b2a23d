// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/rotation.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTextStream>

#include <memory>

class AppContext;
class RotationEngine;
class SecretStore;
class WorkspaceStore;

// `tokendesk-cli rotate TOKEN... | --due` and `tokendesk-cli resume`: opens the workspace for
// writing (refused politely while another TokenDesk holds it), first resumes or compensates any
// rotation an earlier process left unfinished, then runs the requested ones through the same
// engine as the GUI and reports each outcome. Runs in the event loop and ends it with the exit
// code: 0 when every rotation succeeded or waits for its grace period, 1 otherwise.
class RotationCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RotationCommand)

public:
    RotationCommand(QTextStream &out, QTextStream &err, QObject *parent = nullptr);
    ~RotationCommand() override;

    // Returns an exit code to end with at once, or -1 when the work runs in the event loop.
    int start(const QString &workspacePath, const QStringList &tokens, bool due, bool json);

private:
    QList<qint64> resolveTokens(const QStringList &tokens, bool due, QString *error) const;
    void report(const Rotation &rotation);
    void finishAll();

    QTextStream &m_out;
    QTextStream &m_err;
    bool m_json = false;
    int m_failures = 0;
    int m_done = 0;
    std::unique_ptr<WorkspaceStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    AppContext *m_context = nullptr;
    RotationEngine *m_engine = nullptr;
    QList<QJsonObject> m_results;
};
