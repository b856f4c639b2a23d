// SPDX-License-Identifier: GPL-3.0-or-later
// tokendesk-cli's commands on a real workspace file: list and accounts (text and JSON), audit
// verify on an intact and a tampered log, audit export as CSV (quoting, formula guard) and JSON,
// to standard output and to a file, and the documented exit codes.
#include "bootstrap.h"
#include "cli/commandline.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode;
    QString out;
    QString err;
};

Run cli(const QStringList &arguments)
{
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    const int code = CommandLine(outStream, errStream).run(QStringList {u"tokendesk-cli"_s} + arguments);
    outStream.flush();
    errStream.flush();
    return {code, out, err};
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempWorkspace> m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Bootstrap::installTranslations(); // English plural forms
    }

    void init()
    {
        m_dir = std::make_unique<TempWorkspace>();
        WorkspaceStore store;
        QVERIFY(store.open(m_dir->path()));
        Account account;
        account.kind = ProviderKind::Dynatrace;
        account.displayName = u"Prod DT"_s;
        account.baseUrl = QUrl(u"https://abc123.live.dynatrace.com"_s);
        account.credential = SecretRef::keychain(u"k"_s);
        QVERIFY(store.addAccount(account));
        Token token;
        token.accountId = account.id;
        token.providerId = u"dt0c01.ABC"_s;
        token.name = u"otel-collector"_s;
        token.currentVersion = 2;
        QVERIFY(store.addToken(token));
        const QStringList details {u"plain"_s, u"=HYPERLINK(\"http://evil\")"_s, u"a, \"quoted\"\nline"_s};
        for (const QString &text : details) {
            AuditEvent event;
            event.osUser = u"admin"_s;
            event.accountId = account.id;
            event.accountName = account.displayName;
            event.tokenId = token.id;
            event.tokenName = token.name;
            event.action = u"rotate.create"_s;
            event.details = text;
            QVERIFY(store.appendAudit(event));
        }
    }

    void listsTokensAndAccounts()
    {
        Run run = cli({u"list"_s, u"--workspace"_s, m_dir->path()});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(u"otel-collector\tdynatrace\tProd DT\tactive\tv2\t"_s), qPrintable(run.out));
        run = cli({u"list"_s, u"--json"_s, u"--workspace"_s, m_dir->path()});
        const QJsonArray tokens = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(tokens.size(), 1);
        QCOMPARE(tokens.at(0)[u"providerId"_s].toString(), u"dt0c01.ABC"_s);
        run = cli({u"accounts"_s, u"--workspace"_s, m_dir->path()});
        // Each account says what TokenDesk can and cannot do with it.
        const QStringList lines = run.out.split(u'\n');
        QCOMPARE(lines.at(0), u"Prod DT\tdynatrace\thttps://abc123.live.dynatrace.com"_s);
        QCOMPARE(lines.at(1), u"  can: list tokens, create a replacement, revoke, delete"_s);
        QVERIFY2(lines.at(2).startsWith(u"  limit: "_s), qPrintable(run.out));
        run = cli({u"accounts"_s, u"--json"_s, u"--workspace"_s, m_dir->path()});
        const QJsonObject account = QJsonDocument::fromJson(run.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(account[u"can"_s].toArray().size(), 4);
        QVERIFY(!account[u"limitations"_s].toArray().isEmpty());
    }

    void auditVerifySaysWhetherTheChainHolds()
    {
        Run run = cli({u"audit"_s, u"verify"_s, u"--workspace"_s, m_dir->path()});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, u"Audit log intact: 3 rows verified.\n"_s);

        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
            db.setDatabaseName(m_dir->path());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"UPDATE audit_events SET os_user = 'someone-else' WHERE id = 2"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"tamper"_s);
        run = cli({u"audit"_s, u"verify"_s, u"--workspace"_s, m_dir->path()});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err, u"Audit log BROKEN: Audit row 2 was changed after it was written.\n"_s);
        run = cli({u"audit"_s, u"verify"_s, u"--json"_s, u"--workspace"_s, m_dir->path()});
        const QJsonObject result = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(result[u"intact"_s].toBool(), false);
        QCOMPARE(result[u"brokenAtId"_s].toInteger(), 2);
    }

    void auditExportsCsvSafely()
    {
        const Run run = cli({u"audit"_s, u"export"_s, u"--workspace"_s, m_dir->path()});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(u"\r\n"_s);
        QVERIFY(lines.constFirst().startsWith(u"id,at,os_user,account_id,account,token_id,token,action,outcome,"_s));
        // The formula is neutralised, and its quotes doubled inside one quoted cell.
        QVERIFY2(lines.at(2).contains(u",\"'=HYPERLINK(\"\"http://evil\"\")\","_s), qPrintable(lines.at(2)));
        QVERIFY2(lines.at(3).contains(u",\"a, \"\"quoted\"\"\nline\","_s), qPrintable(lines.at(3))); // one quoted cell
        QCOMPARE(lines.at(1).split(u',').size(), 13);
    }

    void auditExportsJsonToAFile()
    {
        const QString file = m_dir->folder() + u"/audit.json"_s;
        Run run = cli(
            {u"audit"_s, u"export"_s, u"--format"_s, u"json"_s, u"--output"_s, file, u"--workspace"_s, m_dir->path()});
        QCOMPARE(run.exitCode, 0);
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QJsonArray rows = QJsonDocument::fromJson(written.readAll()).array();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(1)[u"previousHash"_s].toString(), rows.at(0)[u"hash"_s].toString());
        QCOMPARE(rows.at(2)[u"details"_s].toString(), u"a, \"quoted\"\nline"_s);

        run = cli(
            {u"audit"_s, u"export"_s, u"--output"_s, u"/nonexistent-dir/audit.csv"_s, u"--workspace"_s, m_dir->path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith(u"Cannot write /nonexistent-dir/audit.csv: "_s), qPrintable(run.err));
    }

    void exitCodesAreDocumentedOnes()
    {
        QCOMPARE(cli({u"frobnicate"_s, u"--workspace"_s, m_dir->path()}).exitCode, 2);
        QCOMPARE(cli({u"audit"_s, u"shred"_s, u"--workspace"_s, m_dir->path()}).exitCode, 2);
        QCOMPARE(cli({u"audit"_s, u"export"_s, u"--format"_s, u"xml"_s, u"--workspace"_s, m_dir->path()}).exitCode, 2);
        const Run missing = cli({u"list"_s, u"--workspace"_s, m_dir->folder() + u"/missing/none.tokendesk"_s});
        QCOMPARE(missing.exitCode, 3);
        QVERIFY(!missing.err.isEmpty());
    }

    void readsWhileAnotherProcessHoldsTheWorkspace()
    {
        WorkspaceStore writer;
        QVERIFY(writer.open(m_dir->path()));
        const Run run = cli({u"audit"_s, u"verify"_s, u"--workspace"_s, m_dir->path()});
        QCOMPARE(run.exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "testcommandline.moc"
