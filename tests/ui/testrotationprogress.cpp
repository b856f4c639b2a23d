// SPDX-License-Identifier: GPL-3.0-or-later
// Rotate Now on real widgets against the providers' fakes and the real keychain: one token with
// its steps, its result in place and its new secret copied once (and taken off the clipboard
// again); a selection of 20 with the overall bar; Cancel withdrawing the tokens not yet started
// (they stay unchanged at the provider) and Retry Failed finishing them; a provider error shown
// in the token's row with its message.
#include "appcontext.h"
#include "bootstrap.h"
#include "dialogs/rotationprogressdialog.h"
#include "item/tokentablemodel.h"
#include "mainwindow.h"
#include "rotationengine.h"
#include "rotationworld.h"
#include "workspacesync.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

class TestRotationProgress : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RotationWorld> m_world;

    static void select(QTableView *table, const std::function<bool(const QString &)> &wanted)
    {
        table->clearSelection();
        QAbstractItemModel *model = table->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, TokenTableModel::NameColumn);
            if (wanted(index.data().toString()))
                table->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
    }

    // Adds `count` tokens to the fake Dynatrace and reads them into the workspace.
    void addDynatraceTokens(int count)
    {
        for (int i = 0; i < count; ++i) {
            DynatraceTokenSeed seed;
            seed.name = u"svc-%1"_s.arg(i, 2, 10, QChar(u'0'));
            seed.scopes = {u"metrics.ingest"_s};
            m_world->dynatrace.addToken(seed);
        }
        QSignalSpy refreshed(m_world->context->sync(), &WorkspaceSync::refreshFinished);
        m_world->context->sync()->refresh(m_world->dynatraceAccount.id);
        QVERIFY(refreshed.wait(30000));
    }

    static QTreeWidgetItem *rowOf(QTreeWidget *list, const QString &name)
    {
        const QList<QTreeWidgetItem *> found = list->findItems(name, Qt::MatchExactly, 0);
        return found.isEmpty() ? nullptr : found.constFirst();
    }

