// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLockFile>
#include <QString>

// Makes one process the only writer of a workspace: a lock file beside the database holds the
// writer's pid, host and program. A lock left by a crashed process is detected and taken over;
// a live holder is named in the refusal so the admin knows where to close it.
class WorkspaceLock final
{
    Q_DISABLE_COPY_MOVE(WorkspaceLock)

public:
    explicit WorkspaceLock(const QString &workspacePath);
    ~WorkspaceLock();

    bool tryLock();
    void unlock();
    QString errorString() const { return m_error; }
    static QString lockPathFor(const QString &workspacePath);

private:
    QString m_workspacePath;
    QLockFile m_lockFile;
    QString m_error;
};
