// SPDX-License-Identifier: GPL-3.0-or-later
// The policy editor on real widgets against the fakes, the real keychain and a real workspace:
// a bad interval shows the parser's message with the bad part marked and blocks Apply; a good one
// previews five rotations on the world's clock (due dates for a manual policy, earlier start
// times for an automatic one); grace ≥ interval and Glean's fixed period are warned about; Apply
// writes a Dynatrace token's policy with an audit line, pushes a Pangea token's policy to the
// fake Pangea (with progress), keeps the old policy of a token whose push fails and says why, and
// edits several tokens at once, leaving fields that differ among them as they were.
#include "appcontext.h"
#include "bootstrap.h"
#include "dialogs/policyeditordialog.h"
#include "domain/policyparser.h"
#include "rotationworld.h"
#include "views/policypreviewtable.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;

using Unit = PolicyDuration::Unit;

class TestPolicyEditor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RotationWorld> m_world;

    qint64 idOf(const QString &name) const { return m_world->token(name)->id; }

    template<typename T> static T *part(QDialog &dialog, const QString &name)
    {
        T *widget = dialog.findChild<T *>(name);
        if (!widget)
            qFatal("no widget %s", qPrintable(name));
        return widget;
    }

    // Replaces the field's text the way a user does: select all, delete, type.
    static void type(QDialog &dialog, const QString &field, const QString &text)
    {
        auto *edit = part<QLineEdit>(dialog, field);
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
        QCOMPARE(edit->text(), text);
    }

    // Clicks the box itself, as a user does; the widget may be wider than its box and label.
    static void tick(QDialog &dialog)
    {
        auto *box = part<QCheckBox>(dialog, u"automaticCheck"_s);
        QStyleOptionButton option;
        option.initFrom(box);
        const QRect indicator = box->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, box);
        QTest::mouseClick(box, Qt::LeftButton, {}, indicator.center());
    }

    static QDateTime cellTime(QDialog &dialog, int row, int column)
    {
        return part<QTableWidget>(dialog, u"policyPreview"_s)->item(row, column)->data(Qt::UserRole).toDateTime();
    }

    static QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0)
    {
        return {QDate(year, month, day), QTime(hour, minute), QTimeZone::utc()};
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

    void validatesAsYouTypeAndPreviews()
    {
        const Token otel = *m_world->token(u"otel-collector"_s);
        QCOMPARE(otel.createdAt, utc(2026, 1, 1, 12)); // 30 days before the world's clock
        PolicyEditorDialog dialog(m_world->context.get(), {otel.id});
        dialog.open();
        QCOMPARE(dialog.windowTitle(), u"Edit Policy of otel-collector"_s);
        auto *apply = part<QPushButton>(dialog, u"applyButton"_s);
        auto *error = part<QLabel>(dialog, u"intervalError"_s);
        auto *table = part<QTableWidget>(dialog, u"policyPreview"_s);

        type(dialog, u"intervalEdit"_s, u"3 fortnites"_s);
        const QString message = PolicyParser::parseDuration(u"3 fortnites").error;
        QVERIFY(message.contains(u"Unknown unit “fortnites” in “3 fortnites”"_s));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(message.toHtmlEscaped()), qPrintable(error->text()));
        QVERIFY2(error->text().contains(u"3 <b><u>fortnites</u></b>"_s), qPrintable(error->text()));
        QVERIFY(!apply->isEnabled());
        QCOMPARE(table->rowCount(), 0);

        type(dialog, u"intervalEdit"_s, u"45 days"_s);
        QVERIFY(!error->isVisible());
        QVERIFY(error->text().isEmpty());
        QVERIFY(apply->isEnabled());
        // Manual (as refreshed): the due dates, 45 days apart from the creation, old versions
        // revoked after the default hour and deleted a week later.
        QVERIFY(part<QLabel>(dialog, u"policyPreviewCaption"_s)->text().contains(u"Manual only"_s));
        QCOMPARE(table->rowCount(), 5);
        const QList<QDateTime> due {utc(2026, 2, 15, 12), utc(2026, 4, 1, 12), utc(2026, 5, 16, 12),
            utc(2026, 6, 30, 12), utc(2026, 8, 14, 12)};
        for (int row = 0; row < 5; ++row) {
            QCOMPARE(cellTime(dialog, row, PolicyPreviewTable::RotationColumn), due.at(row));
            QCOMPARE(cellTime(dialog, row, PolicyPreviewTable::RevokeColumn), due.at(row).addSecs(3600));
            QCOMPARE(cellTime(dialog, row, PolicyPreviewTable::DeleteColumn), due.at(row).addSecs(3600).addDays(7));
        }
        const QString first = table->item(0, PolicyPreviewTable::RotationColumn)->text();
        QVERIFY2(first.contains(PolicyPreviewTable::localText(due.at(0))), qPrintable(first));
        QVERIFY2(first.contains(u"UTC"_s), qPrintable(first));

        // Automatic: the scheduler starts an hour (plus up to ten minutes of jitter) early.
        tick(dialog);
        QVERIFY(part<QCheckBox>(dialog, u"automaticCheck"_s)->isChecked());
        QVERIFY(!part<QLabel>(dialog, u"policyPreviewCaption"_s)->text().contains(u"Manual only"_s));
        const QDateTime start = cellTime(dialog, 0, PolicyPreviewTable::RotationColumn);
        QVERIFY2(start <= due.at(0).addSecs(-3600) && start >= due.at(0).addSecs(-4200), qPrintable(start.toString()));

        // An empty interval is not a policy.
        type(dialog, u"intervalEdit"_s, u"1"_s);
        QTest::keyClick(part<QLineEdit>(dialog, u"intervalEdit"_s), Qt::Key_Backspace);
        QVERIFY(error->text().contains(u"Enter a duration such as 30days or P30D."_s));
        QVERIFY(!apply->isEnabled());
    }

    void graceNotShorterThanIntervalWarns()
    {
        PolicyEditorDialog dialog(m_world->context.get(), {idOf(u"otel-collector"_s)});
        dialog.open();
        auto *warnings = part<QLabel>(dialog, u"policyWarnings"_s);
        type(dialog, u"intervalEdit"_s, u"30 days"_s);
        type(dialog, u"graceEdit"_s, u"P30D"_s);
        QVERIFY2(
            warnings->text().contains(
                u"The grace period (30 days) is not shorter than the interval (30 days): old versions would pile up."_s),
            qPrintable(warnings->text()));
        QVERIFY(warnings->isVisible());
        type(dialog, u"graceEdit"_s, u"1 day"_s);
        QVERIFY(!warnings->text().contains(u"grace period (1 day) is not shorter"_s));
        QVERIFY(warnings->text().isEmpty());
    }

    void gleanTokenShowsGleanWarning()
    {
        PolicyEditorDialog dialog(m_world->context.get(), {idOf(u"wiki-connector"_s)});
        dialog.open();
        type(dialog, u"intervalEdit"_s, u"30 days"_s);
        const QString warnings = part<QLabel>(dialog, u"policyWarnings"_s)->text();
        QVERIFY2(warnings.contains(u"Glean fixes the rotation period when the token is created in the Glean console"_s),
            qPrintable(warnings));
        // Glean ends the old secret after its fixed 10 minutes and deletes nothing.
        const QDateTime rotation = cellTime(dialog, 0, PolicyPreviewTable::RotationColumn);
        QCOMPARE(rotation, utc(2026, 3, 2, 12)); // created at the world's start, 31 January
        QCOMPARE(cellTime(dialog, 0, PolicyPreviewTable::RevokeColumn), rotation.addSecs(600));
        auto *table = part<QTableWidget>(dialog, u"policyPreview"_s);
        QCOMPARE(table->item(0, PolicyPreviewTable::DeleteColumn)->text(), u"never"_s);
        // The empty fields say what Glean imposes.
        QCOMPARE(part<QLineEdit>(dialog, u"graceEdit"_s)->placeholderText(), u"fixed by the provider: 10 minutes"_s);
        QCOMPARE(part<QLineEdit>(dialog, u"deleteAfterEdit"_s)->placeholderText(),
            u"never: TokenDesk does not delete these tokens"_s);
    }

    void applyWritesDynatracePolicy()
    {
        const qint64 otel = idOf(u"otel-collector"_s);
        PolicyEditorDialog dialog(m_world->context.get(), {otel});
        QSignalSpy applied(&dialog, &PolicyEditorDialog::policyApplied);
        dialog.open();
        type(dialog, u"intervalEdit"_s, u"P30D"_s);
        type(dialog, u"graceEdit"_s, u"2 hours"_s);
        type(dialog, u"revokeAfterEdit"_s, u"1day"_s);
        type(dialog, u"deleteAfterEdit"_s, u"14 days"_s);
        type(dialog, u"notifyBeforeEdit"_s, u"3d"_s);
        tick(dialog);
        QTest::mouseClick(part<QPushButton>(dialog, u"applyButton"_s), Qt::LeftButton);
        QTRY_COMPARE(applied.size(), 1);
        QCOMPARE(applied.constFirst().at(0).value<QList<qint64>>(), QList<qint64> {otel});
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        RotationPolicy expected;
        expected.interval = {30, Unit::Days};
        expected.gracePeriod = {2, Unit::Hours};
        expected.revokeAfter = {1, Unit::Days};
        expected.deleteAfter = {14, Unit::Days};
        expected.notifyBefore = {3, Unit::Days};
        expected.automatic = true;
        QCOMPARE(m_world->store.token(otel)->policy, expected);
        const AuditEvent last = m_world->store.auditEvents(otel).constLast();
        QCOMPARE(last.action, u"policy.set"_s);
        QCOMPARE(last.outcome, AuditEvent::Outcome::Succeeded);
        QVERIFY2(last.details.startsWith(u"every 30 days, grace 2 hours, revoke after 1 day, delete after 14 days"_s),
            qPrintable(last.details));
    }

    void applyPushesToPangea()
    {
        const qint64 id = idOf(u"ci-deployer"_s);
        FaultPlan slow;
        slow.latencyMs = 400; // long enough to see the progress
        m_world->pangea.setFaultPlan(u"POST /v2/update"_s, slow);
        PolicyEditorDialog dialog(m_world->context.get(), {id});
        dialog.open();
        type(dialog, u"intervalEdit"_s, u"30 days"_s);
        type(dialog, u"graceEdit"_s, u"2 hours"_s);
        tick(dialog);
        QTest::mouseClick(part<QPushButton>(dialog, u"applyButton"_s), Qt::LeftButton);
        auto *status = part<QLabel>(dialog, u"policyStatus"_s);
        QTRY_COMPARE(status->text(), u"Pushing to Pangea: 1 of 1…"_s);
        QVERIFY(!part<QPushButton>(dialog, u"applyButton"_s)->isEnabled());
        QVERIFY(!part<QPushButton>(dialog, u"cancelButton"_s)->isEnabled());
        dialog.reject(); // refused while the push is on its way
        QVERIFY(dialog.isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), 20000);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        const PangeaItem item = *m_world->pangea.item(m_world->pangeaItemId);
        QCOMPARE(item.rotationFrequency, u"30d"_s);
        QCOMPARE(item.rotationGracePeriod, u"2h"_s);
        const RotationPolicy stored = m_world->store.token(id)->policy;
        QCOMPARE(stored.interval, PolicyDuration(30, Unit::Days));
        QCOMPARE(stored.gracePeriod, PolicyDuration(2, Unit::Hours));
        QVERIFY(stored.automatic);
        const AuditEvent last = m_world->store.auditEvents(id).constLast();
        QCOMPARE(last.action, u"policy.set"_s);
        QVERIFY2(last.details.endsWith(u"pushed to Pangea"_s), qPrintable(last.details));
        QVERIFY(!last.requestId.isEmpty());
    }

    void failedPushKeepsOldPolicyAndSaysWhy()
    {
        // The Pangea item is gone at Pangea; the Dynatrace token in the same edit is saved.
        Token pangea = *m_world->token(u"ci-deployer"_s);
        pangea.providerId = u"pvi_"_s + QString(32, u'a');
        QVERIFY(m_world->store.updateToken(pangea));
        const RotationPolicy before = pangea.policy;
        const qint64 otel = idOf(u"otel-collector"_s);
        PolicyEditorDialog dialog(m_world->context.get(), {pangea.id, otel});
        QSignalSpy applied(&dialog, &PolicyEditorDialog::policyApplied);
        dialog.open();
        type(dialog, u"intervalEdit"_s, u"30 days"_s);
        QTest::mouseClick(part<QPushButton>(dialog, u"applyButton"_s), Qt::LeftButton);
        auto *status = part<QLabel>(dialog, u"policyStatus"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"✘ 1 token kept its previous policy:"_s), 20000);
        QVERIFY2(
            status->text().contains(u"<b>ci-deployer</b>: Pangea refused the policy:"_s), qPrintable(status->text()));
        QVERIFY2(status->text().contains(u"not found"_s), qPrintable(status->text()));
        QVERIFY2(status->text().contains(u"✔ The policy was saved for 1 token."_s), qPrintable(status->text()));
        QVERIFY(dialog.isVisible());
        QCOMPARE(applied.size(), 1);
        QCOMPARE(applied.constFirst().at(0).value<QList<qint64>>(), QList<qint64> {otel});
        QCOMPARE(m_world->store.token(pangea.id)->policy, before);
        QCOMPARE(m_world->store.token(otel)->policy.interval, PolicyDuration(30, Unit::Days));
        const AuditEvent failed = m_world->store.auditEvents(pangea.id).constLast();
        QCOMPARE(failed.action, u"policy.set"_s);
        QCOMPARE(failed.outcome, AuditEvent::Outcome::Failed);
        QVERIFY(part<QPushButton>(dialog, u"applyButton"_s)->isEnabled()); // Apply again retries
    }

    void appliesToSeveralTokensAtOnce()
    {
        Token otel = *m_world->token(u"otel-collector"_s);
        Token manager = *m_world->token(u"tokendesk-manager"_s);
        otel.policy.gracePeriod = {1, Unit::Days};
        manager.policy.gracePeriod = {2, Unit::Days};
        QVERIFY(m_world->store.updateToken(otel) && m_world->store.updateToken(manager));
        const QList<qint64> ids {otel.id, manager.id, idOf(u"ci-deployer"_s), idOf(u"wiki-connector"_s)};
        PolicyEditorDialog dialog(m_world->context.get(), ids);
        QSignalSpy applied(&dialog, &PolicyEditorDialog::policyApplied);
        dialog.open();
        QCOMPARE(dialog.windowTitle(), u"Edit Policy of 4 Tokens"_s);
        auto *grace = part<QLineEdit>(dialog, u"graceEdit"_s);
        QVERIFY(grace->text().isEmpty());
        QCOMPARE(grace->placeholderText(), u"(various)"_s);
        QVERIFY(!part<QPushButton>(dialog, u"applyButton"_s)->isEnabled()); // no interval yet
        type(dialog, u"intervalEdit"_s, u"60 days"_s);
        const QString warnings = part<QLabel>(dialog, u"policyWarnings"_s)->text();
        QVERIFY2(warnings.contains(u"wiki-connector: Glean fixes the rotation period"_s), qPrintable(warnings));
        QVERIFY2(warnings.contains(u"ci-deployer: Automatic rotation is off"_s), qPrintable(warnings));
        QTest::mouseClick(part<QPushButton>(dialog, u"applyButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), 20000);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(applied.size(), 1);
        QCOMPARE(applied.constFirst().at(0).value<QList<qint64>>().size(), 4);

        for (qint64 id : ids)
            QCOMPARE(m_world->store.token(id)->policy.interval, PolicyDuration(60, Unit::Days));
        // The differing grace periods stayed as they were.
        QCOMPARE(m_world->store.token(otel.id)->policy.gracePeriod, PolicyDuration(1, Unit::Days));
        QCOMPARE(m_world->store.token(manager.id)->policy.gracePeriod, PolicyDuration(2, Unit::Days));
        // Manual: Pangea's own schedule is switched off, its grace period kept.
        const PangeaItem item = *m_world->pangea.item(m_world->pangeaItemId);
        QCOMPARE(item.rotationFrequency, u"never"_s);
        QCOMPARE(item.rotationGracePeriod, u"1h"_s);
    }
};

QTEST_MAIN(TestPolicyEditor)
#include "testpolicyeditor.moc"
