// SPDX-License-Identifier: GPL-3.0-or-later
// Adding an account through the real dialog: "Test connection" against the fake Dynatrace on a
// real socket (a wrong credential shows the provider's 401, the right one names the token),
// Save stores the credential in the real keychain, and the new account's tokens appear in the
// table; Refresh (F5) then picks up a token created at the provider since.
#include "appcontext.h"
#include "bootstrap.h"
#include "domain/clock.h"
#include "fakedynatrace.h"
#include "mainwindow.h"
#include "secrets/keychainsecretstore.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAccountDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Bootstrap::installTranslations();
    }

    void addTestAndRefreshAnAccount()
    {
        FakeDynatrace fake;
        QVERIFY(fake.listen());
        DynatraceTokenSeed seed;
        seed.name = u"tokendesk-manager"_s;
        seed.scopes = {u"apiTokens.read"_s, u"apiTokens.write"_s};
        const SecretBytes manager = fake.addToken(seed);
        seed.scopes = {u"metrics.ingest"_s};
        for (const QString &name : {u"otel-collector"_s, u"ci-events"_s}) {
            seed.name = name;
            fake.addToken(seed);
        }

        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        KeychainSecretStore secrets;
        AppContext context(&store, &secrets, Clock::system());
        MainWindow window(&context);
        window.show();
        QTest::mouseClick(window.findChild<QPushButton *>(u"addAccountButton"_s), Qt::LeftButton);
        // The dialog deletes itself on close: hold it by QPointer to see that happen safely.
        QPointer<QDialog> dialog = window.findChild<QDialog *>(u"accountDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());

        // The dialog says what each provider allows before anything is saved.
        auto *provider = dialog->findChild<QComboBox *>(u"providerCombo"_s);
        auto *capabilities = dialog->findChild<QLabel *>(u"capabilitiesLabel"_s);
        provider->setCurrentIndex(provider->findText(u"Glean"_s));
        QVERIFY2(capabilities->text().contains(u"Glean has no revoke call"_s), qPrintable(capabilities->text()));
        QVERIFY(!capabilities->text().contains(u"revoke,"_s));
        provider->setCurrentIndex(provider->findText(u"Dynatrace"_s));
        QVERIFY2(
            capabilities->text().contains(u"create a replacement, revoke, delete"_s), qPrintable(capabilities->text()));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"nameEdit"_s), u"Prod DT"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"baseUrlEdit"_s), fake.baseUrl().toString());
        auto *credential = dialog->findChild<QLineEdit *>(u"credentialEdit"_s);
        QTest::keyClicks(credential, u"dt0c01.WRONGWRONGWRONGWRONG.WRONG"_s);
        auto *test = dialog->findChild<QPushButton *>(u"testConnectionButton"_s);
        auto *result = dialog->findChild<QLabel *>(u"connectionResultLabel"_s);
        QVERIFY(test && result);
        QVERIFY(test->isEnabled());

        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"✘"_s), 20000);
        QVERIFY2(result->text().contains(u"HTTP 401"_s), qPrintable(result->text()));
        QCOMPARE(store.accounts().size(), 0); // testing saves nothing

        // Editing makes the old result stale: it goes.
        credential->clear();
        QVERIFY(result->text().isEmpty());
        QTest::keyClicks(credential, manager.exposeUtf8());
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"✔"_s), 20000);
        QVERIFY2(result->text().contains(u"“tokendesk-manager”"_s), qPrintable(result->text()));

        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 20000);
        QCOMPARE(store.accounts().size(), 1);

        auto *table = window.findChild<QTableView *>(u"tokenTable"_s);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 3, 20000);
        QTRY_COMPARE(window.statusBar()->currentMessage(), u"Refreshed: 3 tokens listed."_s);

        seed.name = u"new-at-the-provider"_s;
        fake.addToken(seed);
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 4, 20000);
        QTRY_COMPARE(window.statusBar()->currentMessage(), u"Refreshed: 4 tokens listed."_s);
    }
};

QTEST_MAIN(TestAccountDialog)
#include "testaccountdialog.moc"
