// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

// tokendesk-cli: the headless front end for cron, systemd timers and the Task Scheduler.
// It shares the workspace and (later) the engine with the GUI. Exit codes are part of its
// interface and documented in the README and in `--help`.
class CommandLine final
{
public:
    enum ExitCode {
        Success = 0,
        Failure = 1,
        UsageError = 2,
        WorkspaceUnavailable = 3,
    };

    CommandLine(QTextStream &out, QTextStream &err);
    int run(const QStringList &arguments);

private:
    int listTokens(const QString &workspacePath, bool json);
    int listAccounts(const QString &workspacePath, bool json);

    QTextStream &m_out;
    QTextStream &m_err;
};
