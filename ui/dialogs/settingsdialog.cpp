// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "appsettings.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_clipboardTimeout(new QSpinBox(this))
    , m_minimiseToTray(new QCheckBox(tr("&Keep running in the system tray when the window is closed"), this))
    , m_notifications(new QCheckBox(tr("Show &notifications about scheduled rotations"), this))
    , m_notifyDueSoon(new QCheckBox(tr("&Warn before a rotation is due"), this))
    , m_timelineDays(new QSpinBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));
    const AppSettings settings;

    m_clipboardTimeout->setObjectName(u"clipboardTimeoutSpin"_s);
    m_clipboardTimeout->setAccessibleName(tr("Clear copied secrets after, in seconds"));
    m_clipboardTimeout->setRange(AppSettings::MinClipboardClearSeconds, AppSettings::MaxClipboardClearSeconds);
    m_clipboardTimeout->setSuffix(tr(" s"));
    m_clipboardTimeout->setToolTip(tr("A secret copied from TokenDesk is taken off the clipboard after this time"));
    m_clipboardTimeout->setValue(settings.clipboardClearSeconds());

    m_minimiseToTray->setObjectName(u"minimiseToTrayCheck"_s);
    m_minimiseToTray->setAccessibleName(tr("Keep running in the system tray"));
    m_minimiseToTray->setToolTip(tr("Scheduled rotations only run while TokenDesk runs. Needs a desktop with a "
                                    "system tray; without one, closing the window quits."));
    m_minimiseToTray->setChecked(settings.minimiseToTray());

    m_notifications->setObjectName(u"notificationsCheck"_s);
    m_notifications->setAccessibleName(tr("Show notifications"));
    m_notifications->setToolTip(tr("Overdue and failed rotations, and a summary after TokenDesk was not running"));
    m_notifications->setChecked(settings.notificationsEnabled());
    m_notifyDueSoon->setObjectName(u"notifyDueSoonCheck"_s);
    m_notifyDueSoon->setAccessibleName(tr("Warn before a rotation is due"));
    m_notifyDueSoon->setToolTip(tr("When a token enters the notify-before window of its policy (7 days by default)"));
    m_notifyDueSoon->setChecked(settings.notifyDueSoon());

    m_timelineDays->setObjectName(u"timelineDaysSpin"_s);
    m_timelineDays->setAccessibleName(tr("Timeline length, in days"));
    m_timelineDays->setRange(AppSettings::MinTimelineDays, AppSettings::MaxTimelineDays);
    m_timelineDays->setSuffix(tr(" days"));
    m_timelineDays->setValue(settings.timelineDays());

    m_buttons->setObjectName(u"settingsButtons"_s);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_notifications, &QCheckBox::toggled, this, &SettingsDialog::updateEnabled);

    auto *form = new QFormLayout;
    form->addRow(tr("&Clear copied secrets after:"), m_clipboardTimeout);
    form->addRow(tr("&Timeline shows the next:"), m_timelineDays);
    auto *notifyIndent = new QHBoxLayout;
    notifyIndent->addSpacing(style()->pixelMetric(QStyle::PM_IndicatorWidth));
    notifyIndent->addWidget(m_notifyDueSoon);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_minimiseToTray);
    layout->addWidget(m_notifications);
    layout->addLayout(notifyIndent);
    layout->addStretch();
    layout->addWidget(m_buttons);
    updateEnabled();
}

void SettingsDialog::updateEnabled()
{
    m_notifyDueSoon->setEnabled(m_notifications->isChecked());
}

void SettingsDialog::accept()
{
    AppSettings settings;
    m_clipboardTimeout->interpretText(); // a value typed without Enter counts too
    m_timelineDays->interpretText();
    settings.setClipboardClearSeconds(m_clipboardTimeout->value());
    settings.setMinimiseToTray(m_minimiseToTray->isChecked());
    settings.setNotificationsEnabled(m_notifications->isChecked());
    settings.setNotifyDueSoon(m_notifyDueSoon->isChecked());
    settings.setTimelineDays(m_timelineDays->value());
    settings.sync();
    Q_EMIT settingsChanged();
    QDialog::accept();
}
