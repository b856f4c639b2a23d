// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's actions and its memory, on real widgets over a real workspace (a mock clock,
// no keychain): Edit Policy (Ctrl+E) and the details panel's button open the policy editor for
// the selection; the Audit Log opens once and comes back to the front on the second trigger; the
// splitter, the filters and the selected account survive a restart.
#include "bootstrap.h"
#include "deskworkspace.h"
#include "dialogs/auditlogwindow.h"
#include "dialogs/policyeditordialog.h"
#include "domain/tokenstate.h"
#include "mainwindow.h"
#include "viewprobe.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

class TestMainWindowActions final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DeskWorkspace> m_desk;

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

    void editPolicyOpensTheEditorForTheSelection()
    {
        DeskWorkspace &desk = *m_desk;
        MainWindow window(desk.context.get());
        QVERIFY(ViewProbe::showAndActivate(window));
        auto *table = ViewProbe::part<QTableView>(window, u"tokenTable"_s);
        auto *editPolicy = window.findChild<QAction *>(u"editPolicyAction"_s);
        QVERIFY(editPolicy);
        QCOMPARE(editPolicy->shortcut(), QKeySequence(u"Ctrl+E"_s));
        QVERIFY(!editPolicy->isEnabled()); // nothing selected

        QVERIFY(ViewProbe::clickOn(table, ViewProbe::rowOfToken(table, desk.ingest.id)));
        QVERIFY(editPolicy->isEnabled());
        QTest::keyClick(table, Qt::Key_E, Qt::ControlModifier);
        QPointer<PolicyEditorDialog> dialog = window.findChild<PolicyEditorDialog *>(u"policyEditorDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(ViewProbe::part<QLabel>(*dialog, u"policyTargets"_s)->text(), u"ingest-metrics at Prod DT"_s);
        dialog->reject();
        QTRY_VERIFY(dialog.isNull());

        // Several tokens at once.
        table->selectionModel()->select(
            ViewProbe::rowOfToken(table, desk.crawler.id), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        editPolicy->trigger();
        dialog = window.findChild<PolicyEditorDialog *>(u"policyEditorDialog"_s);
        QVERIFY(dialog);
        QVERIFY2(ViewProbe::part<QLabel>(*dialog, u"policyTargets"_s)->text().startsWith(u"2 tokens."_s),
            qPrintable(ViewProbe::part<QLabel>(*dialog, u"policyTargets"_s)->text()));
        dialog->reject();
        QTRY_VERIFY(dialog.isNull());

        // The details panel's button edits the token it shows.
        QVERIFY(ViewProbe::clickOn(table, ViewProbe::rowOfToken(table, desk.crawler.id)));
        ViewProbe::part<QTabWidget>(window, u"detailsTabs"_s)->setCurrentIndex(1);
        QTest::mouseClick(ViewProbe::part<QPushButton>(window, u"detailsEditPolicyButton"_s), Qt::LeftButton);
        dialog = window.findChild<PolicyEditorDialog *>(u"policyEditorDialog"_s);
        QVERIFY(dialog);
        QCOMPARE(ViewProbe::part<QLabel>(*dialog, u"policyTargets"_s)->text(), u"crawler at Glean search"_s);
        dialog->reject();
        QTRY_VERIFY(dialog.isNull());
    }

    void auditLogOpensOnceAndIsRaisedAgain()
    {
        MainWindow window(m_desk->context.get());
        QVERIFY(ViewProbe::showAndActivate(window));
        auto *action = window.findChild<QAction *>(u"auditLogAction"_s);
        QVERIFY(action);
        QVERIFY(window.findChildren<AuditLogWindow *>().isEmpty()); // not before it is asked for
        action->trigger();
        QList<AuditLogWindow *> logs = window.findChildren<AuditLogWindow *>(u"auditLogWindow"_s);
        QCOMPARE(logs.size(), 1);
        QPointer<AuditLogWindow> log = logs.constFirst();
        QTRY_VERIFY(log->isVisible());
        QVERIFY(log->isWindow());

        // Put away behind the main window, or minimised: the second trigger brings the same
        // window back instead of opening another.
        log->showMinimized();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        action->trigger();
        QCOMPARE(window.findChildren<AuditLogWindow *>().size(), 1);
        QCOMPARE(window.findChildren<AuditLogWindow *>().constFirst(), log.data());
        QVERIFY(log->isVisible());
        QVERIFY(!log->isMinimized());
        QTRY_VERIFY(log->isActiveWindow());

        // Closed, it is gone; the next trigger opens a new one.
        log->close();
        QTRY_VERIFY(log.isNull());
        action->trigger();
        QCOMPARE(window.findChildren<AuditLogWindow *>().size(), 1);
    }

    void splitterFiltersAndAccountSurviveARestart()
    {
        DeskWorkspace &desk = *m_desk;
        QVERIFY(desk.failRotation(desk.ingest));
        QList<int> sizes;
        {
            MainWindow window(desk.context.get());
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(1200, 700);
            QTRY_COMPARE(window.size(), QSize(1200, 700));
            auto *splitter = ViewProbe::part<QSplitter>(window, u"mainSplitter"_s);
            QTRY_VERIFY(splitter->width() > 1000);
            splitter->setSizes({300, 500, 340});
            sizes = splitter->sizes();
            QCOMPARE(sizes.at(0), 300);
            auto *accounts = ViewProbe::part<QListView>(window, u"accountList"_s);
            QVERIFY(ViewProbe::clickOn(accounts, ViewProbe::rowOfAccount(accounts, desk.prod.id)));
            QTest::keyClicks(ViewProbe::part<QLineEdit>(window, u"searchEdit"_s), u"e"_s);
            auto *provider = ViewProbe::part<QComboBox>(window, u"providerFilter"_s);
            provider->setCurrentIndex(provider->findText(u"Dynatrace"_s));
            auto *state = ViewProbe::part<QComboBox>(window, u"stateFilter"_s);
            state->setCurrentIndex(state->findText(TokenStateInfo::label(TokenState::Active)));
            auto *due = ViewProbe::part<QComboBox>(window, u"dueWithinFilter"_s);
            due->setCurrentIndex(due->findData(30));
            ViewProbe::part<QCheckBox>(window, u"failedFilter"_s)->setChecked(true);
            QCOMPARE(ViewProbe::tokenNames(ViewProbe::part<QTableView>(window, u"tokenTable"_s)),
                QStringList({u"ingest-metrics"_s}));
            window.close();
        }
        desk.restart();
        MainWindow restored(desk.context.get());
        restored.show();
        QVERIFY(QTest::qWaitForWindowExposed(&restored));
        QCOMPARE(restored.size(), QSize(1200, 700));
        QTRY_COMPARE(ViewProbe::part<QSplitter>(restored, u"mainSplitter"_s)->sizes(), sizes);
        QCOMPARE(
            ViewProbe::part<QListView>(restored, u"accountList"_s)->currentIndex().data().toString(), u"Prod DT"_s);
        QCOMPARE(ViewProbe::part<QLineEdit>(restored, u"searchEdit"_s)->text(), u"e"_s);
        QCOMPARE(ViewProbe::part<QComboBox>(restored, u"providerFilter"_s)->currentText(), u"Dynatrace"_s);
        QCOMPARE(ViewProbe::part<QComboBox>(restored, u"stateFilter"_s)->currentText(),
            TokenStateInfo::label(TokenState::Active));
        QCOMPARE(ViewProbe::part<QComboBox>(restored, u"dueWithinFilter"_s)->currentData().toInt(), 30);
        QVERIFY(ViewProbe::part<QCheckBox>(restored, u"failedFilter"_s)->isChecked());
        // The restored filters are in force, the failed rotation included.
        auto *table = ViewProbe::part<QTableView>(restored, u"tokenTable"_s);
        QCOMPARE(ViewProbe::tokenNames(table), QStringList({u"ingest-metrics"_s}));
        ViewProbe::part<QCheckBox>(restored, u"failedFilter"_s)->setChecked(false);
        ViewProbe::part<QComboBox>(restored, u"dueWithinFilter"_s)->setCurrentIndex(0);
        QCOMPARE(ViewProbe::tokenNames(table), QStringList({u"billing-export"_s, u"ingest-metrics"_s}));
        auto *accounts = ViewProbe::part<QListView>(restored, u"accountList"_s);
        QVERIFY(ViewProbe::clickOn(accounts, ViewProbe::rowOfAccount(accounts, 0)));
        ViewProbe::part<QComboBox>(restored, u"providerFilter"_s)->setCurrentIndex(0);
        QCOMPARE(ViewProbe::tokenNames(table), QStringList({u"billing-export"_s, u"crawler"_s, u"ingest-metrics"_s}));
    }
};

QTEST_MAIN(TestMainWindowActions)
#include "testmainwindowactions.moc"
