// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QSystemTrayIcon>
#include <QTimer>

#include <chrono>
#include <memory>

class QAction;
class QMenu;
class Scheduler;
struct Rotation;
struct Token;

// Tells the administrator about scheduled rotations while the main window is hidden or behind
// others: a tray icon with a small menu, and desktop notifications for tokens entering their
// notify-before window, overdue tokens, every failed rotation (with its error) and a catch-up
// after a sleep. News arriving within a short window is coalesced per kind, so 200 tokens due at
// once make one "200 tokens are due" message, not 200. Without a system tray (or offscreen) it
// shows nothing but still records each notification and emits notified(), so it never fails
// where there is no tray. Honours AppSettings (notifications on/off, due-soon warnings, minimise
// to tray). The menu's actions belong to the caller, so this class never reaches into a window.
class TrayNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayNotifier)

public:
    // Any of them may be null; they are shown in this order in the tray icon's menu.
    struct MenuActions
    {
        QAction *show = nullptr; // "Show TokenDesk"; also triggered by clicking the tray icon
        QAction *rotateDue = nullptr; // "Rotate Due Now"
        QAction *quit = nullptr;
    };
    struct Notification
    {
        QString title;
        QString body;
        QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Information;
    };

    static constexpr std::chrono::milliseconds DefaultCoalescing {1500};
    static constexpr int MaxRecent = 20;

    explicit TrayNotifier(const MenuActions &actions, QObject *parent = nullptr);
    ~TrayNotifier() override;

    // Listens to the scheduler's announcements; more than one scheduler may be connected.
    void connectScheduler(Scheduler *scheduler);
    // How long news is collected before one notification per kind is shown.
    void setCoalescingInterval(std::chrono::milliseconds interval) { m_coalesce.setInterval(interval); }
    // Shows what is collected now, without waiting for the coalescing window to end.
    void flush();

    // True when a tray icon is actually shown (a desktop with a system tray).
    bool isTrayVisible() const;
    QSystemTrayIcon *trayIcon() const { return m_tray; } // null without a system tray
    QMenu *menu() const { return m_menu.get(); }

    // Whether closing the main window should hide it instead of quitting, so scheduled rotations
    // go on: the "minimise to tray" setting is on and there is a tray icon to come back from.
    bool shouldHideOnClose() const;
    // Says once per session that TokenDesk keeps running in the tray (call after hiding the window).
    void announceHiddenToTray();

    QString lastTitle() const { return m_recent.isEmpty() ? QString() : m_recent.constLast().title; }
    QString lastMessage() const { return m_recent.isEmpty() ? QString() : m_recent.constLast().body; }
    QList<Notification> recent() const { return m_recent; } // oldest first, at most MaxRecent

Q_SIGNALS:
    // Every notification, shown or not (no tray), after the settings allowed it.
    void notified(const QString &title, const QString &body);

private:
    struct Due
    {
        QString name;
        QDateTime due;
    };
    struct Failure
    {
        QString name;
        QString error;
    };

    void onDueSoon(const Token &token, const QDateTime &due);
    void onOverdue(const Token &token, const QDateTime &due);
    void onRotationFailed(const Rotation &rotation, const QString &tokenName);
    void onCaughtUp(qint64 missedSeconds);
    void collect();
    void notify(const QString &title, const QString &body, QSystemTrayIcon::MessageIcon icon);
    static QString namesText(const QList<Due> &items);
    static QString whenText(const QDateTime &when);

    std::unique_ptr<QMenu> m_menu;
    QSystemTrayIcon *m_tray = nullptr;
    QPointer<QAction> m_showAction;
    QTimer m_coalesce;
    QList<Due> m_dueSoon;
    QList<Due> m_overdue;
    QList<Failure> m_failures;
    qint64 m_missedSeconds = 0;
    QList<Notification> m_recent;
    bool m_announcedHidden = false;
};
