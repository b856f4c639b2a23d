// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QString ClipboardClearSecondsKey = u"preferences/clipboardClearSeconds"_s;
const QString MinimiseToTrayKey = u"preferences/minimiseToTray"_s;
const QString NotificationsEnabledKey = u"notifications/enabled"_s;
const QString NotifyDueSoonKey = u"notifications/dueSoon"_s;
const QString TimelineDaysKey = u"timeline/days"_s;

// A value edited by hand in the settings file may be anything: out of range is clamped,
// unreadable falls back to the default.
int boundedInt(const QSettings &settings, const QString &key, int fallback, int low, int high)
{
    bool ok = false;
    const int value = settings.value(key, fallback).toInt(&ok);
    return ok ? std::clamp(value, low, high) : fallback;
}

} // namespace

int AppSettings::clipboardClearSeconds() const
{
    return boundedInt(m_settings, ClipboardClearSecondsKey, DefaultClipboardClearSeconds, MinClipboardClearSeconds,
        MaxClipboardClearSeconds);
}

void AppSettings::setClipboardClearSeconds(int seconds)
{
    m_settings.setValue(
        ClipboardClearSecondsKey, std::clamp(seconds, MinClipboardClearSeconds, MaxClipboardClearSeconds));
}

bool AppSettings::minimiseToTray() const
{
    return m_settings.value(MinimiseToTrayKey, false).toBool();
}

void AppSettings::setMinimiseToTray(bool enabled)
{
    m_settings.setValue(MinimiseToTrayKey, enabled);
}

bool AppSettings::notificationsEnabled() const
{
    return m_settings.value(NotificationsEnabledKey, true).toBool();
}

void AppSettings::setNotificationsEnabled(bool enabled)
{
    m_settings.setValue(NotificationsEnabledKey, enabled);
}

bool AppSettings::notifyDueSoon() const
{
    return m_settings.value(NotifyDueSoonKey, true).toBool();
}

void AppSettings::setNotifyDueSoon(bool enabled)
{
    m_settings.setValue(NotifyDueSoonKey, enabled);
}

int AppSettings::timelineDays() const
{
    return boundedInt(m_settings, TimelineDaysKey, DefaultTimelineDays, MinTimelineDays, MaxTimelineDays);
}

void AppSettings::setTimelineDays(int days)
{
    m_settings.setValue(TimelineDaysKey, std::clamp(days, MinTimelineDays, MaxTimelineDays));
}

void AppSettings::sync()
{
    m_settings.sync();
}