private Q_SLOTS:
    void initTestCase() { Bootstrap::installTranslations(); }

    void init()
    {
        m_world = std::make_unique<RotationWorld>();
        QString error;
        QVERIFY2(m_world->setUp(&error), qPrintable(error));
    }

    void cleanup() { m_world.reset(); }

    void oneTokenShowsItsResultAndItsSecretIsCopiedOnce()
    {
        MainWindow window(m_world->context.get());
        window.show();
        auto *table = window.findChild<QTableView *>(u"tokenTable"_s);
        select(table, [](const QString &name) { return name == u"otel-collector"_s; });
        window.findChild<QAction *>(u"rotateAction"_s)->trigger();

        auto *dialog = window.findChild<RotationProgressDialog *>(u"rotationProgressDialog"_s);
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        dialog->setClipboardClearSeconds(1);
        auto *list = dialog->findChild<QTreeWidget *>(u"rotationList"_s);
        QCOMPARE(list->topLevelItemCount(), 1);
        QTreeWidgetItem *row = rowOf(list, u"otel-collector"_s);
        QVERIFY(row);
        QTRY_VERIFY_WITH_TIMEOUT(row->text(3).startsWith(u"Rotated: version 2 is current"_s), 30000);
        QCOMPARE(row->text(2), u"✓ Create  ✓ Store  ✓ Verify  ✓ Promote"_s);
        QCOMPARE(dialog->findChild<QProgressBar *>(u"overallProgress"_s)->value(), 1);
        QCOMPARE(dialog->findChild<QLabel *>(u"rotationSummary"_s)->text(), u"1 rotated, 0 failed, 0 cancelled."_s);
        QVERIFY(!dialog->findChild<QPushButton *>(u"cancelButton"_s)->isEnabled());

        // The new secret is the one in the keychain and the one the provider accepts.
        auto *copy = dialog->findChild<QPushButton *>(u"copySecretButton"_s);
        list->setCurrentItem(nullptr);
        QVERIFY(!copy->isEnabled()); // no row chosen
        list->setCurrentItem(row);
        QVERIFY(copy->isEnabled());
        QGuiApplication::clipboard()->clear();
        QTest::mouseClick(copy, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!QGuiApplication::clipboard()->text().isEmpty(), 20000);
        const SecretBytes copied = SecretBytes::fromUtf8(QGuiApplication::clipboard()->text());
        QVERIFY(m_world->dynatrace.isSecretValid(copied));
        QVERIFY(!m_world->dynatrace.isSecretValid(m_world->otelSecret)
            || copied.exposeUtf8() != m_world->otelSecret.exposeUtf8());
        QVERIFY(!copy->isEnabled()); // once only
        QCOMPARE(copy->text(), u"Copied"_s);
        const QString status = dialog->findChild<QLabel *>(u"clipboardStatus"_s)->text();
        QVERIFY2(status.contains(u"cleared in 1 second."_s), qPrintable(status));
        // Taken off the clipboard after the timeout.
        QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 5000);
        QCOMPARE(dialog->findChild<QLabel *>(u"clipboardStatus"_s)->text(), u"The clipboard was cleared."_s);
    }

    void twentyTokensRunWithOverallProgress()
    {
        addDynatraceTokens(20);
        MainWindow window(m_world->context.get());
        window.show();
        auto *table = window.findChild<QTableView *>(u"tokenTable"_s);
        select(table, [](const QString &name) { return name.startsWith(u"svc-"_s); });
        QCOMPARE(table->selectionModel()->selectedRows().size(), 20);
        window.findChild<QAction *>(u"rotateAction"_s)->trigger();
        auto *dialog = window.findChild<RotationProgressDialog *>(u"rotationProgressDialog"_s);
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), u"Rotate 20 Tokens"_s);
        auto *overall = dialog->findChild<QProgressBar *>(u"overallProgress"_s);
        QCOMPARE(overall->maximum(), 20);
        QTRY_COMPARE_WITH_TIMEOUT(overall->value(), 20, 120000);
        QCOMPARE(dialog->findChild<QLabel *>(u"rotationSummary"_s)->text(), u"20 rotated, 0 failed, 0 cancelled."_s);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(m_world->token(u"svc-%1"_s.arg(i, 2, 10, QChar(u'0')))->currentVersion, 2);
    }

    void cancelWithdrawsTheRestAndRetryFinishesThem()
    {
        addDynatraceTokens(20);
        // Slow answers, so that most tokens are still queued when Cancel is pressed.
        FaultPlan slow;
        slow.latencyMs = 150;
        m_world->dynatrace.setFaultPlan({}, slow);
        MainWindow window(m_world->context.get());
        window.show();
        auto *table = window.findChild<QTableView *>(u"tokenTable"_s);
        select(table, [](const QString &name) { return name.startsWith(u"svc-"_s); });
        window.findChild<QAction *>(u"rotateAction"_s)->trigger();
        auto *dialog = window.findChild<RotationProgressDialog *>(u"rotationProgressDialog"_s);
        auto *cancel = dialog->findChild<QPushButton *>(u"cancelButton"_s);
        QTRY_VERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        auto *overall = dialog->findChild<QProgressBar *>(u"overallProgress"_s);
        QTRY_COMPARE_WITH_TIMEOUT(overall->value(), 20, 60000);
        auto *list = dialog->findChild<QTreeWidget *>(u"rotationList"_s);
        int cancelled = 0;
        int rotated = 0;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *row = list->topLevelItem(i);
            const std::optional<Token> token = m_world->token(row->text(0));
            if (row->text(3).startsWith(u"Cancelled"_s)) {
                ++cancelled;
                QCOMPARE(token->currentVersion, 1); // unchanged at the provider and here
            } else {
                QVERIFY2(row->text(3).startsWith(u"Rotated"_s), qPrintable(row->text(3)));
                ++rotated;
                QCOMPARE(token->currentVersion, 2);
            }
        }
        QCOMPARE(cancelled + rotated, 20);
        QVERIFY2(cancelled >= 10, qPrintable(QString::number(cancelled)));
        QCOMPARE(m_world->dynatrace.orphanCount(), 0);

        m_world->dynatrace.setFaultPlan({}, {});
        auto *retry = dialog->findChild<QPushButton *>(u"retryFailedButton"_s);
        QVERIFY(retry->isEnabled());
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            dialog->findChild<QLabel *>(u"rotationSummary"_s)->text(), u"20 rotated, 0 failed, 0 cancelled."_s, 60000);
    }

    void aProviderErrorIsShownInItsRow()
    {
        FaultPlan refuse;
        refuse.serverErrorCount = 100;
        refuse.serverErrorStatus = 503;
        m_world->dynatrace.setFaultPlan({}, refuse);
        MainWindow window(m_world->context.get());
        window.show();
        auto *table = window.findChild<QTableView *>(u"tokenTable"_s);
        select(table, [](const QString &name) { return name == u"otel-collector"_s; });
        window.findChild<QAction *>(u"rotateAction"_s)->trigger();
        auto *dialog = window.findChild<RotationProgressDialog *>(u"rotationProgressDialog"_s);
        QTreeWidgetItem *row = rowOf(dialog->findChild<QTreeWidget *>(u"rotationList"_s), u"otel-collector"_s);
        QTRY_VERIFY_WITH_TIMEOUT(row->text(3).startsWith(u"Failed"_s), 60000);
        QVERIFY2(row->text(3).contains(u"503"_s), qPrintable(row->text(3)));
        QCOMPARE(m_world->token(u"otel-collector"_s)->currentVersion, 1);
        QVERIFY(m_world->dynatrace.isSecretValid(m_world->otelSecret));
        auto *retry = dialog->findChild<QPushButton *>(u"retryFailedButton"_s);
        QVERIFY(retry->isEnabled());
        QVERIFY(!dialog->findChild<QPushButton *>(u"copySecretButton"_s)->isEnabled());
        m_world->dynatrace.setFaultPlan({}, {});
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(row->text(3).startsWith(u"Rotated: version 2"_s), qPrintable(row->text(3)), 30000);
    }
};

QTEST_MAIN(TestRotationProgress)
#include "testrotationprogress.moc"
