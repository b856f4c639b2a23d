// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's token actions on real widgets against the fakes and the real keychain:
// Rotate Now on a selected token, and Emergency Revoke on a selection, where the confirmation
// lists what will be revoked and Cancel changes nothing, and the report shows the revoked token,
// the one that failed (with a Retry Failed button) and the one that stays valid.
#include "appcontext.h"
#include "bootstrap.h"
#include "item/tokentablemodel.h"
#include "mainwindow.h"
#include "rotationworld.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

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
        QMessageBox *report = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(report = window.findChild<QMessageBox *>(u"revocationReport"_s), 30000);
        QVERIFY2(report->text().contains(u"✔ <b>otel-collector</b>: revoked"_s), qPrintable(report->text()));
        QVERIFY2(report->text().contains(u"✘ <b>tokendesk-manager</b>"_s), qPrintable(report->text()));
        QVERIFY2(report->text().contains(u"⚠ <b>wiki-connector</b> stays valid"_s), qPrintable(report->text()));
        QVERIFY(report->findChild<QPushButton *>(u"retryFailedButton"_s));
        QVERIFY(!m_world->dynatrace.isSecretValid(m_world->otelSecret));
        QCOMPARE(window.statusBar()->currentMessage(), u"Emergency revocation finished; 1 token failed."_s);
    }
};

QTEST_MAIN(TestTokenActions)
#include "testtokenactions.moc"
