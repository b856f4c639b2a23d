// SPDX-License-Identifier: GPL-3.0-or-later
// The tray notifier driven by a real Scheduler on a mock clock over a real workspace: a token
// entering its notify-before window, an overdue manual token (with the catch-up summary of the
// late pass) and a failed automatic rotation (the keychain is unavailable, so the engine fails
// before any network call) each produce a notification naming the token, with the error for the
// failure; 200 tokens due at once make one message; the settings switch notifications off; and
// offscreen, without a system tray, nothing crashes and closing the window must not hide it.
#include "appcontext.h"
#include "appsettings.h"
#include "mockclock.h"
#include "rotationengine.h"
#include "scheduler.h"
#include "secrets/unavailablesecretstore.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"
#include "traynotifier.h"

#include <QAction>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QDateTime t0(QDate(2026, 3, 1), QTime(8, 30), QTimeZone::utc());

// Stands in for the English translation, which gives "%n token(s)" its singular and plural forms.
class EnglishPlurals final : public QTranslator
{
public:
    QString translate(const char *, const char *sourceText, const char *, int n) const override
    {
        QString text = QString::fromUtf8(sourceText);
        if (n < 0 || !text.contains(u"(s)"_s))
            return {};
        return text.replace(u"(s)"_s, n == 1 ? QString() : u"s"_s);
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestTrayNotifier final : public QObject
{
    Q_OBJECT

private:
    EnglishPlurals m_plurals;
    MockClock m_clock {t0};
    std::unique_ptr<TempWorkspace> m_workspace;
    std::unique_ptr<WorkspaceStore> m_store;
    std::unique_ptr<UnavailableSecretStore> m_secrets;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<Scheduler> m_scheduler;
    Account m_account;
    QAction m_show {u"Show TokenDesk"_s};
    QAction m_rotateDue {u"Rotate Due Now"_s};
    QAction m_quit {u"Quit"_s};

    Token token(const QString &name, int intervalDays, bool automatic)
    {
        Token t;
        t.accountId = m_account.id;
        t.providerId = name;
        t.name = name;
        t.createdAt = t0.addDays(-400);
        t.lastRotatedAt = t0;
        t.currentVersion = 1;
        t.policy.interval = PolicyDuration(intervalDays, PolicyDuration::Unit::Days);
        t.policy.automatic = automatic;
        return t;
    }

    void addToken(const QString &name, int intervalDays, bool automatic)
    {
        Token t = token(name, intervalDays, automatic);
        QVERIFY2(m_store->addToken(t), qPrintable(m_store->errorString()));
    }

    std::unique_ptr<TrayNotifier> makeNotifier()
    {
        auto notifier = std::make_unique<TrayNotifier>(TrayNotifier::MenuActions {&m_show, &m_rotateDue, &m_quit});
        notifier->setCoalescingInterval(50ms);
        notifier->connectScheduler(m_scheduler.get());
        return notifier;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TokenDeskTest"_s);
        QCoreApplication::setApplicationName(u"testtraynotifier"_s);
        QCoreApplication::installTranslator(&m_plurals);
        QVERIFY2(QSettings().fileName().contains(u"qttest"_s), qPrintable(QSettings().fileName()));
    }

    void init()
    {
        QSettings().clear();
        m_clock.set(t0);
        m_workspace = std::make_unique<TempWorkspace>();
        m_store = std::make_unique<WorkspaceStore>();
        QVERIFY2(m_store->open(m_workspace->path()), qPrintable(m_store->errorString()));
        m_account = {};
        m_account.kind = ProviderKind::Dynatrace;
        m_account.displayName = u"Production Dynatrace"_s;
        m_account.baseUrl = QUrl(u"https://127.0.0.1:9"_s);
        m_account.credential = SecretRef::keychain(u"tokendesk/test/credential"_s);
        QVERIFY(m_store->addAccount(m_account));
        m_secrets = std::make_unique<UnavailableSecretStore>(u"The keyring is locked."_s);
        m_context = std::make_unique<AppContext>(m_store.get(), m_secrets.get(), m_clock);
        m_scheduler = std::make_unique<Scheduler>(m_context.get(), m_context->engine());
    }

    void cleanup()
    {
        m_scheduler.reset();
        m_context.reset();
        m_secrets.reset();
        m_store.reset();
        m_workspace.reset();
    }

    void dueSoonOverdueAndFailureAreNotified()
    {
        addToken(u"ci-deployer"_s, 30, false);
        addToken(u"otel-collector"_s, 60, true);
        const auto notifier = makeNotifier();
        QSignalSpy notified(notifier.get(), &TrayNotifier::notified);

        m_clock.advanceDays(24); // ci-deployer is due in 6 days: inside the default 7-day window
        m_scheduler->tick();
        QCOMPARE(notified.size(), 0); // collected first, shown when the coalescing window ends
        QTRY_COMPARE(notified.size(), 1);
        QCOMPARE(notifier->lastTitle(), u"Rotation due soon"_s);
        QVERIFY2(notifier->lastMessage().startsWith(u"ci-deployer is due for rotation on "_s),
            qPrintable(notifier->lastMessage()));
        QCOMPARE(notified.constFirst().at(1).toString(), notifier->lastMessage());

        m_clock.advanceDays(7); // now overdue; the pass comes a week late
        m_scheduler->tick();
        QTRY_COMPARE(notified.size(), 3);
        QCOMPARE(notified.at(1).at(0).toString(), u"TokenDesk caught up"_s);
        QVERIFY2(notified.at(1).at(1).toString().contains(u"6 days"_s), qPrintable(notified.at(1).at(1).toString()));
        QCOMPARE(notifier->lastTitle(), u"Rotation overdue"_s);
        QVERIFY2(notifier->lastMessage().startsWith(u"ci-deployer was due for rotation on "_s),
            qPrintable(notifier->lastMessage()));

        // The automatic token comes due; its rotation fails because the keychain cannot be read.
        m_clock.set(t0.addDays(60).addSecs(1));
        m_scheduler->tick();
        QTRY_COMPARE_WITH_TIMEOUT(notifier->lastTitle(), u"Rotation failed"_s, 20000);
        QVERIFY2(notifier->lastMessage().startsWith(u"The rotation of otel-collector failed: "_s),
            qPrintable(notifier->lastMessage()));
        QVERIFY2(notifier->lastMessage().contains(u"The keyring is locked."_s), qPrintable(notifier->lastMessage()));
        QCOMPARE(notifier->recent().constLast().icon, QSystemTrayIcon::Critical);
    }

    void aBurstIsCoalescedIntoOneMessage()
    {
        QList<Token> tokens;
        for (int i = 0; i < 200; ++i)
            tokens << token(u"ingest-%1"_s.arg(i, 3, 10, QChar(u'0')), 30, false);
        QVERIFY(m_store->addTokens(tokens));
        const auto notifier = makeNotifier();
        QSignalSpy notified(notifier.get(), &TrayNotifier::notified);

        m_clock.advanceDays(25);
        m_scheduler->tick();
        QTRY_COMPARE(notified.size(), 1);
        QTest::qWait(200); // well past the coalescing window: still one message
        QCOMPARE(notified.size(), 1);
        QCOMPARE(notifier->lastTitle(), u"Rotations due soon"_s);
        QCOMPARE(notifier->lastMessage(),
            u"200 tokens are due for rotation soon: ingest-000, ingest-001, ingest-002 and 197 more."_s);
    }

    void settingsSwitchNotificationsOff()
    {
        addToken(u"ci-deployer"_s, 30, false);
        AppSettings settings;
        settings.setNotifyDueSoon(false);
        const auto notifier = makeNotifier();
        QSignalSpy notified(notifier.get(), &TrayNotifier::notified);
        m_clock.advanceDays(24);
        m_scheduler->tick();
        notifier->flush();
        QCOMPARE(notified.size(), 0); // due-soon warnings are off

        settings.setNotificationsEnabled(false);
        m_clock.advanceDays(7);
        m_scheduler->tick();
        notifier->flush();
        QCOMPARE(notified.size(), 0); // all notifications are off
        notifier->announceHiddenToTray();
        QCOMPARE(notified.size(), 0);

        settings.setNotificationsEnabled(true);
        notifier->announceHiddenToTray();
        notifier->announceHiddenToTray(); // once per session
        QCOMPARE(notified.size(), 1);
        QCOMPARE(notifier->lastTitle(), u"TokenDesk is still running"_s);
    }

    void withoutATrayNothingHidesAndTheMenuHasTheActions()
    {
        const auto notifier = makeNotifier();
        QCOMPARE(notifier->isTrayVisible(), QSystemTrayIcon::isSystemTrayAvailable());
        QCOMPARE(notifier->trayIcon() != nullptr, QSystemTrayIcon::isSystemTrayAvailable());
        const QList<QAction *> actions = notifier->menu()->actions();
        QCOMPARE(actions.size(), 4);
        QCOMPARE(actions.at(0), &m_show);
        QCOMPARE(actions.at(1), &m_rotateDue);
        QVERIFY(actions.at(2)->isSeparator());
        QCOMPARE(actions.at(3), &m_quit);

        QVERIFY(!notifier->shouldHideOnClose()); // the setting is off by default
        AppSettings().setMinimiseToTray(true);
        // With the setting on, only a visible tray icon lets the window hide instead of quitting.
        QCOMPARE(notifier->shouldHideOnClose(), notifier->isTrayVisible());
    }
};

QTEST_MAIN(TestTrayNotifier)
#include "testtraynotifier.moc"
