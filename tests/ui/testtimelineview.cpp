// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline view on a real workspace and a mock clock: clicking the marker of a known token
// activates that token, a token due beyond the 90-day window has no marker, hovering shows which
// token a marker is, the keyboard moves through the events and Enter activates one, and the view
// follows the store.
#include "item/timelinemodel.h"
#include "mockclock.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"
#include "views/timelineview.h"

#include <QApplication>
#include <QHelpEvent>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace {

const QDateTime t0(QDate(2026, 3, 1), QTime(8, 30), QTimeZone::utc());

} // namespace

class TestTimelineView final : public QObject
{
    Q_OBJECT

private:
    MockClock m_clock {t0};
    std::unique_ptr<TempWorkspace> m_workspace;
    std::unique_ptr<WorkspaceStore> m_store;
    qint64 m_accountId = 0;

    Token addToken(const QString &name, int dueInDays)
    {
        Token token;
        token.accountId = m_accountId;
        token.providerId = name;
        token.name = name;
        token.createdAt = t0;
        token.policy.interval = PolicyDuration(dueInDays, PolicyDuration::Unit::Days);
        [&] { QVERIFY2(m_store->addToken(token), qPrintable(m_store->errorString())); }();
        return token;
    }

    static int rowOf(const TimelineModel &model, qint64 tokenId)
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row).data(TimelineModel::TokenIdRole).toLongLong() == tokenId)
                return row;
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_workspace = std::make_unique<TempWorkspace>();
        m_store = std::make_unique<WorkspaceStore>();
        QVERIFY2(m_store->open(m_workspace->path()), qPrintable(m_store->errorString()));
        Account account;
        account.kind = ProviderKind::Dynatrace;
        account.displayName = u"Production Dynatrace"_s;
        account.baseUrl = QUrl(u"https://provider.example"_s);
        account.credential = SecretRef::keychain(u"tokendesk/test/credential"_s);
        QVERIFY(m_store->addAccount(account));
        m_accountId = account.id;
    }

    void cleanup()
    {
        m_store.reset();
        m_workspace.reset();
    }

    void clickingAMarkerActivatesItsToken()
    {
        const Token known = addToken(u"otel-collector"_s, 20);
        const Token other = addToken(u"ci-deployer"_s, 45);
        const Token far = addToken(u"far-away"_s, 100);
        TimelineModel model(m_store.get(), m_clock);
        model.reload();
        TimelineView view(&model);
        QCOMPARE(view.objectName(), u"timelineView"_s);
        QVERIFY(!view.accessibleName().isEmpty());
        view.resize(900, view.sizeHint().height());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        // Two markers: the token due in 100 days is beyond the window.
        QCOMPARE(view.markerRects().size(), 2);
        QCOMPARE(rowOf(model, far.id), -1);
        for (const QRect &rect : view.markerRects())
            QVERIFY(view.rect().contains(rect));
        const int knownRow = rowOf(model, known.id);
        const int otherRow = rowOf(model, other.id);
        QVERIFY(knownRow >= 0 && otherRow >= 0);
        QVERIFY(view.markerCenter(knownRow).x() < view.markerCenter(otherRow).x()); // earlier is further left

        QSignalSpy activated(&view, &TimelineView::tokenActivated);
        QTest::mouseClick(&view, Qt::LeftButton, {}, view.markerCenter(knownRow));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.constFirst().constFirst().toLongLong(), known.id);
        QTest::mouseClick(&view, Qt::LeftButton, {}, view.markerCenter(otherRow));
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.constLast().constFirst().toLongLong(), other.id);
        // Empty space between the markers activates nothing.
        const QPoint between(
            (view.markerCenter(knownRow).x() + view.markerCenter(otherRow).x()) / 2, view.markerCenter(knownRow).y());
        QTest::mouseClick(&view, Qt::LeftButton, {}, between);
        QCOMPARE(activated.size(), 2);
    }

    void hoverShowsWhichTokenAMarkerIs()
    {
        const Token known = addToken(u"otel-collector"_s, 20);
        TimelineModel model(m_store.get(), m_clock);
        model.reload();
        TimelineView view(&model);
        view.resize(900, view.sizeHint().height());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QPoint center = view.markerCenter(rowOf(model, known.id));

        QTest::mouseMove(&view, center);
        QTRY_COMPARE(view.cursor().shape(), Qt::PointingHandCursor);
        QHelpEvent help(QEvent::ToolTip, center, view.mapToGlobal(center));
        QApplication::sendEvent(&view, &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(u"otel-collector (Production Dynatrace)"_s), qPrintable(QToolTip::text()));
        QVERIFY2(QToolTip::text().contains(u"Rotation due"_s), qPrintable(QToolTip::text()));
        QVERIFY2(QToolTip::text().contains(u"2026-03-21 08:30:00 UTC"_s), qPrintable(QToolTip::text()));
        QVERIFY(QToolTip::text().contains(u"(local time)"_s));
        QTest::mouseMove(&view, QPoint(2, 2));
        QTRY_COMPARE(view.cursor().shape(), Qt::ArrowCursor);
    }

    void keyboardMovesAndActivates()
    {
        const Token first = addToken(u"first"_s, 10);
        const Token second = addToken(u"second"_s, 30);
        const Token third = addToken(u"third"_s, 60);
        TimelineModel model(m_store.get(), m_clock);
        model.reload();
        TimelineView view(&model);
        view.resize(900, view.sizeHint().height());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(view.hasFocus());
        QCOMPARE(view.currentRow(), 0); // focus lands on the first event

        QSignalSpy activated(&view, &TimelineView::tokenActivated);
        QTest::keyClick(&view, Qt::Key_Right);
        QTest::keyClick(&view, Qt::Key_Right);
        QTest::keyClick(&view, Qt::Key_Right); // stays on the last
        QCOMPARE(view.currentRow(), 2);
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.constLast().constFirst().toLongLong(), third.id);
        QTest::keyClick(&view, Qt::Key_Left);
        QVERIFY(view.accessibleDescription().contains(u"second"_s));
        QTest::keyClick(&view, Qt::Key_Enter);
        QCOMPARE(activated.constLast().constFirst().toLongLong(), second.id);
        QTest::keyClick(&view, Qt::Key_Home);
        QTest::keyClick(&view, Qt::Key_Space);
        QCOMPARE(activated.size(), 3);
        QCOMPARE(activated.constLast().constFirst().toLongLong(), first.id);
    }

    void followsTheStore()
    {
        Token token = addToken(u"later"_s, 100);
        TimelineModel model(m_store.get(), m_clock);
        model.reload();
        TimelineView view(&model);
        view.resize(900, view.sizeHint().height());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.markerRects().size(), 0);
        token.policy.interval = PolicyDuration(14, PolicyDuration::Unit::Days);
        QVERIFY(m_store->updateToken(token));
        QTRY_COMPARE(view.markerRects().size(), 1);
        QSignalSpy activated(&view, &TimelineView::tokenActivated);
        QTest::mouseClick(&view, Qt::LeftButton, {}, view.markerRects().constFirst().center());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.constFirst().constFirst().toLongLong(), token.id);
    }
};

QTEST_MAIN(TestTimelineView)
#include "testtimelineview.moc"
