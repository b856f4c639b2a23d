// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacesnapshot.h"

#include "storerows.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

WorkspaceSnapshot WorkspaceSnapshot::read(const QString &path)
{
    WorkspaceSnapshot snapshot;
    // A connection belongs to the thread that made it: a unique one per read, removed after.
    const QString name = u"tokendesk-snapshot-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open()) {
            snapshot.error = db.lastError().text();
        } else {
            db.transaction(); // accounts and tokens from one consistent moment
            QSqlQuery q(db);
            q.setForwardOnly(true);
            if (q.exec(u"SELECT "_s + StoreRows::accountColumns + u" FROM accounts ORDER BY id"_s)) {
                while (q.next())
                    snapshot.accounts << StoreRows::accountFromQuery(q);
            } else {
                snapshot.error = q.lastError().text();
            }
            if (snapshot.error.isEmpty()
                && q.exec(u"SELECT "_s + StoreRows::tokenColumns + u" FROM tokens ORDER BY id"_s)) {
                while (q.next())
                    snapshot.tokens << StoreRows::tokenFromQuery(q);
            } else if (snapshot.error.isEmpty()) {
                snapshot.error = q.lastError().text();
            }
            q.finish();
            db.rollback();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return snapshot;
}
