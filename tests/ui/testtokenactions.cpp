// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's token actions on real widgets against the fakes and the real keychain:
// Rotate Now on a selected token, and Emergency Revoke on a selection, where the confirmation
// lists what will be revoked and Cancel changes nothing, and the report shows the revoked token,
// the one that failed (with a Retry Failed button) and the one that stays valid. Plan (Dry Run)
// shows the HTTP method and path of every call and never a secret.
#include "appcontext.h"
#include "bootstrap.h"
#include "dialogs/revocationreportdialog.h"
#include "item/tokentablemodel.h"
#include "mainwindow.h"
#include "rotationworld.h"

#include <QAction>
#include <QDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

class TestTokenActions : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RotationWorld> m_world;

    static void select(QTableView *table, const QStringList &names)
    {
        table->clearSelection();
        QAbstractItemModel *model = table->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, TokenTableModel::NameColumn);
            if (names.contains(index.data().toString()))
                table->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
    }

    static QTreeWidgetItem *lineOf(QTreeWidget *list, const QString &name)
    {
        const QList<QTreeWidgetItem *> found = list->findItems(name, Qt::MatchExactly, 0);
        return found.isEmpty() ? nullptr : found.constFirst();
    }
    static QString outcomeOf(QTreeWidget *list, const QString &name)
    {
        const QTreeWidgetItem *line = lineOf(list, name);
        return line ? line->text(2) : QString();
    }
    static QString detailsOf(QTreeWidget *list, const QString &name)
    {
        const QTreeWidgetItem *line = lineOf(list, name);
        return line ? line->text(3) : QString();
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

    void rotateNowRotatesTheSelection()
    {
        MainWindow window(m_world->context.get());
        window.show();
        auto *table = window.findChild<QTableView *>(u"tokenTable"_s);
        auto *rotate = window.findChild<QAction *>(u"rotateAction"_s);
        QVERIFY(!rotate->isEnabled()); // nothing selected
        select(table, {u"otel-collector"_s});
        QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
        QVERIFY(rotate->isEnabled());
        rotate->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(
            window.statusBar()->currentMessage(), u"otel-collector: version 2 is current."_s, 30000);
        QCOMPARE(m_world->token(u"otel-collector"_s)->currentVersion, 2);
    }

    // Plan (Dry Run) on a selection of two providers' tokens: the HTTP method and path of every
    // call, the Vault sink's, and not one secret, neither the tokens' nor the accounts'.
    void planShowsTheCallsAndNoSecret()
    {
        RotationWorld &world = *m_world;
        MainWindow window(world.context.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *table = window.findChild<QTableView *>(u"tokenTable"_s);
        auto *plan = window.findChild<QAction *>(u"planAction"_s);
        QVERIFY(plan);
        QVERIFY(!plan->isEnabled());

        select(table, {u"otel-collector"_s, u"wiki-connector"_s});
        QCOMPARE(table->selectionModel()->selectedRows().size(), 2);
        QVERIFY(plan->isEnabled());
        plan->trigger();
        auto *dialog = window.findChild<QDialog *>(u"planDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(dialog->findChild<QPlainTextEdit *>(u"planText"_s));
        const QString text = dialog->findChild<QPlainTextEdit *>(u"planText"_s)->toPlainText();
        QVERIFY2(text.contains(u"POST /api/v2/apiTokens"_s), qPrintable(text)); // Dynatrace
        QVERIFY2(text.contains(u"POST /api/index/v1/rotatetoken"_s), qPrintable(text)); // Glean
        QVERIFY2(text.contains(u"GET /v1/secret/metadata/tokendesk/otel-collector"_s), qPrintable(text)); // its sink

        // No secret: neither the tokens' nor any value the keychain holds for the workspace.
        QList<QByteArray> secrets {world.otelSecret.exposeBytes(), world.gleanSecret.exposeBytes()};
        for (const Token &token : world.store.tokens()) {
            for (const TokenVersion &version : world.store.versions(token.id)) {
                const QByteArray value = world.keychainValue(version.secret.location);
                if (!value.isEmpty())
                    secrets << value;
            }
        }
        for (const Account &account : world.store.accounts()) {
            const QByteArray value = world.keychainValue(account.credential.location);
            if (!value.isEmpty())
                secrets << value;
        }
        QVERIFY(secrets.size() >= 4);
        const QByteArray shown = text.toUtf8();
        for (const QByteArray &secret : std::as_const(secrets)) {
            QVERIFY(secret.size() >= 8);
            QVERIFY2(!shown.contains(secret), "the plan shows a secret");
            // Dynatrace tokens are "dt0c01.<public id>.<secret part>": not even the secret part.
            const QList<QByteArray> parts = secret.split('.');
            if (parts.size() == 3)
                QVERIFY2(!shown.contains(parts.at(2)), "the plan shows a secret's private part");
        }
    }

    void emergencyRevokeConfirmsThenReports()
    {
        MainWindow window(m_world->context.get());
        window.show();
        auto *table = window.findChild<QTableView *>(u"tokenTable"_s);
        select(table, {u"otel-collector"_s, u"tokendesk-manager"_s, u"wiki-connector"_s});
        auto *revoke = window.findChild<QAction *>(u"emergencyRevokeAction"_s);

        revoke->trigger();
        QPointer<QMessageBox> confirmation = window.findChild<QMessageBox *>(u"revocationConfirmation"_s);
        QVERIFY(confirmation);
        QVERIFY(confirmation->text().contains(u"<b>otel-collector</b>"_s));
        QVERIFY(confirmation->text().contains(u"<b>wiki-connector</b> (Glean) stays valid"_s));
        QCOMPARE(confirmation->defaultButton(), confirmation->button(QMessageBox::Cancel));
        confirmation->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(confirmation.isNull());
        QVERIFY(m_world->dynatrace.isSecretValid(m_world->otelSecret)); // Cancel changed nothing

        revoke->trigger();
        confirmation = window.findChild<QMessageBox *>(u"revocationConfirmation"_s);
        QVERIFY(confirmation);
        auto *go = confirmation->findChild<QPushButton *>(u"confirmRevokeButton"_s);
        QCOMPARE(go->text(), u"Revoke 2 Tokens Now"_s);
        go->click();
        RevocationReportDialog *report = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(report = window.findChild<RevocationReportDialog *>(u"revocationReport"_s), 30000);
        auto *list = report->findChild<QTreeWidget *>(u"revocationReportList"_s);
        QTRY_COMPARE_WITH_TIMEOUT(outcomeOf(list, u"otel-collector"_s), u"✔ Revoked"_s, 30000);
        QTRY_COMPARE(outcomeOf(list, u"tokendesk-manager"_s), u"✘ Failed"_s);
        QCOMPARE(outcomeOf(list, u"wiki-connector"_s), u"⚠ Stays valid"_s);
        QVERIFY(detailsOf(list, u"wiki-connector"_s).contains(u"Glean"_s));
        QTRY_VERIFY(report->findChild<QPushButton *>(u"retryFailedButton"_s)->isEnabled());
        QVERIFY(!m_world->dynatrace.isSecretValid(m_world->otelSecret));
        QCOMPARE(window.statusBar()->currentMessage(), u"Emergency revocation finished; 1 token failed."_s);
        QCOMPARE(report->findChild<QLabel *>(u"revocationSummary"_s)->text(), u"1 revoked, 1 failed, 1 stay valid."_s);
    }

    // The whole workspace while one provider (Pangea) fails: the others are revoked, Pangea's
    // token reports the provider's answer, and Retry Failed revokes it once Pangea answers again.
    void emergencyRevokeEverythingWithOneProviderFailing()
    {
        FaultPlan down;
        down.serverErrorCount = 1000;
        down.serverErrorStatus = 502;
        m_world->pangea.setFaultPlan({}, down);
        MainWindow window(m_world->context.get());
        window.show();
        window.findChild<QAction *>(u"emergencyRevokeAllAction"_s)->trigger();
        QPointer<QMessageBox> confirmation = window.findChild<QMessageBox *>(u"revocationConfirmation"_s);
        QVERIFY(confirmation);
        QVERIFY2(
            confirmation->text().contains(u"<b>every token of the workspace</b>"_s), qPrintable(confirmation->text()));
        QVERIFY(confirmation->text().contains(u"<b>ci-deployer</b> (Pangea)"_s));
        QVERIFY(confirmation->text().contains(u"<b>wiki-connector</b> (Glean) stays valid until"_s));
        confirmation->findChild<QPushButton *>(u"confirmRevokeButton"_s)->click();

        RevocationReportDialog *report = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(report = window.findChild<RevocationReportDialog *>(u"revocationReport"_s), 30000);
        auto *list = report->findChild<QTreeWidget *>(u"revocationReportList"_s);
        auto *retry = report->findChild<QPushButton *>(u"retryFailedButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(retry->isEnabled(), 60000);
        QCOMPARE(outcomeOf(list, u"otel-collector"_s), u"✔ Revoked"_s);
        QCOMPARE(outcomeOf(list, u"ci-deployer"_s), u"✘ Failed"_s);
        QVERIFY2(detailsOf(list, u"ci-deployer"_s).contains(u"502"_s), qPrintable(detailsOf(list, u"ci-deployer"_s)));
        QCOMPARE(outcomeOf(list, u"wiki-connector"_s), u"⚠ Stays valid"_s);
        QVERIFY(!m_world->dynatrace.isSecretValid(m_world->otelSecret));

        m_world->pangea.setFaultPlan({}, {});
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(outcomeOf(list, u"ci-deployer"_s), u"✔ Revoked"_s, 30000);
        QTRY_COMPARE(report->findChild<QLabel *>(u"revocationSummary"_s)->text(),
            u"2 revoked, 1 failed, 1 stay valid."_s); // the management token cannot revoke itself
    }

    // From the account list: every token of the selected account, and only those.
    void emergencyRevokeOneAccount()
    {
        MainWindow window(m_world->context.get());
        window.show();
        auto *accounts = window.findChild<QListView *>(u"accountList"_s);
        auto *revokeAccount = window.findChild<QAction *>(u"emergencyRevokeAccountAction"_s);
        QVERIFY(!revokeAccount->isEnabled()); // "All accounts" is selected
        const QModelIndexList pangea = accounts->model()->match(
            accounts->model()->index(0, 0), Qt::DisplayRole, u"Pangea"_s, 1, Qt::MatchExactly);
        QCOMPARE(pangea.size(), 1);
        accounts->setCurrentIndex(pangea.constFirst());
        QVERIFY(revokeAccount->isEnabled());
        QCOMPARE(window.findChild<QTableView *>(u"tokenTable"_s)->model()->rowCount(), 1); // filtered to Pangea
        revokeAccount->trigger();
        auto *confirmation = window.findChild<QMessageBox *>(u"revocationConfirmation"_s);
        QVERIFY(confirmation->text().contains(u"<b>every token of Pangea</b>"_s));
        QVERIFY(!confirmation->text().contains(u"otel-collector"_s));
        confirmation->findChild<QPushButton *>(u"confirmRevokeButton"_s)->click();
        RevocationReportDialog *report = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(report = window.findChild<RevocationReportDialog *>(u"revocationReport"_s), 30000);
        auto *list = report->findChild<QTreeWidget *>(u"revocationReportList"_s);
        QCOMPARE(list->topLevelItemCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(outcomeOf(list, u"ci-deployer"_s), u"✔ Revoked"_s, 30000);
        QVERIFY(m_world->dynatrace.isSecretValid(m_world->otelSecret)); // another account: untouched
    }
};

QTEST_MAIN(TestTokenActions)
#include "testtokenactions.moc"
