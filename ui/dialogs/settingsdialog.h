// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QSpinBox;

// The Settings dialog: how long copied secrets stay on the clipboard, whether closing the window
// keeps TokenDesk running in the tray, which notifications to show and how far ahead the timeline
// looks. It edits AppSettings: OK writes every value and announces settingsChanged(), Cancel
// leaves the stored settings as they were. Open it with open(); it never blocks.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    void accept() override;

Q_SIGNALS:
    // After OK wrote the settings, so the windows can apply them (timeline length, tray).
    void settingsChanged();

private:
    void updateEnabled();

    QSpinBox *m_clipboardTimeout;
    QCheckBox *m_minimiseToTray;
    QCheckBox *m_notifications;
    QCheckBox *m_notifyDueSoon;
    QSpinBox *m_timelineDays;
    QDialogButtonBox *m_buttons;
};
