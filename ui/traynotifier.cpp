// SPDX-License-Identifier: GPL-3.0-or-later
#include "traynotifier.h"

#include "appsettings.h"
#include "domain/rotation.h"
#include "domain/token.h"
#include "item/tabletext.h"
#include "item/tokentablemodel.h"
#include "scheduler.h"

#include <QAction>
#include <QIcon>
#include <QLocale>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxNamesListed = 3;
constexpr int MaxFailuresListed = 5;
constexpr int MessageMilliseconds = 15000;

} // namespace

TrayNotifier::TrayNotifier(const MenuActions &actions, QObject *parent)
    : QObject(parent)
    , m_menu(std::make_unique<QMenu>())
    , m_showAction(actions.show)
{
    setObjectName(u"trayNotifier"_s);
    m_menu->setObjectName(u"trayMenu"_s);
    m_menu->setAccessibleName(tr("TokenDesk tray menu"));
    for (QAction *action : {actions.show, actions.rotateDue}) {
        if (action)
            m_menu->addAction(action);
    }
    if (actions.quit) {
        if (!m_menu->isEmpty())
            m_menu->addSeparator();
        m_menu->addAction(actions.quit);
    }
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(DefaultCoalescing);
    connect(&m_coalesce, &QTimer::timeout, this, &TrayNotifier::flush);

    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return; // notifications are still recorded and announced by notified()
    m_tray = new QSystemTrayIcon(QIcon(u":/icons/tokendesk.svg"_s), this);
    m_tray->setObjectName(u"trayIcon"_s);
    m_tray->setToolTip(tr("TokenDesk"));
    m_tray->setContextMenu(m_menu.get());
    const auto showWindow = [this] {
        if (m_showAction)
            m_showAction->trigger();
    };
    connect(m_tray, &QSystemTrayIcon::activated, this, [showWindow](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            showWindow();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, showWindow);
    m_tray->show();
}

TrayNotifier::~TrayNotifier()
{
    // The icon goes before the menu it shows.
    delete m_tray;
}

void TrayNotifier::connectScheduler(Scheduler *scheduler)
{
    connect(scheduler, &Scheduler::dueSoon, this, &TrayNotifier::onDueSoon);
    connect(scheduler, &Scheduler::overdue, this, &TrayNotifier::onOverdue);
    connect(scheduler, &Scheduler::rotationFailed, this, &TrayNotifier::onRotationFailed);
    connect(scheduler, &Scheduler::caughtUp, this, &TrayNotifier::onCaughtUp);
}

bool TrayNotifier::isTrayVisible() const
{
    return m_tray && m_tray->isVisible();
}

bool TrayNotifier::shouldHideOnClose() const
{
    // Without a tray icon a hidden window could not be brought back: closing quits then.
    return isTrayVisible() && AppSettings().minimiseToTray();
}

void TrayNotifier::announceHiddenToTray()
{
    if (m_announcedHidden || !AppSettings().notificationsEnabled())
        return;
    m_announcedHidden = true;
    notify(tr("TokenDesk is still running"),
        tr("Scheduled rotations go on. Use the tray icon to open the window again or to quit."),
        QSystemTrayIcon::Information);
}

void TrayNotifier::onDueSoon(const Token &token, const QDateTime &due)
{
    const AppSettings settings;
    if (!settings.notificationsEnabled() || !settings.notifyDueSoon())
        return;
    m_dueSoon.append(Due {token.name, due});
    collect();
}

void TrayNotifier::onOverdue(const Token &token, const QDateTime &due)
{
    if (!AppSettings().notificationsEnabled())
        return;
    m_overdue.append(Due {token.name, due});
    collect();
}

void TrayNotifier::onRotationFailed(const Rotation &rotation, const QString &tokenName)
{
    if (!AppSettings().notificationsEnabled())
        return;
    const QString name = tokenName.isEmpty() ? tr("token %1").arg(rotation.tokenId) : tokenName;
    m_failures.append(Failure {name, rotation.error});
    collect();
}

void TrayNotifier::onCaughtUp(qint64 missedSeconds)
{
    if (!AppSettings().notificationsEnabled())
        return;
    m_missedSeconds = std::max(m_missedSeconds, missedSeconds);
    collect();
}

void TrayNotifier::collect()
{
    // The window runs from the first piece of news, so a steady stream is still shown.
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

QString TrayNotifier::whenText(const QDateTime &when)
{
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

QString TrayNotifier::namesText(const QList<Due> &items)
{
    QStringList names;
    for (const Due &item : items.mid(0, MaxNamesListed))
        names << item.name;
    const int more = int(items.size()) - MaxNamesListed;
    return more > 0 ? tr("%1 and %n more", nullptr, more).arg(names.join(u", "_s)) : names.join(u", "_s);
}

// Least important first: where the desktop shows one notification at a time, the last one stays.
void TrayNotifier::flush()
{
    m_coalesce.stop();
    if (m_missedSeconds > 0) {
        notify(tr("TokenDesk caught up"),
            tr("No scheduled rotation ran for %1 (the computer slept or TokenDesk was not running). Rotations "
               "that came due meanwhile start now.")
                .arg(TableText::ageText(m_missedSeconds)),
            QSystemTrayIcon::Information);
    }
    const int dueSoon = int(m_dueSoon.size());
    if (dueSoon == 1) {
        notify(tr("Rotation due soon"),
            tr("%1 is due for rotation on %2.").arg(m_dueSoon.constFirst().name, whenText(m_dueSoon.constFirst().due)),
            QSystemTrayIcon::Information);
    } else if (dueSoon > 1) {
        notify(tr("Rotations due soon"),
            tr("%n token(s) are due for rotation soon: %1.", nullptr, dueSoon).arg(namesText(m_dueSoon)),
            QSystemTrayIcon::Information);
    }
    const int overdue = int(m_overdue.size());
    if (overdue == 1) {
        notify(tr("Rotation overdue"),
            tr("%1 was due for rotation on %2 and has not been rotated.")
                .arg(m_overdue.constFirst().name, whenText(m_overdue.constFirst().due)),
            QSystemTrayIcon::Warning);
    } else if (overdue > 1) {
        notify(tr("Rotations overdue"),
            tr("%n token(s) are overdue for rotation: %1.", nullptr, overdue).arg(namesText(m_overdue)),
            QSystemTrayIcon::Warning);
    }
    const int failed = int(m_failures.size());
    if (failed == 1) {
        notify(tr("Rotation failed"),
            tr("The rotation of %1 failed: %2").arg(m_failures.constFirst().name, m_failures.constFirst().error),
            QSystemTrayIcon::Critical);
    } else if (failed > 1) {
        QStringList lines;
        for (const Failure &failure : m_failures.mid(0, MaxFailuresListed))
            lines << tr("%1: %2").arg(failure.name, failure.error);
        if (failed > MaxFailuresListed)
            lines << tr("…and %n more.", nullptr, failed - MaxFailuresListed);
        notify(tr("%n rotation(s) failed", nullptr, failed), lines.join(u'\n'), QSystemTrayIcon::Critical);
    }
    m_missedSeconds = 0;
    m_dueSoon.clear();
    m_overdue.clear();
    m_failures.clear();
}

void TrayNotifier::notify(const QString &title, const QString &body, QSystemTrayIcon::MessageIcon icon)
{
    m_recent.append(Notification {title, body, icon});
    while (m_recent.size() > MaxRecent)
        m_recent.removeFirst();
    if (isTrayVisible() && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, body, icon, MessageMilliseconds);
    Q_EMIT notified(title, body);
}
