// SPDX-License-Identifier: GPL-3.0-or-later
// The audit log window on real widgets over a real workspace with events of two accounts, three
// tokens and workspace-wide ones: each filter (account, token by name and id, action, outcome,
// time range) leaves exactly the matching rows and new events arrive live; CSV and JSON exports,
// through the file dialog and directly, hold exactly the filtered events in log order; an
// unwritable target shows an error and leaves no file; a row edited behind TokenDesk's back turns
// the chain status into a red, bold alarm that names the entry. Settings persist the layout.
#include "appcontext.h"
#include "bootstrap.h"
#include "dialogs/auditlogwindow.h"
#include "domain/clock.h"
#include "item/auditlogmodel.h"
#include "secrets/unavailablesecretstore.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

using Outcome = AuditEvent::Outcome;
using Ids = QList<qint64>;

namespace {

const QDateTime t0(QDate(2026, 3, 1), QTime(8, 30), QTimeZone::utc());

// RFC 4180 as AuditExport writes it: quoted cells may hold commas, quotes and line breaks.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted && c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
            cell += u'"';
            ++i;
        } else if (c == u'"') {
            quoted = !quoted;
        } else if (!quoted && c == u',') {
            row << std::exchange(cell, {});
        } else if (!quoted && c == u'\n') {
            row << std::exchange(cell, {});
            rows << std::exchange(row, {});
        } else if (quoted || c != u'\r') {
            cell += c;
        }
    }
    return rows;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Runs SQL on the open workspace's file through a second connection, as someone covering
// their tracks would.
void tamper(const QString &path, const QString &sql)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(sql), qPrintable(sql));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"tamper"_s);
}

} // namespace

class TestAuditLogWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("TZ", "EAT-3"); // UTC+3 all year, without tzdata: the edits show local time
        Bootstrap::installTranslations();
    }

    void init()
    {
        QSettings().clear();
        m_workspace = std::make_unique<TempWorkspace>();
        m_store = std::make_unique<WorkspaceStore>();
        QVERIFY2(m_store->open(m_workspace->path()), qPrintable(m_store->errorString()));
        m_secrets = std::make_unique<UnavailableSecretStore>(u"test"_s);
        m_context = std::make_unique<AppContext>(m_store.get(), m_secrets.get(), Clock::system());
        m_hour = 0;
        append(1, 11, u"rotate.create"_s, Outcome::Started); // 1
        append(1, 11, u"rotate.create"_s, Outcome::Succeeded, u"version 2, \"fresh\"\nactive"_s); // 2
        append(2, 21, u"rotate.create"_s, Outcome::Failed, u"HTTP 403"_s); // 3
        append(2, 21, u"revoke.emergency"_s, Outcome::Succeeded); // 4
        append(0, 0, u"account.add"_s, Outcome::Succeeded); // 5
        append(1, 12, u"rotate.revoke"_s, Outcome::Skipped); // 6
    }

    void cleanup()
    {
        m_context.reset();
        m_secrets.reset();
        m_store.reset();
        m_workspace.reset();
    }

    void opensAsItsOwnWindowAndVerifiesAfterShowing()
    {
        QWidget parent;
        auto *window = new AuditLogWindow(m_context.get(), &parent);
        QVERIFY(window->isWindow());
        QVERIFY(window->windowFlags().testFlag(Qt::Window));
        auto *status = window->findChild<QLabel *>(u"chainStatus"_s);
        QVERIFY(status);
        // Not verified on the constructor's path: the window shows first.
        QCOMPARE(status->text(), u"Verifying the hash chain…"_s);
        QSignalSpy verified(window, &AuditLogWindow::chainVerified);
        window->show();
        QTRY_COMPARE(verified.count(), 1);
        QCOMPARE(verified.at(0).at(0).toBool(), true);
        QCOMPARE(status->text(), u"Hash chain verified: 6 entries intact"_s);
        QVERIFY(!status->font().bold());
        QCOMPARE(shown(window), Ids({1, 2, 3, 4, 5, 6}));
        QVERIFY(window->findChild<QLabel *>(u"auditCountLabel"_s)->text().startsWith(u"6 event"_s));

        // The filter choices are those present in the log, sorted.
        QCOMPARE(items(window->findChild<QComboBox *>(u"actionFilter"_s)),
            QStringList(
                {u"All actions"_s, u"account.add"_s, u"revoke.emergency"_s, u"rotate.create"_s, u"rotate.revoke"_s}));
        QCOMPARE(items(window->findChild<QComboBox *>(u"accountFilter"_s)),
            QStringList({u"All accounts"_s, u"Workspace (no account)"_s, u"Glean search"_s, u"Prod DT"_s}));
        QCOMPARE(items(window->findChild<QComboBox *>(u"outcomeFilter"_s)),
            QStringList({u"All outcomes"_s, u"Started"_s, u"Succeeded"_s, u"Failed"_s, u"Skipped"_s}));
    }

    void filtersLeaveExactlyTheMatchingRows()
    {
        AuditLogWindow window(m_context.get());
        window.show();
        auto *account = window.findChild<QComboBox *>(u"accountFilter"_s);
        auto *token = window.findChild<QLineEdit *>(u"tokenSearchEdit"_s);
        auto *action = window.findChild<QComboBox *>(u"actionFilter"_s);
        auto *outcome = window.findChild<QComboBox *>(u"outcomeFilter"_s);
        auto *count = window.findChild<QLabel *>(u"auditCountLabel"_s);

        account->setCurrentIndex(account->findText(u"Glean search"_s));
        QCOMPARE(shown(&window), Ids({3, 4}));
        QVERIFY2(count->text().startsWith(u"2 of 6 event"_s), qPrintable(count->text()));
        account->setCurrentIndex(account->findText(u"Workspace (no account)"_s));
        QCOMPARE(shown(&window), Ids({5}));
        account->setCurrentIndex(0);

        QTest::keyClicks(token, u"INGEST"_s);
        QCOMPARE(shown(&window), Ids({1, 2}));
        token->clear();
        QTest::keyClicks(token, u"21"_s); // a token id
        QCOMPARE(shown(&window), Ids({3, 4}));
        token->clear();

        action->setCurrentIndex(action->findText(u"rotate.create"_s));
        QCOMPARE(shown(&window), Ids({1, 2, 3}));
        outcome->setCurrentIndex(outcome->findText(u"Failed"_s));
        QCOMPARE(shown(&window), Ids({3}));
        outcome->setCurrentIndex(outcome->findText(u"Skipped"_s));
        QCOMPARE(shown(&window), Ids({}));
        QVERIFY(!window.findChild<QPushButton *>(u"exportCsvButton"_s)->isEnabled()); // nothing to export

        QTest::mouseClick(window.findChild<QPushButton *>(u"clearFiltersButton"_s), Qt::LeftButton);
        QCOMPARE(shown(&window), Ids({1, 2, 3, 4, 5, 6}));

        // Time: the edits show local time (UTC+3 here); both bounds are inclusive.
        auto *fromCheck = window.findChild<QCheckBox *>(u"fromCheck"_s);
        auto *fromEdit = window.findChild<QDateTimeEdit *>(u"fromEdit"_s);
        auto *toCheck = window.findChild<QCheckBox *>(u"toCheck"_s);
        auto *toEdit = window.findChild<QDateTimeEdit *>(u"toEdit"_s);
        QVERIFY(!fromEdit->isEnabled()); // unchecked = any time
        fromEdit->setDateTime(t0.addSecs(3600).toLocalTime());
        QCOMPARE(shown(&window).size(), 6);
        QTest::mouseClick(fromCheck, Qt::LeftButton);
        QVERIFY(fromCheck->isChecked());
        QVERIFY(fromEdit->isEnabled());
        QCOMPARE(shown(&window), Ids({2, 3, 4, 5, 6}));
        toEdit->setDateTime(t0.addSecs(3 * 3600).toLocalTime());
        QTest::mouseClick(toCheck, Qt::LeftButton);
        QCOMPARE(shown(&window), Ids({2, 3, 4}));
        QTest::mouseClick(fromCheck, Qt::LeftButton);
        QCOMPARE(shown(&window), Ids({1, 2, 3, 4}));
        toCheck->setChecked(false);

        // New events arrive live, through the filters, and bring their action to the list.
        action->setCurrentIndex(action->findText(u"rotate.create"_s));
        append(2, 21, u"rotate.create"_s, Outcome::Succeeded); // 7
        append(1, 11, u"settings.change"_s, Outcome::Succeeded); // 8
        QCOMPARE(shown(&window), Ids({1, 2, 3, 7}));
        QVERIFY(items(action).contains(u"settings.change"_s));
        QCOMPARE(action->currentText(), u"rotate.create"_s);
        QTRY_COMPARE(window.findChild<QLabel *>(u"chainStatus"_s)->text(), u"Hash chain verified: 8 entries intact"_s);
    }

    void exportsExactlyTheFilteredEvents()
    {
        AuditLogWindow window(m_context.get());
        window.show();
        auto *account = window.findChild<QComboBox *>(u"accountFilter"_s);
        account->setCurrentIndex(account->findText(u"Prod DT"_s));
        // Newest first on screen; the export keeps the log's order.
        window.findChild<QTableView *>(u"auditTable"_s)->sortByColumn(AuditLogModel::TimeColumn, Qt::DescendingOrder);
        QCOMPARE(shown(&window), Ids({6, 2, 1}));
        QVERIFY(window.findChild<QLabel *>(u"exportScopeLabel"_s)->text().contains(u"filtered"_s));
        const QList<AuditEvent> stored = m_store->auditEvents();

        const QString csvPath = m_workspace->folder() + u"/audit.csv"_s;
        QSignalSpy exported(&window, &AuditLogWindow::exported);
        QVERIFY(window.exportTo(csvPath, AuditExport::Format::Csv));
        QCOMPARE(exported.count(), 1);
        QCOMPARE(exported.at(0).at(1).toInt(), 3);
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(readFile(csvPath)));
        QCOMPARE(rows.size(), 4);
        const QStringList header = rows.at(0);
        QCOMPARE(header.at(0), u"id"_s);
        const qsizetype details = header.indexOf(u"details"_s);
        const qsizetype token = header.indexOf(u"token"_s);
        const qsizetype hash = header.indexOf(u"hash"_s);
        QVERIFY(details > 0 && token > 0 && hash > 0);
        QCOMPARE(rows.at(1).at(0), u"1"_s);
        QCOMPARE(rows.at(2).at(0), u"2"_s);
        QCOMPARE(rows.at(3).at(0), u"6"_s);
        QCOMPARE(rows.at(2).at(details), u"version 2, \"fresh\"\nactive"_s);
        QCOMPARE(rows.at(3).at(token), u"billing-export"_s);
        QCOMPARE(rows.at(3).at(hash), stored.at(5).hash);
        QVERIFY(window.findChild<QLabel *>(u"exportMessage"_s)->text().contains(u"audit.csv"_s));

        // JSON through the Export button's non-blocking file dialog.
        auto *outcome = window.findChild<QComboBox *>(u"outcomeFilter"_s);
        outcome->setCurrentIndex(outcome->findText(u"Succeeded"_s));
        QCOMPARE(shown(&window), Ids({2}));
        QTest::mouseClick(window.findChild<QPushButton *>(u"exportJsonButton"_s), Qt::LeftButton);
        auto *chooser = window.findChild<QFileDialog *>(u"exportFileDialog"_s);
        QVERIFY(chooser);
        QTRY_VERIFY(chooser->isVisible());
        QCOMPARE(chooser->acceptMode(), QFileDialog::AcceptSave);
        const QString jsonPath = m_workspace->folder() + u"/audit.json"_s;
        chooser->selectFile(jsonPath);
        static_cast<QDialog *>(chooser)->accept(); // as the Save button does
        QTRY_COMPARE(exported.count(), 2);
        QCOMPARE(exported.at(1).at(0).toString(), jsonPath);
        const QJsonArray array = QJsonDocument::fromJson(readFile(jsonPath)).array();
        QCOMPARE(array.size(), 1);
        const QJsonObject only = array.at(0).toObject();
        QCOMPARE(only.value(u"id"_s).toInteger(), 2);
        QCOMPARE(only.value(u"account"_s).toString(), u"Prod DT"_s);
        QCOMPARE(only.value(u"outcome"_s).toString(), u"succeeded"_s);
        QCOMPARE(only.value(u"hash"_s).toString(), stored.at(1).hash);

        // Unfiltered, the label says so and everything is written.
        QTest::mouseClick(window.findChild<QPushButton *>(u"clearFiltersButton"_s), Qt::LeftButton);
        QVERIFY(!window.findChild<QLabel *>(u"exportScopeLabel"_s)->text().contains(u"filtered"_s));
        QVERIFY(window.exportTo(jsonPath, AuditExport::Format::Json));
        QCOMPARE(QJsonDocument::fromJson(readFile(jsonPath)).array().size(), 6);
    }

    void anUnwritableTargetShowsAnErrorAndLeavesNoFile()
    {
        AuditLogWindow window(m_context.get());
        window.show();
        auto *message = window.findChild<QLabel *>(u"exportMessage"_s);
        QVERIFY(!message->isVisible());
        const QString missingFolder = m_workspace->folder() + u"/no-such-folder"_s;
        const QString path = missingFolder + u"/audit.csv"_s;
        QSignalSpy exported(&window, &AuditLogWindow::exported);
        QVERIFY(!window.exportTo(path, AuditExport::Format::Csv));
        QCOMPARE(exported.count(), 0);
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().startsWith(u"Could not export to %1: "_s.arg(QDir::toNativeSeparators(path))),
            qPrintable(message->text()));
        QVERIFY(message->text().endsWith(u"Nothing was written."_s));
        QVERIFY(message->font().bold());
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(!QFileInfo::exists(missingFolder));

        // A folder in the way of the file: refused, and the folder is untouched and empty.
        const QString folderPath = m_workspace->folder() + u"/audit.json"_s;
        QVERIFY(QDir().mkdir(folderPath));
        QVERIFY(!window.exportTo(folderPath, AuditExport::Format::Json));
        QVERIFY(QFileInfo(folderPath).isDir());
        QVERIFY(QDir(folderPath).isEmpty());
        // Only the workspace's own files beside it: no temporary file was left behind.
        const QStringList left = QDir(m_workspace->folder()).entryList(QDir::Files | QDir::Hidden);
        for (const QString &name : left)
            QVERIFY2(name.startsWith(u"workspace.tokendesk"_s), qPrintable(name));

        // A later success clears the alarm.
        QVERIFY(window.exportTo(m_workspace->folder() + u"/ok.csv"_s, AuditExport::Format::Csv));
        QVERIFY(!message->font().bold());
    }

    void aTamperedRowBreaksTheChainVisibly()
    {
        AuditLogWindow window(m_context.get());
        window.show();
        auto *status = window.findChild<QLabel *>(u"chainStatus"_s);
        QTRY_COMPARE(status->text(), u"Hash chain verified: 6 entries intact"_s);
        const QColor normal = status->palette().color(QPalette::WindowText);

        tamper(m_workspace->path(), u"UPDATE audit_events SET details = 'nothing to see' WHERE id = 3"_s);
        QSignalSpy verified(&window, &AuditLogWindow::chainVerified);
        QTest::mouseClick(window.findChild<QPushButton *>(u"verifyButton"_s), Qt::LeftButton);
        QTRY_COMPARE(verified.count(), 1);
        QCOMPARE(verified.at(0).at(0).toBool(), false);
        QCOMPARE(status->text(), u"Hash chain BROKEN at entry #3: Audit row 3 was changed after it was written."_s);
        // Alarming: bold, in a red that is not the normal text colour, on a tinted band.
        QVERIFY(status->font().bold());
        const QColor alarm = status->palette().color(QPalette::WindowText);
        QVERIFY(alarm != normal);
        QCOMPARE(alarm.hslHue(), 0);
        QVERIFY(alarm.hslSaturation() > 150);
        QVERIFY(status->autoFillBackground());

        // A window opened on the tampered workspace says so by itself.
        AuditLogWindow second(m_context.get());
        second.show();
        QTRY_VERIFY(
            second.findChild<QLabel *>(u"chainStatus"_s)->text().startsWith(u"Hash chain BROKEN at entry #3"_s));
    }

    void layoutPersistsInSettings()
    {
        {
            AuditLogWindow window(m_context.get());
            window.show();
            QVERIFY(window.minimumSizeHint().width() <= 800); // fits a small screen
            window.resize(820, 500);
            auto *table = window.findChild<QTableView *>(u"auditTable"_s);
            table->sortByColumn(AuditLogModel::ActionColumn, Qt::DescendingOrder);
            table->horizontalHeader()->hideSection(AuditLogModel::RequestIdColumn);
            window.close();
        }
        QSettings settings;
        QVERIFY(settings.contains(u"auditLogWindow/geometry"_s));
        QVERIFY(settings.contains(u"auditLogWindow/tableHeader"_s));
        AuditLogWindow window(m_context.get());
        auto *header = window.findChild<QTableView *>(u"auditTable"_s)->horizontalHeader();
        QCOMPARE(header->sortIndicatorSection(), int(AuditLogModel::ActionColumn));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QVERIFY(header->isSectionHidden(AuditLogModel::RequestIdColumn));
        QCOMPARE(shown(&window), Ids({6, 3, 2, 1, 4, 5})); // ties newest first, as the sort is descending
        QCOMPARE(window.size(), QSize(820, 500));
    }

