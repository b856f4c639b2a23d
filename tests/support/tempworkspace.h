// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTemporaryDir>

// A throw-away folder holding one workspace file, removed with everything in it at the end.
class TempWorkspace final
{
public:
    TempWorkspace();
    bool isValid() const { return m_dir.isValid(); }
    QString folder() const { return m_dir.path(); }
    QString path() const { return m_dir.filePath(QStringLiteral("workspace.tokendesk")); }
    // Every file belonging to the workspace (database, -wal, -shm, lock), for byte scans.
    QStringList files() const;

private:
    QTemporaryDir m_dir;
};
