// SPDX-License-Identifier: GPL-3.0-or-later
// tokendesk-bench: the performance figures of the README, measured on a real workspace file.
// It builds a workspace of N tokens (default 100,000) with V versions each (default 10) and
// an audit log, then measures what an admin feels: opening the workspace into the token table,
// the first sort, a search, a provider filter, appending to and verifying the audit chain, and
// the process's memory. Run it on an idle machine; the figures vary with disk and CPU.
//
//     tokendesk-bench [--tokens N] [--versions V] [--audit A] [--keep DIR]
#include "domain/clock.h"
#include "item/accountlistmodel.h"
#include "item/timelinemodel.h"
#include "item/tokensortfiltermodel.h"
#include "item/tokentablemodel.h"
#include "store/workspacesnapshot.h"
#include "store/workspacestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);

qint64 residentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

void report(const char *what, qint64 ms, const QString &extra = {})
{
    out << QString::fromLatin1(what).leftJustified(44, u'.') << u' ' << QString::number(ms).rightJustified(7)
        << u" ms"_s << (extra.isEmpty() ? QString() : u"  ("_s + extra + u')') << Qt::endl;
}

bool exec(QSqlQuery &q)
{
    if (q.exec())
        return true;
    out << "SQL error: " << q.lastError().text() << Qt::endl;
    return false;
}

