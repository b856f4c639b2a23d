// SPDX-License-Identifier: GPL-3.0-or-later
#include "appcontext.h"
#include "bootstrap.h"
#include "domain/clock.h"
#include "mainwindow.h"
#include "secrets/unavailablesecretstore.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Account addAccount(WorkspaceStore &store, ProviderKind kind, const QString &name)
{
    Account account;
    account.kind = kind;
    account.displayName = name;
    account.baseUrl = QUrl(u"https://example.com"_s);
    account.credential = SecretRef::keychain(u"k"_s);
    store.addAccount(account);
    return account;
}

void addToken(WorkspaceStore &store, qint64 accountId, const QString &name)
{
    Token token;
    token.accountId = accountId;
    token.providerId = name;
    token.name = name;
    token.createdAt = QDateTime::currentDateTimeUtc().addDays(-10);
    QVERIFY(store.addToken(token));
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Bootstrap::installTranslations();
    }
    void init() { QSettings().clear(); }

    void emptyWorkspaceSaysWhatToDoNext()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        UnavailableSecretStore secrets(u"test"_s);
        AppContext context(&store, &secrets, Clock::system());
        MainWindow window(&context);
        window.show();
        auto *stack = window.findChild<QStackedWidget *>(u"contentStack"_s);
        QVERIFY(stack);
        QCOMPARE(stack->currentWidget()->objectName(), u"emptyState"_s);
        auto *title = window.findChild<QLabel *>(u"emptyStateTitle"_s);
        QCOMPARE(title->text(), u"No tokens yet"_s);
        QVERIFY(window.findChild<QPushButton *>(u"addAccountButton"_s)->isVisible());

        addAccount(store, ProviderKind::Glean, u"Glean"_s);
        QCOMPARE(title->text(), u"No tokens in this workspace"_s);
    }

    void tableAppearsAndSearchFilters()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        UnavailableSecretStore secrets(u"test"_s);
        AppContext context(&store, &secrets, Clock::system());
        MainWindow window(&context);
        window.show();
        const Account dynatrace = addAccount(store, ProviderKind::Dynatrace, u"Prod DT"_s);
        const Account glean = addAccount(store, ProviderKind::Glean, u"Glean search"_s);
        addToken(store, dynatrace.id, u"ingest-metrics"_s);
        addToken(store, dynatrace.id, u"billing-export"_s);
        addToken(store, glean.id, u"crawler"_s);

        auto *stack = window.findChild<QStackedWidget *>(u"contentStack"_s);
        auto *table = window.findChild<QTableView *>(u"tokenTable"_s);
        auto *count = window.findChild<QLabel *>(u"tokenCountLabel"_s);
        QCOMPARE(stack->currentWidget(), table);
        QCOMPARE(table->model()->rowCount(), 3);
        QCOMPARE(count->text(), u"3 tokens"_s);

        auto *search = window.findChild<QLineEdit *>(u"searchEdit"_s);
        QTest::keyClicks(search, u"BILLING"_s);
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data().toString(), u"billing-export"_s);
        QCOMPARE(count->text(), u"1 of 3 tokens"_s);
        search->clear();
        QCOMPARE(table->model()->rowCount(), 3);

        // Searching by account name finds that account's tokens.
        QTest::keyClicks(search, u"glean search"_s);
        QCOMPARE(table->model()->rowCount(), 1);
        search->clear();

        auto *provider = window.findChild<QComboBox *>(u"providerFilter"_s);
        provider->setCurrentIndex(provider->findText(u"Dynatrace"_s));
        QCOMPARE(table->model()->rowCount(), 2);
    }

    void addAccountDialogValidatesAndReportsKeychainFailure()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        UnavailableSecretStore secrets(u"No Secret Service in this test"_s);
        AppContext context(&store, &secrets, Clock::system());
        MainWindow window(&context);
        window.show();
        QTest::mouseClick(window.findChild<QPushButton *>(u"addAccountButton"_s), Qt::LeftButton);
        auto *dialog = window.findChild<QDialog *>(u"accountDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *save = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        auto *message = dialog->findChild<QLabel *>(u"messageLabel"_s);
        QVERIFY(!save->isEnabled());

        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"nameEdit"_s), u"Prod"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"baseUrlEdit"_s), u"http://dt.example.com"_s);
        auto *credential = dialog->findChild<QLineEdit *>(u"credentialEdit"_s);
        QTest::keyClicks(credential, u"dt0c01.SECRET"_s);
        QVERIFY(!save->isEnabled());
        QVERIFY2(message->text().contains(u"https://"_s), qPrintable(message->text()));
        QCOMPARE(credential->echoMode(), QLineEdit::Password);

        auto *url = dialog->findChild<QLineEdit *>(u"baseUrlEdit"_s);
        url->clear();
        QTest::keyClicks(url, u"http://127.0.0.1:8123"_s); // loopback may use plain http
        QVERIFY2(save->isEnabled(), qPrintable(message->text()));

        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY(message->text().contains(u"No Secret Service in this test"_s));
        QVERIFY(dialog->isVisible());
        QCOMPARE(store.accounts().size(), 0);
    }

    // Refresh goes on past an account it cannot read and says which one and why.
    void refreshReportsAnUnreadableCredential()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        UnavailableSecretStore secrets(u"No Secret Service in this test"_s);
        addAccount(store, ProviderKind::Dynatrace, u"Prod DT"_s);
        addAccount(store, ProviderKind::Glean, u"Glean"_s); // cannot list: not refreshed at all
        AppContext context(&store, &secrets, Clock::system());
        MainWindow window(&context);
        window.show();
        auto *refresh = window.findChild<QAction *>(u"refreshAction"_s);
        QVERIFY(refresh);
        QCOMPARE(refresh->shortcut(), QKeySequence(QKeySequence::Refresh));
        refresh->trigger();
        QTRY_VERIFY(refresh->isEnabled());
        const QString status = window.statusBar()->currentMessage();
        QVERIFY2(status.startsWith(u"Refresh finished with problems. Prod DT: "_s), qPrintable(status));
        QVERIFY2(status.contains(u"No Secret Service in this test"_s), qPrintable(status));
        QVERIFY2(!status.contains(u"Glean"_s), qPrintable(status));
    }

    // A large workspace is read on a worker thread: the window shows at once, says it is loading,
    // then shows every token, including a change committed while the worker was reading.
    void aLargeWorkspaceLoadsInTheBackground()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        UnavailableSecretStore secrets(u"test"_s);
        const Account account = addAccount(store, ProviderKind::Dynatrace, u"DT"_s);
        QList<Token> tokens;
        for (int i = 0; i <= MainWindow::SynchronousLoadLimit; ++i) {
            Token token;
            token.accountId = account.id;
            token.providerId = u"dt0c01.%1"_s.arg(i);
            token.name = u"svc-%1"_s.arg(i, 5, 10, QChar(u'0'));
            tokens << token;
        }
        QVERIFY(store.addTokens(tokens));
        const int total = MainWindow::SynchronousLoadLimit + 1;

        AppContext context(&store, &secrets, Clock::system());
        MainWindow window(&context);
        auto *count = window.findChild<QLabel *>(u"tokenCountLabel"_s);
        QCOMPARE(count->text(), u"Loading tokens…"_s);
        QCOMPARE(window.findChild<QTableView *>(u"tokenTable"_s)->model()->rowCount(), 0);
        // Committed after the worker may already have read: must show anyway.
        Token renamed = *store.token(tokens.at(7).id);
        renamed.name = u"renamed-while-loading"_s;
        QVERIFY(store.updateToken(renamed));
        Token extra;
        extra.accountId = account.id;
        extra.providerId = u"dt0c01.extra"_s;
        extra.name = u"added-while-loading"_s;
        QVERIFY(store.addToken(extra));
        window.show();

        QTRY_COMPARE_WITH_TIMEOUT(count->text(), u"%1 tokens"_s.arg(total + 1), 30000);
        auto *model = window.findChild<QTableView *>(u"tokenTable"_s)->model();
        QCOMPARE(model->rowCount(), total + 1);
        QCOMPARE(model->match(model->index(0, 0), Qt::DisplayRole, u"renamed-while-loading"_s).size(), 1);
        QCOMPARE(model->match(model->index(0, 0), Qt::DisplayRole, u"added-while-loading"_s).size(), 1);
        QCOMPARE(model->match(model->index(0, 0), Qt::DisplayRole, u"svc-00007"_s).size(), 0);
    }

    void geometryAndSortSurviveRestart()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        UnavailableSecretStore secrets(u"test"_s);
        const Account account = addAccount(store, ProviderKind::Dynatrace, u"DT"_s);
        addToken(store, account.id, u"a"_s);
        {
            AppContext context(&store, &secrets, Clock::system());
            MainWindow window(&context);
            window.show();
            window.resize(1000, 640);
            window.findChild<QTableView *>(u"tokenTable"_s)->sortByColumn(2, Qt::DescendingOrder);
            window.close();
        }
        AppContext context2(&store, &secrets, Clock::system());
        MainWindow restored(&context2);
        restored.show();
        // A window opened on a workspace that already has tokens shows them at once.
        QCOMPARE(restored.findChild<QTableView *>(u"tokenTable"_s)->model()->rowCount(), 1);
        QCOMPARE(
            restored.findChild<QStackedWidget *>(u"contentStack"_s)->currentWidget()->objectName(), u"tokenTable"_s);
        QCOMPARE(restored.size(), QSize(1000, 640));
        auto *header = restored.findChild<QTableView *>(u"tokenTable"_s)->horizontalHeader();
        QCOMPARE(header->sortIndicatorSection(), 2);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    }
};

QTEST_MAIN(TestMainWindow)
#include "testmainwindow.moc"
