// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSettings>

#include <chrono>

// The user's preferences, typed and range-checked in one place so that the settings dialog, the
// tray notifier, the timeline and the clipboard agree on keys, defaults and limits. Values live in
// the platform's settings store (QSettings of the application identity); they are preferences
// only: no secret, credential or token value is ever written here.
class AppSettings final
{
public:
    static constexpr int DefaultClipboardClearSeconds = 30;
    static constexpr int MinClipboardClearSeconds = 5;
    static constexpr int MaxClipboardClearSeconds = 600;
    static constexpr int DefaultTimelineDays = 90;
    static constexpr int MinTimelineDays = 7;
    static constexpr int MaxTimelineDays = 365;

    AppSettings() = default;

    // How long a copied secret stays on the clipboard (5..600 s, default 30).
    int clipboardClearSeconds() const;
    std::chrono::seconds clipboardClearAfter() const { return std::chrono::seconds(clipboardClearSeconds()); }
    void setClipboardClearSeconds(int seconds);
    // Closing the main window hides it to the system tray, so scheduled rotations go on (default off).
    bool minimiseToTray() const;
    void setMinimiseToTray(bool enabled);
    // Desktop notifications about scheduled rotations at all (default on).
    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool enabled);
    // ...and among them, the warnings ahead of a due rotation (default on).
    bool notifyDueSoon() const;
    void setNotifyDueSoon(bool enabled);
    // How far ahead the timeline looks (7..365 days, default 90).
    int timelineDays() const;
    void setTimelineDays(int days);

    // Writes pending changes to the settings store now (QSettings otherwise does so lazily).
    void sync();

private:
    QSettings m_settings;
};