// Seeds through SQL in one transaction: the benchmark measures reading, not the seeding.
bool seed(WorkspaceStore &store, int tokens, int versions)
{
    const ProviderKind kinds[] {
        ProviderKind::Dynatrace, ProviderKind::PangeaVault, ProviderKind::Glean, ProviderKind::PiianoVault};
    QList<qint64> accounts;
    for (int i = 0; i < 4; ++i) {
        Account account;
        account.kind = kinds[i];
        account.displayName = u"Bench %1"_s.arg(ProviderKindInfo::displayName(kinds[i]));
        account.baseUrl = QUrl(u"https://bench%1.example.com"_s.arg(i));
        account.credential = SecretRef::keychain(u"bench/%1"_s.arg(i));
        if (!store.addAccount(account))
            return false;
        accounts << account.id;
    }
    QSqlDatabase db = store.database();
    db.transaction();
    QSqlQuery token(db);
    token.prepare(u"INSERT INTO tokens (account_id, provider_id, name, scopes, owner, created_at, expires_at, "
                  u"state, policy_interval, policy_grace, policy_automatic, current_version) VALUES (?, ?, ?, "
                  u"'[\"metrics.ingest\"]', 'platform-team', ?, ?, 'active', ?, 'P1D', 1, ?) RETURNING id"_s);
    QSqlQuery version(db);
    version.prepare(u"INSERT INTO token_versions (token_id, number, provider_id, created_at, state, secret_ref) "
                    u"VALUES (?, ?, ?, ?, ?, ?)"_s);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < tokens; ++i) {
        token.bindValue(0, accounts.at(i % 4));
        token.bindValue(1, u"dt0c01.BENCH%1"_s.arg(i, 19, 10, QChar(u'0')));
        token.bindValue(2, u"service-%1-%2"_s.arg(i % 977).arg(i));
        token.bindValue(3, now - qint64(i % 400) * 86'400'000);
        token.bindValue(4, i % 3 == 0 ? QVariant(now + qint64(i % 200) * 86'400'000) : QVariant());
        token.bindValue(5, i % 2 == 0 ? u"P30D"_s : u"P90D"_s);
        token.bindValue(6, versions);
        if (!exec(token) || !token.next())
            return false;
        const qint64 id = token.value(0).toLongLong();
        token.finish();
        for (int v = 1; v <= versions; ++v) {
            version.bindValue(0, id);
            version.bindValue(1, v);
            version.bindValue(2, u"dt0c01.BENCH%1V%2"_s.arg(i).arg(v));
            version.bindValue(3, now - qint64(versions - v) * 30 * 86'400'000LL);
            version.bindValue(4, v == versions ? u"current"_s : u"revoked"_s);
            version.bindValue(5, u"keychain:bench/%1/%2"_s.arg(id).arg(v));
            if (!exec(version))
                return false;
        }
    }
    return db.commit();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"TokenDesk benchmark: workspace and table performance."_s);
    parser.addHelpOption();
    const QCommandLineOption tokensOption(
        u"tokens"_s, u"Tokens in the workspace (default 100000)."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption versionsOption(u"versions"_s, u"Versions per token (default 10)."_s, u"V"_s, u"10"_s);
    const QCommandLineOption auditOption(
        u"audit"_s, u"Audit lines to append and verify (default 20000)."_s, u"A"_s, u"20000"_s);
    parser.addOptions({tokensOption, versionsOption, auditOption});
    parser.process(app);
    const int tokens = parser.value(tokensOption).toInt();
    const int versions = parser.value(versionsOption).toInt();
    const int auditLines = parser.value(auditOption).toInt();

    QTemporaryDir dir;
    const QString path = dir.filePath(u"bench.tokendesk"_s);
    out << "TokenDesk benchmark: " << tokens << " tokens x " << versions << " versions, " << auditLines
        << " audit lines, Qt " << qVersion() << Qt::endl;
    const qint64 rssStart = residentKiB();
    QElapsedTimer timer;
    {
        WorkspaceStore store;
        if (!store.open(path))
            return 1;
        timer.start();
        if (!seed(store, tokens, versions))
            return 1;
        report("seed the workspace (one transaction)", timer.elapsed(),
            u"%1 MiB file"_s.arg(QFileInfo(path).size() / (1024 * 1024)));
    }

    WorkspaceStore store;
    timer.start();
    if (!store.open(path))
        return 1;
    const qint64 opened = timer.elapsed();
    const QList<Token> read = store.tokens();
    const qint64 readAll = timer.elapsed() - opened;
    TokenTableModel model(&store, Clock::system());
    model.reload(read);
    const qint64 loaded = timer.elapsed();
    report("open workspace", opened);
    report("read every token (SQL)", readAll);
    report("open + load the token table", loaded, u"%1 rows"_s.arg(model.rowCount()));

    // What the main window does for a large workspace: read and build rows on a worker thread,
    // then adopt them on the GUI thread; only the adoption blocks the window.
    {
        timer.start();
        const WorkspaceSnapshot snapshot = WorkspaceSnapshot::read(path);
        const auto prepared = TokenTableModel::prepare(snapshot.accounts, snapshot.tokens);
        report("worker: read and build the rows", timer.elapsed());
        TokenTableModel adopted(&store, Clock::system());
        timer.start();
        adopted.adopt(prepared);
        report("GUI thread: adopt the built rows", timer.elapsed(), u"%1 rows"_s.arg(adopted.rowCount()));
    } // one table in memory from here on, as in the window

    TokenSortFilterModel proxy;
    timer.start();
    proxy.setSourceModel(&model);
    const int attached = proxy.rowCount(); // as the view asks at once
    report("attach the sort/filter proxy", timer.elapsed(), u"%1 rows"_s.arg(attached));
    // A sort runs on a worker thread: what the GUI thread spends is taking the keys in sort() and
    // applying the order when it comes back; the rest is the wait for the worker.
    qint64 applyStarted = 0;
    qint64 applyMs = 0;
    QObject::connect(&model, &QAbstractItemModel::layoutAboutToBeChanged, [&] { applyStarted = timer.elapsed(); });
    QObject::connect(&proxy, &QAbstractItemModel::layoutChanged, [&] { applyMs = timer.elapsed() - applyStarted; });
    QThreadPool::globalInstance()->start([] {}); // running already in the window: its loader uses it
    QThreadPool::globalInstance()->waitForDone();
    const auto sortBy = [&](const char *what, int column, Qt::SortOrder order) {
        timer.start();
        proxy.sort(column, order);
        const qint64 callMs = timer.elapsed();
        while (model.isSorting())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        report(
            what, timer.elapsed(), u"GUI thread: %1 ms in sort(), %2 ms applying the order"_s.arg(callMs).arg(applyMs));
    };
    sortBy("first sort by name (worker thread)", TokenTableModel::NameColumn, Qt::AscendingOrder);
    sortBy("sort by next rotation (worker thread)", TokenTableModel::NextRotationColumn, Qt::DescendingOrder);
    sortBy("sort by name again, descending", TokenTableModel::NameColumn, Qt::DescendingOrder);
    timer.start();
    proxy.setSearchText(u"service-42-"_s);
    const int matches = proxy.rowCount(); // the proxy may map lazily: this is what a view asks first
    report("search \"service-42-\"", timer.elapsed(), u"%1 matches"_s.arg(matches));
    timer.start();
    proxy.setSearchText({});
    proxy.setProviderFilter(ProviderKind::Glean);
    const int shown = proxy.rowCount();
    report("clear search, filter provider Glean", timer.elapsed(), u"%1 rows"_s.arg(shown));
    timer.start();
    const QList<TokenVersion> history = store.versions(model.tokenAt(tokens / 2)->id);
    report("versions of one token", timer.elapsed(), u"%1 versions"_s.arg(history.size()));
    // The main window reads the tokens once and hands them to the account list and timeline too.
    const QList<Token> inMemory = model.tokens();
    timer.start();
    AccountListModel accounts(&store, Clock::system());
    accounts.reload(inMemory);
    report("account list with due counts", timer.elapsed(), u"%1 accounts"_s.arg(accounts.rowCount() - 1));
    timer.start();
    accounts.refreshCounts(model.dueStates());
    report("recount due tokens (once a minute)", timer.elapsed());
    timer.start();
    TimelineModel timeline(&store, Clock::system());
    timeline.reload(inMemory);
    report("90-day timeline", timer.elapsed(), u"%1 events"_s.arg(timeline.rowCount()));
    const qint64 rss = residentKiB();
    out << QString::fromLatin1("resident memory").leftJustified(44, u'.') << u' '
        << QString::number(rss / 1024).rightJustified(7) << u" MiB  (+"_s << (rss - rssStart) / 1024
        << u" MiB for the workspace and table)"_s << Qt::endl;

    timer.start();
    for (int i = 0; i < auditLines; ++i) {
        AuditEvent event;
        event.osUser = u"bench"_s;
        event.action = u"rotate.verify"_s;
        event.tokenId = i % tokens + 1;
        event.details = u"bench line %1"_s.arg(i);
        if (!store.appendAudit(event))
            return 1;
    }
    const qint64 appended = timer.elapsed();
    report("append audit lines (one transaction each)", appended,
        u"%1 per second"_s.arg(appended > 0 ? auditLines * 1000 / appended : auditLines));
    timer.start();
    const AuditChain::Verification chain = store.verifyAudit();
    report("verify the audit hash chain", timer.elapsed(),
        u"%1 lines, %2"_s.arg(chain.rowsChecked).arg(chain.intact ? u"intact"_s : chain.problem));
    return 0;
}
