// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sqldialect.h"

#include <QString>
#include <QStringList>

class QSqlDatabase;

// The workspace schema as an ordered list of forward migrations. Each migration runs in its own
// transaction together with the version bump, so a crash leaves the file at one version or the
// next, never between. A file written by a newer TokenDesk is refused rather than guessed at.
class SchemaMigrations final
{
public:
    struct Migration
    {
        int version;
        QStringList statements; // portable SQL: ${ID} = identity column, ${NEW_UUID} = a fresh UUID
    };

    explicit SchemaMigrations(SqlDialect dialect);

    static int latestVersion();
    static QList<Migration> all();

    // Current version of the file (0 for a new file), or -1 with `error` set.
    int currentVersion(QSqlDatabase &db, QString *error) const;
    // Brings the file up to `target` (default: latest). Returns false with `error` set.
    bool migrate(QSqlDatabase &db, QString *error, int target = -1) const;

private:
    SqlDialect m_dialect;
};
