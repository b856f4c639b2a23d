// SPDX-License-Identifier: GPL-3.0-or-later
// HostQueue: the per-host limit, first-come first-served order, retries ahead of new calls,
// cancelling a waiting call, and start functions that re-enter the queue.
#include "http/hostqueue.h"

#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestHostQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void limitAndFifo();
    void hostsAreIndependent();
    void retriesGoFirst();
    void cancelWaiting();
    void raisingTheLimitStartsWaiters();
    void reentrantStart();
    void keyFor_data();
    void keyFor();
};

void TestHostQueue::limitAndFifo()
{
    HostQueue queue(2);
    QList<int> started;
    const QString host = u"vault:443"_s;
    for (int i = 0; i < 5; ++i)
        queue.acquire(host, [&started, i] { started << i; });
    QCOMPARE(started, (QList<int> {0, 1}));
    QCOMPARE(queue.running(host), 2);
    QCOMPARE(queue.waiting(host), 3);
    queue.release(host);
    QCOMPARE(started, (QList<int> {0, 1, 2}));
    queue.release(host);
    queue.release(host);
    QCOMPARE(started, (QList<int> {0, 1, 2, 3, 4}));
    QCOMPARE(queue.waiting(host), 0);
    for (int i = 0; i < 5; ++i)
        queue.release(host);
    QCOMPARE(queue.running(host), 0);
    queue.release(host); // one too many does not go negative
    QCOMPARE(queue.running(host), 0);
}

void TestHostQueue::hostsAreIndependent()
{
    HostQueue queue(1);
    int a = 0;
    int b = 0;
    queue.acquire(u"a:443"_s, [&a] { ++a; });
    queue.acquire(u"a:443"_s, [&a] { ++a; });
    queue.acquire(u"b:443"_s, [&b] { ++b; });
    QCOMPARE(a, 1);
    QCOMPARE(b, 1);
}

void TestHostQueue::retriesGoFirst()
{
    HostQueue queue(1);
    QList<QString> started;
    const QString host = u"h:443"_s;
    queue.acquire(host, [&started] { started << u"running"_s; });
    queue.acquire(host, [&started] { started << u"new"_s; });
    queue.acquire(
        host, [&started] { started << u"retry"_s; }, true);
    queue.release(host);
    queue.release(host);
    QCOMPARE(started, (QList<QString> {u"running"_s, u"retry"_s, u"new"_s}));
}

void TestHostQueue::cancelWaiting()
{
    HostQueue queue(1);
    const QString host = u"h:443"_s;
    bool secondStarted = false;
    bool thirdStarted = false;
    const HostQueue::Ticket first = queue.acquire(host, [] {});
    const HostQueue::Ticket second = queue.acquire(host, [&secondStarted] { secondStarted = true; });
    queue.acquire(host, [&thirdStarted] { thirdStarted = true; });
    QVERIFY(!queue.cancel(host, first)); // running, not waiting
    QVERIFY(queue.cancel(host, second));
    QVERIFY(!queue.cancel(host, second));
    QCOMPARE(queue.waiting(host), 1);
    queue.release(host);
    QVERIFY(!secondStarted);
    QVERIFY(thirdStarted);
}

void TestHostQueue::raisingTheLimitStartsWaiters()
{
    HostQueue queue(1);
    int started = 0;
    for (int i = 0; i < 4; ++i)
        queue.acquire(u"h:443"_s, [&started] { ++started; });
    QCOMPARE(started, 1);
    queue.setLimit(3);
    QCOMPARE(started, 3);
    queue.setLimit(0); // clamped to 1
    QCOMPARE(queue.limit(), 1);
}

void TestHostQueue::reentrantStart()
{
    // A call that fails at once gives its slot back from inside its start function.
    HostQueue queue(1);
    const QString host = u"h:443"_s;
    QList<int> started;
    for (int i = 0; i < 3; ++i) {
        queue.acquire(host, [&queue, &started, host, i] {
            started << i;
            queue.release(host);
        });
    }
    QCOMPARE(started, (QList<int> {0, 1, 2}));
    QCOMPARE(queue.running(host), 0);
    QCOMPARE(queue.waiting(host), 0);
}

void TestHostQueue::keyFor_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("key");
    QTest::newRow("https default port") << QUrl(u"https://Vault.Example.com/v1/x"_s) << u"vault.example.com:443"_s;
    QTest::newRow("https explicit port") << QUrl(u"https://vault.example.com:8200/v1/x"_s)
                                         << u"vault.example.com:8200"_s;
    QTest::newRow("http default port") << QUrl(u"http://localhost/"_s) << u"localhost:80"_s;
    QTest::newRow("http explicit port") << QUrl(u"http://localhost:8123/api"_s) << u"localhost:8123"_s;
}

void TestHostQueue::keyFor()
{
    QFETCH(QUrl, url);
    QFETCH(QString, key);
    QCOMPARE(HostQueue::keyFor(url), key);
}

QTEST_GUILESS_MAIN(TestHostQueue)
#include "testhostqueue.moc"
