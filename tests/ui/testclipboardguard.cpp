// SPDX-License-Identifier: GPL-3.0-or-later
// The clipboard guard on the application's real clipboard: a copied secret carries the
// password-manager hint and is taken off after its timeout; whatever the admin copied meanwhile
// is left alone (cleared(false)); clearNow() clears at once; and destroying the guard clears the
// secret without emitting anything.
#include "clipboardguard.h"
#include "domain/secretbytes.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QString secretText
    = u"dt0c01.ST2EY72KQINMH574WMNVI7YN.G3DFPBEJYMODIDAEX454M7YWBUVEFOWKPRVMWFASS64NFH52PX6BNDVFFM572RZM"_s;

QClipboard *clipboard()
{
    return QGuiApplication::clipboard();
}

} // namespace

class TestClipboardGuard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { clipboard()->setText(u"before"_s); }

    void copiesWithThePasswordManagerHint()
    {
        ClipboardGuard guard;
        QVERIFY(!guard.isHolding());
        QCOMPARE(guard.remainingSeconds(), 0);
        guard.copy(SecretBytes::fromUtf8(secretText), 30s);
        QVERIFY(guard.isHolding());
        QCOMPARE(clipboard()->text(), secretText);
        const QMimeData *mime = clipboard()->mimeData();
        QVERIFY(mime);
        QVERIFY2(mime->hasFormat(u"x-kde-passwordManagerHint"_s), qPrintable(mime->formats().join(u", "_s)));
        QCOMPARE(mime->data(u"x-kde-passwordManagerHint"_s), QByteArrayLiteral("secret"));
        QVERIFY2(guard.remainingSeconds() > 28 && guard.remainingSeconds() <= 30,
            qPrintable(QString::number(guard.remainingSeconds())));
    }

    void clearedAfterTheTimeoutWhenStillOurs()
    {
        ClipboardGuard guard;
        QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
        guard.copy(SecretBytes::fromUtf8(secretText), 1s);
        QCOMPARE(clipboard()->text(), secretText);
        QTest::qWait(300);
        QCOMPARE(cleared.count(), 0); // not before its time
        QCOMPARE(clipboard()->text(), secretText);
        QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 5000);
        QCOMPARE(cleared.at(0).at(0).toBool(), true);
        QVERIFY(clipboard()->text().isEmpty());
        QVERIFY(!guard.isHolding());
        QCOMPARE(guard.remainingSeconds(), 0);
    }

    void leavesWhatTheAdminCopiedSince()
    {
        ClipboardGuard guard;
        QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
        guard.copy(SecretBytes::fromUtf8(secretText), 1s);
        clipboard()->setText(u"a log line the admin copied"_s);
        QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 5000);
        QCOMPARE(cleared.at(0).at(0).toBool(), false);
        QCOMPARE(clipboard()->text(), u"a log line the admin copied"_s);
        QVERIFY(!guard.isHolding());
    }

    void clearNowClearsAtOnceAndOnlyOnce()
    {
        ClipboardGuard guard;
        QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
        guard.copy(SecretBytes::fromUtf8(secretText), 30s);
        guard.clearNow();
        QCOMPARE(cleared.count(), 1);
        QCOMPARE(cleared.at(0).at(0).toBool(), true);
        QVERIFY(clipboard()->text().isEmpty());
        QCOMPARE(guard.remainingSeconds(), 0);

        // Nothing held: nothing to clear, nothing said, and the next copy is not touched early.
        clipboard()->setText(u"mine"_s);
        guard.clearNow();
        QCOMPARE(cleared.count(), 1);
        QCOMPARE(clipboard()->text(), u"mine"_s);
    }

    void aNewCopyReplacesTheOneHeld()
    {
        ClipboardGuard guard;
        QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
        guard.copy(SecretBytes::fromUtf8(u"first secret"_s), 1s);
        guard.copy(SecretBytes::fromUtf8(secretText), 30s);
        QTest::qWait(1500); // the first timeout would have fired by now
        QCOMPARE(cleared.count(), 0);
        QCOMPARE(clipboard()->text(), secretText);
        guard.clearNow();
        QCOMPARE(cleared.count(), 1);
        QVERIFY(clipboard()->text().isEmpty());
    }

    void destroyingTheGuardClearsWithoutASignal()
    {
        auto guard = std::make_unique<ClipboardGuard>();
        bool emitted = false;
        connect(guard.get(), &ClipboardGuard::cleared, this, [&emitted] { emitted = true; });
        guard->copy(SecretBytes::fromUtf8(secretText), 30s);
        guard.reset();
        QVERIFY(!emitted);
        QVERIFY(clipboard()->text().isEmpty());

        // ...and leaves alone what is no longer its own.
        guard = std::make_unique<ClipboardGuard>();
        guard->copy(SecretBytes::fromUtf8(secretText), 30s);
        clipboard()->setText(u"something else"_s);
        guard.reset();
        QCOMPARE(clipboard()->text(), u"something else"_s);
    }
};

QTEST_MAIN(TestClipboardGuard)
#include "testclipboardguard.moc"
