// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

// tokendesk-cli: the headless front end for cron, systemd timers and the Task Scheduler.
// It shares the workspace and (later) the engine with the GUI. Exit codes are part of its
// interface and documented in the README and in `--help`.
class CommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum ExitCode {
        Success = 0,
        Failure = 1,
        UsageError = 2,
        WorkspaceUnavailable = 3,
        // Not an exit code: the command runs in the event loop and ends it with the real one.
        Pending = -1,
    };

    CommandLine(QTextStream &out, QTextStream &err);
    int run(const QStringList &arguments);

private:
    int listTokens(const QString &workspacePath, bool json);
    int listAccounts(const QString &workspacePath, bool json);
    int audit(const QString &workspacePath, const QStringList &arguments, const QString &format, const QString &output,
        bool json);

    int rotate(const QString &workspacePath, const QStringList &tokens, bool due, bool json);
    int revoke(const QString &workspacePath, const QStringList &tokens, const QString &account, bool all, bool json);
    int plan(const QString &workspacePath, const QStringList &arguments, const QString &account, bool all, bool json);

    QTextStream &m_out;
    QTextStream &m_err;
};
