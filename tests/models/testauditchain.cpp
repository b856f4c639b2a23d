// SPDX-License-Identifier: GPL-3.0-or-later
// The audit log's hash chain on a real SQLite file: an intact log verifies; an edited row, a row
// deleted at the start, in the middle or at the end, a recomputed hash, and blanked hashes are
// each detected and located; rows written before the chain existed are sealed once on upgrade.
#include "store/auditchain.h"
#include "store/schemamigrations.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

AuditEvent sampleEvent(int n)
{
    AuditEvent e;
    e.at = QDateTime::fromMSecsSinceEpoch(1'790'000'000'000LL + n * 1000LL, QTimeZone::utc());
    e.osUser = u"admin"_s;
    e.accountId = 1;
    e.accountName = u"Prod DT"_s;
    e.tokenId = n;
    e.tokenName = u"token-%1"_s.arg(n);
    e.action = u"rotate.create"_s;
    e.outcome = AuditEvent::Outcome::Succeeded;
    e.requestId = u"req-%1"_s.arg(n);
    e.details = u"version %1"_s.arg(n);
    return e;
}

// Runs SQL on the file behind TokenDesk's back, as someone covering their tracks would.
void tamper(const QString &path, const QStringList &statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        for (const QString &sql : statements) {
            QSqlQuery q(db);
            QVERIFY2(q.exec(sql), qPrintable(sql));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"tamper"_s);
}

AuditChain::Verification verifyFile(const QString &path)
{
    WorkspaceStore store;
    if (!store.open(path))
        return {false, 0, -1, store.errorString()};
    return store.verifyAudit();
}

} // namespace

class TestAuditChain : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempWorkspace> m_dir;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<TempWorkspace>();
        WorkspaceStore store;
        QVERIFY(store.open(m_dir->path()));
        for (int n = 1; n <= 5; ++n) {
            AuditEvent e = sampleEvent(n);
            QVERIFY(store.appendAudit(e));
            QCOMPARE(e.id, n);
        }
    }

    void anIntactLogVerifies()
    {
        WorkspaceStore store;
        QVERIFY(store.open(m_dir->path()));
        const AuditChain::Verification result = store.verifyAudit();
        QVERIFY2(result.intact, qPrintable(result.problem));
        QCOMPARE(result.rowsChecked, 5);
        const QList<AuditEvent> rows = store.auditEvents();
        QCOMPARE(rows.constFirst().previousHash, QString());
        for (qsizetype i = 1; i < rows.size(); ++i) {
            QCOMPARE(rows.at(i).previousHash, rows.at(i - 1).hash);
            QCOMPARE(rows.at(i).hash.size(), 64);
        }
        // Appending after a reopen continues the same chain.
        AuditEvent sixth = sampleEvent(6);
        QVERIFY(store.appendAudit(sixth));
        QCOMPARE(sixth.previousHash, rows.constLast().hash);
        QCOMPARE(store.verifyAudit().rowsChecked, 6);
    }

    void anEditedRowIsNamed()
    {
        tamper(m_dir->path(), {u"UPDATE audit_events SET outcome = 'failed' WHERE id = 3"_s});
        const AuditChain::Verification result = verifyFile(m_dir->path());
        QVERIFY(!result.intact);
        QCOMPARE(result.brokenAtId, 3);
        QCOMPARE(result.problem, u"Audit row 3 was changed after it was written."_s);
    }

    void aDeletedMiddleRowIsNamed()
    {
        tamper(m_dir->path(), {u"DELETE FROM audit_events WHERE id = 3"_s});
        const AuditChain::Verification result = verifyFile(m_dir->path());
        QCOMPARE(result.brokenAtId, 4);
        QCOMPARE(result.problem, u"Audit row 4 does not follow row 2: a row between them was deleted or inserted."_s);
    }

    void aDeletedFirstRowIsNamed()
    {
        tamper(m_dir->path(), {u"DELETE FROM audit_events WHERE id = 1"_s});
        const AuditChain::Verification result = verifyFile(m_dir->path());
        QCOMPARE(result.brokenAtId, 2);
        QCOMPARE(result.problem, u"Audit row 2 is not the start of the log: rows before it were deleted."_s);
    }

    void deletedNewestRowsAreDetected()
    {
        tamper(m_dir->path(), {u"DELETE FROM audit_events WHERE id >= 4"_s});
        const AuditChain::Verification result = verifyFile(m_dir->path());
        QVERIFY(!result.intact);
        QCOMPARE(result.rowsChecked, 3);
        QCOMPARE(result.problem,
            u"Rows were deleted from the end of the audit log: 5 written, 3 left (the last intact row is 3)."_s);
    }

    void aRecomputedHashStillShows()
    {
        WorkspaceStore store;
        QVERIFY(store.open(m_dir->path()));
        AuditEvent forged = store.auditEvents().constLast();
        store.close();
        forged.details = u"nothing happened"_s;
        const QString hash = AuditChain::hashOf(forged.previousHash, forged);
        tamper(m_dir->path(),
            {u"UPDATE audit_events SET details = 'nothing happened', row_hash = '%1' WHERE id = 5"_s.arg(hash)});
        const AuditChain::Verification result = verifyFile(m_dir->path());
        QVERIFY(!result.intact);
        QCOMPARE(result.problem, u"The audit log's end does not match the workspace's record of it (after row 5)."_s);
    }

    void blankedHashesAreNotResealed()
    {
        tamper(m_dir->path(), {u"UPDATE audit_events SET prev_hash = '', row_hash = ''"_s});
        const AuditChain::Verification result = verifyFile(m_dir->path()); // opening for writing must not re-seal
        QVERIFY(!result.intact);
        QCOMPARE(result.brokenAtId, 1);
    }

    void rowsFromBeforeTheChainAreSealedOnce()
    {
        TempWorkspace old;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v3"_s);
            db.setDatabaseName(old.path());
            QVERIFY(db.open());
            QString error;
            QVERIFY2(SchemaMigrations(SqlDialect(SqlDialect::Kind::Sqlite)).migrate(db, &error, 3), qPrintable(error));
            QSqlQuery q(db);
            for (int n = 0; n < 2; ++n)
                QVERIFY(q.exec(u"INSERT INTO audit_events (at, os_user, action, outcome) "
                               u"VALUES (1790000000000, 'admin', 'account.add', 'succeeded')"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"v3"_s);
        WorkspaceStore store;
        QVERIFY2(store.open(old.path()), qPrintable(store.errorString()));
        AuditChain::Verification result = store.verifyAudit();
        QVERIFY2(result.intact, qPrintable(result.problem));
        QCOMPARE(result.rowsChecked, 2);
        AuditEvent next = sampleEvent(3);
        QVERIFY(store.appendAudit(next));
        result = store.verifyAudit();
        QVERIFY2(result.intact, qPrintable(result.problem));
        QCOMPARE(result.rowsChecked, 3);
    }
};

QTEST_GUILESS_MAIN(TestAuditChain)
#include "testauditchain.moc"