private:
    // The event ids of the table's rows, top to bottom.
    static Ids shown(QWidget *window)
    {
        const QAbstractItemModel *model = window->findChild<QTableView *>(u"auditTable"_s)->model();
        Ids ids;
        for (int row = 0; row < model->rowCount(); ++row)
            ids << model->index(row, 0).data(AuditLogModel::EventIdRole).toLongLong();
        return ids;
    }

    static QStringList items(const QComboBox *combo)
    {
        QStringList texts;
        for (int i = 0; i < combo->count(); ++i)
            texts << combo->itemText(i);
        return texts;
    }

    void append(qint64 accountId, qint64 tokenId, const QString &action, Outcome outcome, const QString &details = {})
    {
        static const QHash<qint64, QString> accounts {{1, u"Prod DT"_s}, {2, u"Glean search"_s}};
        static const QHash<qint64, QString> tokens {
            {11, u"ingest-metrics"_s}, {12, u"billing-export"_s}, {21, u"crawler"_s}};
        AuditEvent event;
        event.at = t0.addSecs(m_hour++ * 3600);
        event.osUser = u"alice"_s;
        event.accountId = accountId;
        event.accountName = accounts.value(accountId);
        event.tokenId = tokenId;
        event.tokenName = tokens.value(tokenId);
        event.action = action;
        event.outcome = outcome;
        event.requestId = u"req-%1"_s.arg(m_hour);
        event.details = details;
        if (!m_store->appendAudit(event))
            qFatal("cannot append: %s", qPrintable(m_store->errorString()));
    }

    int m_hour = 0;
    std::unique_ptr<TempWorkspace> m_workspace;
    std::unique_ptr<WorkspaceStore> m_store;
    std::unique_ptr<UnavailableSecretStore> m_secrets;
    std::unique_ptr<AppContext> m_context;
};

QTEST_MAIN(TestAuditLogWindow)
#include "testauditlogwindow.moc"
