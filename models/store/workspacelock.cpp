// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacelock.h"

#include <QCoreApplication>
#include <QDir>

using namespace Qt::StringLiterals;

WorkspaceLock::WorkspaceLock(const QString &workspacePath)
    : m_workspacePath(workspacePath)
    , m_lockFile(lockPathFor(workspacePath))
{
    // A workspace stays open for hours: age alone must never make the lock stale. QLockFile
    // still detects a dead holder through its pid and process name.
    m_lockFile.setStaleLockTime(0);
}

WorkspaceLock::~WorkspaceLock()
{
    unlock();
}

QString WorkspaceLock::lockPathFor(const QString &workspacePath)
{
    return workspacePath + u".lock"_s;
}

bool WorkspaceLock::tryLock()
{
    if (m_lockFile.tryLock(0))
        return true;
    const QString shownPath = QDir::toNativeSeparators(m_workspacePath);
    switch (m_lockFile.error()) {
    case QLockFile::LockFailedError: {
        qint64 pid = 0;
        QString host;
        QString program;
        m_lockFile.getLockInfo(&pid, &host, &program);
        m_error = QCoreApplication::translate("WorkspaceLock",
            "The workspace “%1” is already open for writing in %2 (process %3 on %4). Close it there first, "
            "or open this workspace read-only.")
                      .arg(shownPath, program.isEmpty() ? u"another program"_s : program, QString::number(pid),
                          host.isEmpty() ? u"this computer"_s : host);
        break;
    }
    case QLockFile::PermissionError:
        m_error = QCoreApplication::translate(
            "WorkspaceLock", "Cannot create the lock file beside the workspace “%1”: permission denied.")
                      .arg(shownPath);
        break;
    default:
        m_error = QCoreApplication::translate("WorkspaceLock", "Cannot lock the workspace “%1”.").arg(shownPath);
        break;
    }
    return false;
}

void WorkspaceLock::unlock()
{
    if (m_lockFile.isLocked())
        m_lockFile.unlock();
}
