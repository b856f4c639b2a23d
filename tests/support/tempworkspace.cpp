// SPDX-License-Identifier: GPL-3.0-or-later
#include "tempworkspace.h"

#include <QDir>

TempWorkspace::TempWorkspace() = default;

QStringList TempWorkspace::files() const
{
    QStringList result;
    const QDir dir(m_dir.path());
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden))
        result << dir.filePath(name);
    return result;
}
