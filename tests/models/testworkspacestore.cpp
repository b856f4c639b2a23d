// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/schemamigrations.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

const QDateTime t0(QDate(2026, 3, 1), QTime(8, 30), QTimeZone::utc());

Account sampleAccount()
{
    Account account;
    account.kind = ProviderKind::Dynatrace;
    account.displayName = u"Production Dynatrace"_s;
    account.baseUrl = QUrl(u"https://abc12345.live.dynatrace.com"_s);
    account.credential = SecretRef::keychain(u"tokendesk/dynatrace/1/credential"_s);
    account.caCertificatePath = u"/etc/ssl/private-ca.pem"_s;
    account.createdAt = t0;
    return account;
}

Token sampleToken(qint64 accountId, const QString &providerId)
{
    Token token;
    token.accountId = accountId;
    token.providerId = providerId;
    token.name = u"ingest-"_s + providerId;
    token.scopes = {u"metrics.ingest"_s, u"logs.ingest"_s};
    token.owner = u"ops@example.com"_s;
    token.createdAt = t0;
    token.expiresAt = t0.addYears(1);
    token.lastRotatedAt = t0.addDays(3);
    token.state = TokenState::Active;
    token.currentVersion = 2;
    token.policy.interval = PolicyDuration(30, PolicyDuration::Unit::Days);
    token.policy.gracePeriod = PolicyDuration(1, PolicyDuration::Unit::Days);
    token.policy.deleteAfter = PolicyDuration(1, PolicyDuration::Unit::Weeks);
    token.policy.automatic = true;
    token.consumerNotes = u"used by the ingest gateway"_s;
    return token;
}

// Opens `path` for writing from another process: the test binary started with --hold-open.
int openFromAnotherProcess(const QString &path, QString *output)
{
    QProcess process;
    process.start(QCoreApplication::applicationFilePath(), {u"--open-for-writing"_s, path});
    process.waitForFinished(30000);
    *output = QString::fromUtf8(process.readAllStandardError());
    return process.exitCode();
}

} // namespace

class TestWorkspaceStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void createsFileWithLatestSchemaWalAndForeignKeys()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY2(store.open(dir.path()), qPrintable(store.errorString()));
        QVERIFY(QFile::exists(dir.path()));
        QCOMPARE(store.schemaVersion(), SchemaMigrations::latestVersion());
        QCOMPARE(QFile::permissions(dir.path()) & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
        store.close();

        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"inspect"_s);
        db.setDatabaseName(dir.path());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA journal_mode"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"wal"_s);
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(u"inspect"_s);
    }

    void roundTripsEveryEntity()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        Account account = sampleAccount();
        QVERIFY2(store.addAccount(account), qPrintable(store.errorString()));
        QVERIFY(account.id > 0);
        Token token = sampleToken(account.id, u"dt0c01.AAA"_s);
        QVERIFY2(store.addToken(token), qPrintable(store.errorString()));
        TokenVersion version;
        version.tokenId = token.id;
        version.number = 2;
        version.providerId = u"dt0c01.AAA"_s;
        version.createdAt = t0;
        version.state = VersionState::Current;
        version.deleteAt = t0.addDays(40);
        version.secret = SecretRef::keychain(u"tokendesk/dynatrace/1/1/2"_s);
        QVERIFY2(store.addVersion(version), qPrintable(store.errorString()));
        AuditEvent event;
        event.at = t0;
        event.osUser = u"alice"_s;
        event.accountId = account.id;
        event.accountName = account.displayName;
        event.tokenId = token.id;
        event.tokenName = token.name;
        event.action = u"rotate.create"_s;
        event.outcome = AuditEvent::Outcome::Failed;
        event.requestId = u"req-42"_s;
        event.details = u"HTTP 429"_s;
        QVERIFY(store.appendAudit(event));
        store.close();

        WorkspaceStore reopened;
        QVERIFY(reopened.open(dir.path()));
        QCOMPARE(reopened.accounts(), QList<Account> {account});
        QCOMPARE(reopened.tokens(), QList<Token> {token});
        QCOMPARE(reopened.versions(token.id), QList<TokenVersion> {version});
        QCOMPARE(reopened.auditEvents(), QList<AuditEvent> {event});
        QCOMPARE(reopened.auditEvents(token.id + 1), QList<AuditEvent> {});
    }

    void updatesEmitExactlyWhatChanged()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        Account account = sampleAccount();
        QVERIFY(store.addAccount(account));
        QList<Token> batch {sampleToken(account.id, u"a"_s), sampleToken(account.id, u"b"_s)};
        QSignalSpy added(&store, &WorkspaceStore::tokensAdded);
        QSignalSpy changed(&store, &WorkspaceStore::tokenChanged);
        QVERIFY(store.addTokens(batch));
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.constFirst().constFirst().value<QList<Token>>().size(), 2);

        Token renamed = batch.at(1);
        renamed.name = u"renamed"_s;
        renamed.state = TokenState::RotationFailed;
        QVERIFY(store.updateToken(renamed));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(store.token(renamed.id)->name, u"renamed"_s);
        QCOMPARE(store.token(renamed.id)->state, TokenState::RotationFailed);
        QCOMPARE(store.token(batch.at(0).id)->name, batch.at(0).name);

        Token gone = renamed;
        gone.id = 9999;
        QVERIFY(!store.updateToken(gone));
        QVERIFY(store.errorString().contains(u"no longer"_s));
    }

    void batchInsertIsAllOrNothing()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        Account account = sampleAccount();
        QVERIFY(store.addAccount(account));
        // The same provider id twice in one account violates the unique key on the second row.
        QList<Token> batch {
            sampleToken(account.id, u"x"_s), sampleToken(account.id, u"y"_s), sampleToken(account.id, u"x"_s)};
        QSignalSpy added(&store, &WorkspaceStore::tokensAdded);
        QVERIFY(!store.addTokens(batch));
        QVERIFY(!store.errorString().isEmpty());
        QCOMPARE(added.count(), 0);
        QCOMPARE(store.tokens().size(), 0);
        for (const Token &token : batch)
            QCOMPARE(token.id, 0);
    }

    void removingAnAccountRemovesItsTokensAndVersions()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        Account doomed = sampleAccount();
        Account kept = sampleAccount();
        QVERIFY(store.addAccount(doomed));
        QVERIFY(store.addAccount(kept));
        Token token = sampleToken(doomed.id, u"t"_s);
        Token other = sampleToken(kept.id, u"t"_s);
        QVERIFY(store.addToken(token));
        QVERIFY(store.addToken(other));
        TokenVersion version;
        version.tokenId = token.id;
        version.number = 1;
        QVERIFY(store.addVersion(version));
        QSignalSpy removedTokens(&store, &WorkspaceStore::tokenRemoved);
        QVERIFY(store.removeAccount(doomed.id));
        QCOMPARE(removedTokens.count(), 1);
        QCOMPARE(removedTokens.constFirst().constFirst().toLongLong(), token.id);
        QCOMPARE(store.tokens(), QList<Token> {other});
        QCOMPARE(store.versions(token.id).size(), 0);
    }

    void foreignKeysRejectOrphans()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        Token orphan = sampleToken(12345, u"o"_s);
        QVERIFY(!store.addToken(orphan));
        QVERIFY(store.errorString().contains(u"FOREIGN KEY"_s, Qt::CaseInsensitive));
    }

    void secondWriterInAnotherProcessIsRefused()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        QString output;
        QCOMPARE(openFromAnotherProcess(dir.path(), &output), 3);
        QVERIFY2(output.contains(u"already open for writing"_s), qPrintable(output));
        QVERIFY2(output.contains(QString::number(QCoreApplication::applicationPid())), qPrintable(output));

        // Reading stays possible while the writer holds the lock.
        WorkspaceStore reader;
        QVERIFY2(reader.open(dir.path(), WorkspaceStore::OpenMode::ReadOnly), qPrintable(reader.errorString()));
        Account account = sampleAccount();
        QVERIFY(!reader.addAccount(account));
        QVERIFY(reader.errorString().contains(u"read-only"_s));

        store.close();
        QCOMPARE(openFromAnotherProcess(dir.path(), &output), 0);
    }

    void secondWriterInTheSameProcessIsRefused()
    {
        TempWorkspace dir;
        WorkspaceStore first;
        QVERIFY(first.open(dir.path()));
        WorkspaceStore second;
        QVERIFY(!second.open(dir.path()));
        QVERIFY(second.errorString().contains(u"already open for writing"_s));
    }

    void lockOfACrashedProcessIsTakenOver()
    {
        TempWorkspace dir;
        QFile lock(dir.path() + u".lock"_s);
        QVERIFY(lock.open(QIODevice::WriteOnly));
        // QLockFile's format: pid, program, host. A pid that cannot exist marks a dead holder.
        lock.write("2147483646\ntokendesk\n" + QSysInfo::machineHostName().toUtf8() + "\n");
        lock.close();
        WorkspaceStore store;
        QVERIFY2(store.open(dir.path()), qPrintable(store.errorString()));
    }

    void migratesAnOlderSchemaForward()
    {
        TempWorkspace dir;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v1"_s);
            db.setDatabaseName(dir.path());
            QVERIFY(db.open());
            QString error;
            QVERIFY2(SchemaMigrations(SqlDialect(SqlDialect::Kind::Sqlite)).migrate(db, &error, 1), qPrintable(error));
            QSqlQuery q(db);
            QVERIFY(q.exec(u"INSERT INTO accounts (kind, display_name, base_url, credential_ref, created_at) "
                           u"VALUES ('glean', 'Old', 'https://x-be.glean.com', 'keychain:k', 0)"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"v1"_s);

        WorkspaceStore store;
        QVERIFY2(store.open(dir.path()), qPrintable(store.errorString()));
        QCOMPARE(store.schemaVersion(), SchemaMigrations::latestVersion());
        QCOMPARE(store.accounts().size(), 1);
        QCOMPARE(store.accounts().constFirst().kind, ProviderKind::Glean);
        Token token = sampleToken(store.accounts().constFirst().id, u"g"_s);
        QVERIFY(store.addToken(token));
        QCOMPARE(store.token(token.id)->consumerNotes, token.consumerNotes); // column added by migration 2
        QVERIFY(!QUuid::fromString(store.workspaceId()).isNull()); // given by migration 3
    }

    // Keychain keys include the workspace id: it must differ between workspaces and never change.
    void workspaceIdIsUniqueAndStable()
    {
        TempWorkspace first;
        TempWorkspace second;
        QString firstId;
        {
            WorkspaceStore store;
            QVERIFY(store.open(first.path()));
            firstId = store.workspaceId();
            QVERIFY(!QUuid::fromString(firstId).isNull());
        }
        WorkspaceStore reopened;
        QVERIFY(reopened.open(first.path(), WorkspaceStore::OpenMode::ReadOnly));
        QCOMPARE(reopened.workspaceId(), firstId);
        WorkspaceStore other;
        QVERIFY(other.open(second.path()));
        QVERIFY(!other.workspaceId().isEmpty());
        QVERIFY(other.workspaceId() != firstId);
    }

    void refusesAWorkspaceFromANewerVersion()
    {
        TempWorkspace dir;
        {
            WorkspaceStore store;
            QVERIFY(store.open(dir.path()));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"future"_s);
            db.setDatabaseName(dir.path());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"INSERT INTO schema_version (version) VALUES (99)"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"future"_s);
        WorkspaceStore store;
        QVERIFY(!store.open(dir.path()));
        QVERIFY2(store.errorString().contains(u"newer TokenDesk"_s), qPrintable(store.errorString()));
        QVERIFY(!store.isOpen());
    }

    void readOnlyOpenOfAMissingFileFails()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(!store.open(dir.path(), WorkspaceStore::OpenMode::ReadOnly));
        QVERIFY(store.errorString().contains(u"does not exist"_s));
        QVERIFY(!QFile::exists(dir.path()));
    }

    void unwritableFolderGivesAClearError()
    {
        if (QFileInfo(u"/proc/1"_s).isWritable())
            QSKIP("running with permissions that can write anywhere");
        WorkspaceStore store;
        QVERIFY(!store.open(u"/proc/tokendesk-cannot-exist/workspace.tokendesk"_s));
        QVERIFY(!store.errorString().isEmpty());
    }
};

int main(int argc, char *argv[])
{
    // Child mode for secondWriterInAnotherProcessIsRefused: try to open for writing, report, exit.
    if (argc == 3 && qstrcmp(argv[1], "--open-for-writing") == 0) {
        QCoreApplication app(argc, argv);
        WorkspaceStore store;
        if (!store.open(QString::fromLocal8Bit(argv[2]))) {
            fprintf(stderr, "%s\n", qPrintable(store.errorString()));
            return 3;
        }
        return 0;
    }
    QCoreApplication app(argc, argv);
    TestWorkspaceStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "testworkspacestore.moc"
