// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's panes on real widgets over a real workspace (a mock clock, no keychain): the
// account list filters the token table; the selected token fills the details panel (title,
// versions, policy, its own audit events) and nothing selected shows the placeholder;
// selectToken() and the timeline clear only the filters that hide a token, then select it; the
// consumer notes are saved shortly after typing stops and when another token is selected, and
// never land on the wrong token.
#include "bootstrap.h"
#include "deskworkspace.h"
#include "item/accountlistmodel.h"
#include "item/timelinemodel.h"
#include "mainwindow.h"
#include "viewprobe.h"
#include "views/timelineview.h"
#include "views/tokendetailspanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QDateTime t0 = DeskWorkspace::start();

} // namespace

class TestMainWindowPanels final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DeskWorkspace> m_desk;

    // The details panel's page: the placeholder or the token's page.
    static bool showsPlaceholder(const QWidget &window)
    {
        return ViewProbe::part<QLabel>(window, u"detailsPlaceholder"_s)->isVisible()
            && !ViewProbe::part<QLabel>(window, u"detailsTitle"_s)->isVisible();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Bootstrap::installTranslations();
    }

    void init()
    {
        QSettings().clear();
        m_desk = std::make_unique<DeskWorkspace>();
        QVERIFY2(m_desk->setUp(), qPrintable(m_desk->store.errorString()));
    }

    void cleanup()
    {
        m_desk.reset();
        QSettings().clear();
    }

    void accountListFiltersTheTokenTable()
    {
        MainWindow window(m_desk->context.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *accounts = ViewProbe::part<QListView>(window, u"accountList"_s);
        auto *table = ViewProbe::part<QTableView>(window, u"tokenTable"_s);
        auto *count = ViewProbe::part<QLabel>(window, u"tokenCountLabel"_s);
        QCOMPARE(accounts->model()->rowCount(), 3);
        QCOMPARE(accounts->currentIndex().row(), 0); // "All accounts"
        QCOMPARE(table->model()->rowCount(), 3);

        QVERIFY(ViewProbe::clickOn(accounts, ViewProbe::rowOfAccount(accounts, m_desk->glean.id)));
        QCOMPARE(ViewProbe::tokenNames(table), QStringList({u"crawler"_s}));
        QCOMPARE(count->text(), u"1 of 3 tokens"_s);
        QVERIFY(ViewProbe::clickOn(accounts, ViewProbe::rowOfAccount(accounts, m_desk->prod.id)));
        QCOMPARE(ViewProbe::tokenNames(table), QStringList({u"billing-export"_s, u"ingest-metrics"_s}));
        QCOMPARE(count->text(), u"2 of 3 tokens"_s);

        // The other filters narrow the account's tokens further, and a new token of the
        // account appears.
        QTest::keyClicks(ViewProbe::part<QLineEdit>(window, u"searchEdit"_s), u"billing"_s);
        QCOMPARE(ViewProbe::tokenNames(table), QStringList({u"billing-export"_s}));
        Token added = m_desk->makeToken(m_desk->prod.id, u"billing-archive"_s, 0);
        QVERIFY(m_desk->store.addToken(added));
        Token elsewhere = m_desk->makeToken(m_desk->glean.id, u"billing-bot"_s, 0);
        QVERIFY(m_desk->store.addToken(elsewhere));
        QCOMPARE(ViewProbe::tokenNames(table), QStringList({u"billing-archive"_s, u"billing-export"_s}));
        ViewProbe::part<QLineEdit>(window, u"searchEdit"_s)->clear();

        QVERIFY(ViewProbe::clickOn(accounts, ViewProbe::rowOfAccount(accounts, 0)));
        QCOMPARE(table->model()->rowCount(), 5);
        QCOMPARE(count->text(), u"5 tokens"_s);
    }

    void selectingATokenShowsItsDetails()
    {
        DeskWorkspace &desk = *m_desk;
        for (int number : {1, 2}) {
            TokenVersion version;
            version.tokenId = desk.ingest.id;
            version.number = number;
            version.providerId = u"dt0c01.V%1"_s.arg(number);
            version.createdAt = t0.addDays(number - 10);
            version.state = number == 2 ? VersionState::Current : VersionState::Grace;
            version.secret = SecretRef::keychain(u"tokendesk/test/ingest/%1"_s.arg(number));
            QVERIFY(desk.store.addVersion(version));
        }
        QVERIFY(desk.audit(desk.ingest, u"rotate.start"_s));
        QVERIFY(desk.audit(desk.ingest, u"rotate.promote"_s));
        QVERIFY(desk.audit(desk.crawler, u"token.import"_s));
        MainWindow window(desk.context.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *table = ViewProbe::part<QTableView>(window, u"tokenTable"_s);
        auto *details = ViewProbe::part<QWidget>(window, u"tokenDetails"_s);
        QVERIFY(showsPlaceholder(window));

        QVERIFY(ViewProbe::clickOn(table, ViewProbe::rowOfToken(table, desk.ingest.id)));
        QCOMPARE(ViewProbe::currentTokenId(table), desk.ingest.id);
        QVERIFY(!showsPlaceholder(window));
        QCOMPARE(ViewProbe::part<QLabel>(*details, u"detailsTitle"_s)->text(), u"ingest-metrics"_s);
        const QString subtitle = ViewProbe::part<QLabel>(*details, u"detailsSubtitle"_s)->text();
        QVERIFY2(subtitle.contains(u"Prod DT · Dynatrace"_s), qPrintable(subtitle));
        QVERIFY2(subtitle.contains(u"metrics-team@example.com"_s), qPrintable(subtitle));
        QCOMPARE(ViewProbe::part<QTableView>(*details, u"versionTable"_s)->model()->rowCount(), 2);
        const QString policy = ViewProbe::part<QLabel>(*details, u"policyText"_s)->text();
        QVERIFY2(policy.contains(u"every 30 days"_s), qPrintable(policy));
        // Created ten days before t0, every 30 days: due on 2026-03-21 08:30 UTC.
        QVERIFY2(
            policy.contains(u"Next rotation due"_s) && policy.contains(u"2026-03-21 08:30 UTC"_s), qPrintable(policy));
        auto *audit = ViewProbe::part<QTableView>(*details, u"tokenAuditTable"_s);
        const qsizetype ingestEvents = desk.store.auditEvents(desk.ingest.id).size();
        QVERIFY(ingestEvents >= 2);
        QVERIFY(ingestEvents < desk.store.auditEvents().size());
        QCOMPARE(audit->model()->rowCount(), int(ingestEvents));

        QVERIFY(ViewProbe::clickOn(table, ViewProbe::rowOfToken(table, desk.billing.id)));
        QCOMPARE(ViewProbe::part<QLabel>(*details, u"detailsTitle"_s)->text(), u"billing-export"_s);
        QCOMPARE(ViewProbe::part<QTableView>(*details, u"versionTable"_s)->model()->rowCount(), 0);
        QVERIFY(ViewProbe::part<QLabel>(*details, u"policyText"_s)->text().contains(u"No rotation policy"_s));
        QCOMPARE(audit->model()->rowCount(), int(desk.store.auditEvents(desk.billing.id).size()));

        // A change in the store shows at once.
        Token renamed = *desk.store.token(desk.billing.id);
        renamed.name = u"billing-export-v2"_s;
        QVERIFY(desk.store.updateToken(renamed));
        QCOMPARE(ViewProbe::part<QLabel>(*details, u"detailsTitle"_s)->text(), u"billing-export-v2"_s);

        // A filter that hides the selected token leaves nothing selected: the placeholder.
        QTest::keyClicks(ViewProbe::part<QLineEdit>(window, u"searchEdit"_s), u"no token is called this"_s);
        QCOMPARE(table->model()->rowCount(), 0);
        QVERIFY(showsPlaceholder(window));
        ViewProbe::part<QLineEdit>(window, u"searchEdit"_s)->clear();
        QVERIFY(ViewProbe::clickOn(table, ViewProbe::rowOfToken(table, desk.crawler.id)));
        QCOMPARE(ViewProbe::part<QLabel>(*details, u"detailsTitle"_s)->text(), u"crawler"_s);
        // A removed token leaves the panel, which follows the table's current row.
        QVERIFY(desk.store.removeToken(desk.crawler.id));
        auto *panel = window.findChild<TokenDetailsPanel *>(u"tokenDetails"_s);
        QVERIFY(panel);
        QVERIFY(panel->tokenId() != desk.crawler.id);
        QCOMPARE(panel->tokenId(), ViewProbe::currentTokenId(table));
        QCOMPARE(showsPlaceholder(window), panel->tokenId() == 0);
    }

    void selectTokenClearsOnlyTheFiltersThatHideIt()
    {
        DeskWorkspace &desk = *m_desk;
        QVERIFY(desk.failRotation(desk.crawler));
        MainWindow window(desk.context.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *accounts = ViewProbe::part<QListView>(window, u"accountList"_s);
        auto *table = ViewProbe::part<QTableView>(window, u"tokenTable"_s);
        auto *search = ViewProbe::part<QLineEdit>(window, u"searchEdit"_s);
        auto *provider = ViewProbe::part<QComboBox>(window, u"providerFilter"_s);
        auto *failed = ViewProbe::part<QCheckBox>(window, u"failedFilter"_s);

        QVERIFY(ViewProbe::clickOn(accounts, ViewProbe::rowOfAccount(accounts, desk.glean.id)));
        provider->setCurrentIndex(provider->findText(u"Glean"_s));
        failed->setChecked(true);
        QTest::keyClicks(search, u"crawl"_s);
        QCOMPARE(ViewProbe::tokenNames(table), QStringList({u"crawler"_s}));

        window.selectToken(desk.billing.id);
        QCOMPARE(accounts->currentIndex().data(AccountListModel::AccountIdRole).toLongLong(), 0);
        QVERIFY(search->text().isEmpty());
        QCOMPARE(provider->currentIndex(), 0);
        QVERIFY(!failed->isChecked());
        QCOMPARE(table->model()->rowCount(), 3);
        QCOMPARE(ViewProbe::currentTokenId(table), desk.billing.id);
        QCOMPARE(window.selectedTokenIds(), QList<qint64>({desk.billing.id}));
        QCOMPARE(ViewProbe::part<QLabel>(window, u"detailsTitle"_s)->text(), u"billing-export"_s);

        // A token the filters show: they stay as they are.
        QTest::keyClicks(search, u"-"_s); // ingest-metrics and billing-export
        window.selectToken(desk.ingest.id);
        QCOMPARE(search->text(), u"-"_s);
        QCOMPARE(table->model()->rowCount(), 2);
        QCOMPARE(window.selectedTokenIds(), QList<qint64>({desk.ingest.id}));
        QCOMPARE(ViewProbe::part<QLabel>(window, u"detailsTitle"_s)->text(), u"ingest-metrics"_s);

        // An unknown token changes nothing.
        window.selectToken(987654);
        QCOMPARE(search->text(), u"-"_s);
        QCOMPARE(window.selectedTokenIds(), QList<qint64>({desk.ingest.id}));
    }

    void timelineActivationSelectsTheToken()
    {
        DeskWorkspace &desk = *m_desk;
        MainWindow window(desk.context.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *accounts = ViewProbe::part<QListView>(window, u"accountList"_s);
        auto *table = ViewProbe::part<QTableView>(window, u"tokenTable"_s);
        auto *timeline = window.findChild<TimelineView *>();
        QVERIFY(timeline);
        QVERIFY(timeline->isVisible());
        const auto eventRowOf = [&](qint64 tokenId) {
            TimelineModel *model = timeline->model();
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->index(row).data(TimelineModel::TokenIdRole).toLongLong() == tokenId)
                    return row;
            }
            return -1;
        };
        const int crawlerRow = eventRowOf(desk.crawler.id);
        const int ingestRow = eventRowOf(desk.ingest.id);
        QVERIFY(crawlerRow >= 0 && ingestRow >= 0);

        // From the keyboard, with the crawler hidden by the account filter.
        QVERIFY(ViewProbe::clickOn(accounts, ViewProbe::rowOfAccount(accounts, desk.prod.id)));
        QVERIFY(!ViewProbe::rowOfToken(table, desk.crawler.id).isValid());
        timeline->setCurrentRow(crawlerRow);
        QTest::keyClick(timeline, Qt::Key_Return);
        QCOMPARE(ViewProbe::currentTokenId(table), desk.crawler.id);
        QCOMPARE(accounts->currentIndex().row(), 0);
        QCOMPARE(ViewProbe::part<QLabel>(window, u"detailsTitle"_s)->text(), u"crawler"_s);

        // With the mouse, on the marker.
        QTRY_VERIFY(timeline->markerRect(ingestRow).isValid());
        QTest::mouseClick(timeline, Qt::LeftButton, {}, timeline->markerCenter(ingestRow));
        QCOMPARE(ViewProbe::currentTokenId(table), desk.ingest.id);
        QCOMPARE(ViewProbe::part<QLabel>(window, u"detailsTitle"_s)->text(), u"ingest-metrics"_s);
    }

    void notesAreSavedAndSurviveSwitchingTokens()
    {
        DeskWorkspace &desk = *m_desk;
        Token crawler = desk.crawler;
        crawler.consumerNotes = u"Used by the wiki indexer."_s;
        QVERIFY(desk.store.updateToken(crawler));
        MainWindow window(desk.context.get());
        QVERIFY(ViewProbe::showAndActivate(window));
        auto *table = ViewProbe::part<QTableView>(window, u"tokenTable"_s);
        auto *notes = ViewProbe::part<QPlainTextEdit>(window, u"consumerNotesEdit"_s);
        auto *status = ViewProbe::part<QLabel>(window, u"consumerNotesStatus"_s);
        QVERIFY(!notes->accessibleName().isEmpty());

        QVERIFY(ViewProbe::clickOn(table, ViewProbe::rowOfToken(table, desk.ingest.id)));
        ViewProbe::part<QTabWidget>(window, u"detailsTabs"_s)->setCurrentWidget(notes->parentWidget());
        QVERIFY(notes->isVisible());
        QVERIFY(notes->toPlainText().isEmpty());
        QTest::mouseClick(notes->viewport(), Qt::LeftButton);
        QTRY_VERIFY(notes->hasFocus());
        QTest::keyClicks(notes, u"Grafana agent on metrics-01"_s);
        QCOMPARE(status->text(), u"Editing…"_s);
        QTest::qWait(200); // a short pause in typing writes nothing yet
        QCOMPARE(desk.store.token(desk.ingest.id)->consumerNotes, QString());
        QTRY_COMPARE(desk.store.token(desk.ingest.id)->consumerNotes, u"Grafana agent on metrics-01"_s);
        QCOMPARE(status->text(), u"Saved."_s);
        QCOMPARE(notes->toPlainText(), u"Grafana agent on metrics-01"_s);

        // Typing on, then selecting another token at once: saved on the switch, and the editor
        // shows the other token's notes.
        QTest::keyClicks(notes, u", billing cron"_s);
        QVERIFY(ViewProbe::clickOn(table, ViewProbe::rowOfToken(table, desk.crawler.id)));
        QCOMPARE(desk.store.token(desk.ingest.id)->consumerNotes, u"Grafana agent on metrics-01, billing cron"_s);
        QCOMPARE(ViewProbe::part<QLabel>(window, u"detailsTitle"_s)->text(), u"crawler"_s);
        QCOMPARE(notes->toPlainText(), u"Used by the wiki indexer."_s);
        QTest::qWait(1000); // past the save delay: nothing is written to the wrong token
        QCOMPARE(desk.store.token(desk.crawler.id)->consumerNotes, u"Used by the wiki indexer."_s);
        QCOMPARE(desk.store.token(desk.ingest.id)->consumerNotes, u"Grafana agent on metrics-01, billing cron"_s);

        // The same while the editor keeps the focus and the selection changes from elsewhere
        // (the timeline, a notification).
        QVERIFY(ViewProbe::clickOn(table, ViewProbe::rowOfToken(table, desk.ingest.id)));
        QCOMPARE(notes->toPlainText(), u"Grafana agent on metrics-01, billing cron"_s);
        QTest::mouseClick(notes->viewport(), Qt::LeftButton);
        QTRY_VERIFY(notes->hasFocus());
        QTest::keyClick(notes, Qt::Key_End, Qt::ControlModifier);
        QTest::keyClicks(notes, u"!"_s);
        window.selectToken(desk.billing.id);
        QCOMPARE(desk.store.token(desk.ingest.id)->consumerNotes, u"Grafana agent on metrics-01, billing cron!"_s);
        QCOMPARE(ViewProbe::part<QLabel>(window, u"detailsTitle"_s)->text(), u"billing-export"_s);
        QCOMPARE(notes->toPlainText(), QString());
        QTest::keyClicks(notes, u"Exporter"_s);
        QTRY_COMPARE(desk.store.token(desk.billing.id)->consumerNotes, u"Exporter"_s);
        QCOMPARE(desk.store.token(desk.ingest.id)->consumerNotes, u"Grafana agent on metrics-01, billing cron!"_s);

        // And they come back when the token is selected again.
        window.selectToken(desk.ingest.id);
        QCOMPARE(notes->toPlainText(), u"Grafana agent on metrics-01, billing cron!"_s);
    }
};

QTEST_MAIN(TestMainWindowPanels)
#include "testmainwindowpanels.moc"
