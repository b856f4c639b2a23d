// SPDX-License-Identifier: GPL-3.0-or-later
// The Settings dialog on real widgets over an isolated QSettings (test organisation and
// application, Qt's test-mode folders): it shows the defaults, OK writes what was typed and
// ticked and a new dialog reads it back, Cancel writes nothing, and AppSettings keeps every
// value inside its range whatever the settings file says.
#include "appsettings.h"
#include "dialogs/settingsdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSettingsDialog final : public QObject
{
    Q_OBJECT

private:
    template<typename T> static T *child(const QWidget &dialog, const QString &name)
    {
        T *widget = dialog.findChild<T *>(name);
        if (!widget)
            qFatal("no %s", qPrintable(name));
        return widget;
    }

    static void typeInto(QSpinBox *spin, const QString &text)
    {
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, text);
    }

    static void click(const QDialog &dialog, QDialogButtonBox::StandardButton which)
    {
        QPushButton *button = child<QDialogButtonBox>(dialog, u"settingsButtons"_s)->button(which);
        QTest::mouseClick(button, Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TokenDeskTest"_s);
        QCoreApplication::setApplicationName(u"testsettingsdialog"_s);
        // The real settings are never touched: the file lives in Qt's test folder, under the test's name.
        const QString file = QSettings().fileName();
        QVERIFY2(file.contains(u"qttest"_s) && file.contains(u"testsettingsdialog"_s), qPrintable(file));
    }

    void init() { QSettings().clear(); }

    void showsTheDefaults()
    {
        const AppSettings settings;
        QCOMPARE(settings.clipboardClearSeconds(), 30);
        QCOMPARE(settings.minimiseToTray(), false);
        QCOMPARE(settings.notificationsEnabled(), true);
        QCOMPARE(settings.notifyDueSoon(), true);
        QCOMPARE(settings.timelineDays(), 90);

        SettingsDialog dialog;
        dialog.open();
        QCOMPARE(child<QSpinBox>(dialog, u"clipboardTimeoutSpin"_s)->value(), 30);
        QVERIFY(!child<QCheckBox>(dialog, u"minimiseToTrayCheck"_s)->isChecked());
        QVERIFY(child<QCheckBox>(dialog, u"notificationsCheck"_s)->isChecked());
        QVERIFY(child<QCheckBox>(dialog, u"notifyDueSoonCheck"_s)->isChecked());
        QCOMPARE(child<QSpinBox>(dialog, u"timelineDaysSpin"_s)->value(), 90);
        for (QWidget *widget : dialog.findChildren<QWidget *>()) {
            if (widget->focusPolicy() != Qt::NoFocus && !widget->objectName().isEmpty()
                && !qobject_cast<QDialogButtonBox *>(widget) && !widget->objectName().startsWith(u"qt_"_s))
                QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
        }
    }

    void okWritesAndANewDialogReadsBack()
    {
        SettingsDialog dialog;
        QSignalSpy changed(&dialog, &SettingsDialog::settingsChanged);
        dialog.open();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        typeInto(child<QSpinBox>(dialog, u"clipboardTimeoutSpin"_s), u"120"_s);
        QTest::mouseClick(child<QCheckBox>(dialog, u"minimiseToTrayCheck"_s), Qt::LeftButton);
        auto *dueSoon = child<QCheckBox>(dialog, u"notifyDueSoonCheck"_s);
        QTest::mouseClick(dueSoon, Qt::LeftButton);
        QVERIFY(!dueSoon->isChecked());
        auto *notifications = child<QCheckBox>(dialog, u"notificationsCheck"_s);
        QTest::mouseClick(notifications, Qt::LeftButton);
        QVERIFY(!dueSoon->isEnabled()); // follows the notifications switch
        typeInto(child<QSpinBox>(dialog, u"timelineDaysSpin"_s), u"30"_s);
        click(dialog, QDialogButtonBox::Ok);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(changed.size(), 1);

        // A fresh QSettings reads what the dialog wrote.
        QSettings raw;
        QCOMPARE(raw.value(u"preferences/clipboardClearSeconds"_s).toInt(), 120);
        QCOMPARE(raw.value(u"preferences/minimiseToTray"_s).toBool(), true);
        const AppSettings settings;
        QCOMPARE(settings.clipboardClearSeconds(), 120);
        QCOMPARE(settings.minimiseToTray(), true);
        QCOMPARE(settings.notificationsEnabled(), false);
        QCOMPARE(settings.notifyDueSoon(), false);
        QCOMPARE(settings.timelineDays(), 30);

        SettingsDialog again;
        again.open();
        QCOMPARE(child<QSpinBox>(again, u"clipboardTimeoutSpin"_s)->value(), 120);
        QVERIFY(child<QCheckBox>(again, u"minimiseToTrayCheck"_s)->isChecked());
        QVERIFY(!child<QCheckBox>(again, u"notificationsCheck"_s)->isChecked());
        QVERIFY(!child<QCheckBox>(again, u"notifyDueSoonCheck"_s)->isEnabled());
        QCOMPARE(child<QSpinBox>(again, u"timelineDaysSpin"_s)->value(), 30);
    }

    void cancelWritesNothing()
    {
        AppSettings().setClipboardClearSeconds(45);
        SettingsDialog dialog;
        QSignalSpy changed(&dialog, &SettingsDialog::settingsChanged);
        dialog.open();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *spin = child<QSpinBox>(dialog, u"clipboardTimeoutSpin"_s);
        QCOMPARE(spin->value(), 45);
        typeInto(spin, u"300"_s);
        QTest::mouseClick(child<QCheckBox>(dialog, u"minimiseToTrayCheck"_s), Qt::LeftButton);
        click(dialog, QDialogButtonBox::Cancel);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(changed.size(), 0);
        const AppSettings settings;
        QCOMPARE(settings.clipboardClearSeconds(), 45);
        QCOMPARE(settings.minimiseToTray(), false);
        QVERIFY(!QSettings().contains(u"preferences/minimiseToTray"_s));
    }

    void valuesStayInRange()
    {
        SettingsDialog dialog;
        dialog.open();
        auto *spin = child<QSpinBox>(dialog, u"clipboardTimeoutSpin"_s);
        typeInto(spin, u"9999"_s); // the spin box takes no more than 600
        click(dialog, QDialogButtonBox::Ok);
        QVERIFY(AppSettings().clipboardClearSeconds() <= 600);

        AppSettings settings;
        settings.setClipboardClearSeconds(1);
        QCOMPARE(settings.clipboardClearSeconds(), 5);
        settings.setTimelineDays(5000);
        QCOMPARE(settings.timelineDays(), 365);
        QSettings raw; // a hand-edited settings file
        raw.setValue(u"preferences/clipboardClearSeconds"_s, 100000);
        QCOMPARE(AppSettings().clipboardClearSeconds(), 600);
        raw.setValue(u"preferences/clipboardClearSeconds"_s, u"soon"_s);
        QCOMPARE(AppSettings().clipboardClearSeconds(), 30);
        raw.setValue(u"timeline/days"_s, -3);
        QCOMPARE(AppSettings().timelineDays(), 7);
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "testsettingsdialog.moc"
