// SPDX-License-Identifier: GPL-3.0-or-later
// tokendesk-rotation-bench: 1,000 Dynatrace rotations through the real engine, the real keychain
// and the fake Dynatrace on loopback, against two floors measured the same way first: the
// network bound (the same HTTP calls, same concurrency, no keychain) and the keychain floor (the
// same keychain writes and reads, same concurrency, no network). It also records the longest
// stall of the event loop (what a window would feel) and counts the TokenDesk items in the
// keychain before and after. Run it inside a Secret Service session, e.g.
//     tests/support/run-with-keyring.sh build/dev/tests/tokendesk-rotation-bench [--rotations N]
#include "appcontext.h"
#include "core/provider.h"
#include "core/provideroperation.h"
#include "domain/clock.h"
#include "fakedynatrace.h"
#include "rotationengine.h"
#include "secretcustody.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/secretjob.h"
#include "secrets/secretkey.h"
#include "store/workspacestore.h"
#include "workspacesync.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);
constexpr int Concurrency = 2; // the engine's default per account

// Turns the event loop until `done` holds; the benchmark is a tool, not production code.
void waitFor(const std::function<bool()> &done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
}

int keychainItems()
{
    QDBusMessage call = QDBusMessage::createMethodCall(u"org.freedesktop.secrets"_s, u"/org/freedesktop/secrets"_s,
        u"org.freedesktop.Secret.Service"_s, u"SearchItems"_s);
    call << QVariant::fromValue(QMap<QString, QString> {{u"server"_s, SecretKey::serviceName()}});
    const QDBusMessage reply = QDBusConnection::sessionBus().call(call, QDBus::Block, 10000);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 2)
        return -1;
    return static_cast<int>(qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(0)).size()
        + qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(1)).size());
}

// Runs `count` jobs, `Concurrency` at a time; each job calls its completion once.
qint64 timed(int count, const std::function<void(int index, std::function<void()> done)> &job)
{
    QElapsedTimer timer;
    timer.start();
    int started = 0;
    int finished = 0;
    std::function<void()> launch;
    launch = [&] {
        while (started < count && started - finished < Concurrency) {
            const int index = started++;
            job(index, [&] {
                ++finished;
                launch();
            });
        }
    };
    launch();
    waitFor([&] { return finished == count; });
    return timer.elapsed();
}

void line(const QString &what, const QString &value)
{
    out << what.leftJustified(48, u'.') << u' ' << value << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qDBusRegisterMetaType<QMap<QString, QString>>();
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption rotationsOption(u"rotations"_s, u"Rotations to run (default 1000)."_s, u"N"_s, u"1000"_s);
    parser.addOption(rotationsOption);
    parser.process(app);
    const int rotations = parser.value(rotationsOption).toInt();

    FakeDynatrace dynatrace;
    if (!dynatrace.listen())
        return 1;
    DynatraceTokenSeed manager;
    manager.name = u"tokendesk-manager"_s;
    manager.scopes = {u"apiTokens.read"_s, u"apiTokens.write"_s};
    const SecretBytes managerSecret = dynatrace.addToken(manager);
    for (int i = 0; i < rotations; ++i) {
        DynatraceTokenSeed seed;
        seed.name = u"bench-%1"_s.arg(i, 5, 10, QChar(u'0'));
        seed.scopes = {u"metrics.ingest"_s};
        dynatrace.addToken(seed);
    }
    QTemporaryDir dir;
    WorkspaceStore store;
    if (!store.open(dir.filePath(u"bench.tokendesk"_s)))
        return 1;
    KeychainSecretStore secrets;
    AppContext context(&store, &secrets, Clock::system());
    Account account;
    account.kind = ProviderKind::Dynatrace;
    account.displayName = u"Bench"_s;
    account.baseUrl = dynatrace.baseUrl();
    bool added = false;
    context.custody()->addAccount(account, managerSecret, &app, [&](const Account &saved, const QString &error) {
        account = saved;
        added = error.isEmpty();
        if (!added)
            out << "keychain: " << error << Qt::endl;
        added = true;
    });
    waitFor([&] { return added; });
    bool listed = false;
    QObject::connect(context.sync(), &WorkspaceSync::refreshFinished, &app, [&] { listed = true; });
    context.sync()->refresh(account.id);
    waitFor([&] { return listed; });
    out << "TokenDesk rotation benchmark: " << rotations << " Dynatrace rotations, concurrency " << Concurrency
        << ", Qt " << qVersion() << Qt::endl;

    // Network bound: each rotation's HTTP calls (create, then verify) without the keychain.
    Provider *provider = context.providers().create(account, managerSecret, &app);
    const qint64 network = timed(rotations, [&](int i, std::function<void()> done) {
        RotateRequest request;
        request.name = u"floor-%1"_s.arg(i);
        request.scopes = {u"metrics.ingest"_s};
        ProviderOperation *create = provider->rotate(request);
        QObject::connect(create, &ProviderOperation::finished, &app, [&, done](ProviderOperation *created) {
            const RotationResult result = created->rotation();
            ProviderOperation *verify = provider->verifySecret(result.newProviderId, result.newSecret);
            QObject::connect(verify, &ProviderOperation::finished, &app, [done](ProviderOperation *) { done(); });
        });
    });
    // Keychain floor: each rotation's keychain traffic (credential read, reserve, store) without
    // HTTP. Its items stay until the floor is measured, as the engine's do: a Secret Service
    // collection gets slower as it grows, and the floor must grow the same way.
    const int itemsBefore = keychainItems();
    const qint64 keychain = timed(rotations, [&](int i, std::function<void()> done) {
        const QString key = u"tokendesk/bench-floor/%1"_s.arg(i);
        SecretJob *read = secrets.read(account.credential.location);
        QObject::connect(read, &SecretJob::finished, &app, [&, key, done](SecretJob *) {
            SecretJob *reserve = secrets.write(key, SecretBytes("reserved"_ba));
            QObject::connect(reserve, &SecretJob::finished, &app, [&, key, done](SecretJob *) {
                SecretJob *write = secrets.write(key, SecretBytes("dt0c01.BENCHFLOORSECRET"_ba));
                QObject::connect(write, &SecretJob::finished, &app, [done](SecretJob *) { done(); });
            });
        });
    });
    timed(rotations, [&](int i, std::function<void()> done) { // cleaning up, not measured
        SecretJob *remove = secrets.remove(u"tokendesk/bench-floor/%1"_s.arg(i));
        QObject::connect(remove, &SecretJob::finished, &app, [done](SecretJob *) { done(); });
    });

    // The real thing, with a 5 ms timer watching how late the event loop gets.
    qint64 worstStall = 0;
    QElapsedTimer sinceTick;
    QTimer watchdog;
    QObject::connect(
        &watchdog, &QTimer::timeout, &app, [&] { worstStall = std::max(worstStall, sinceTick.restart() - 5); });
    const int itemsAtStart = keychainItems();
    RotationEngine *engine = context.engine();
    int done = 0;
    int ok = 0;
    QObject::connect(engine, &RotationEngine::finished, &app, [&](const Rotation &r) {
        ++done;
        ok += r.status == Rotation::Status::Waiting ? 1 : 0;
    });
    QElapsedTimer timer;
    timer.start();
    // As Rotate Now on a selection does: one call, the queueing itself spread over the event loop.
    QList<qint64> ids;
    for (const Token &token : store.tokens()) {
        if (token.name.startsWith(u"bench-"_s))
            ids << token.id;
    }
    sinceTick.start();
    watchdog.start(5);
    engine->rotateAll(ids);
    const qint64 queueMs = timer.elapsed();
    waitFor([&] { return done == rotations; });
    const qint64 engineMs = timer.elapsed();
    watchdog.stop();
    const int itemsAfter = keychainItems();

    const qint64 bound = std::max(network, keychain);
    line(u"network bound (create + verify, no keychain)"_s, u"%1 ms"_s.arg(network));
    line(u"keychain floor (read, reserve, store)"_s, u"%1 ms"_s.arg(keychain));
    line(u"engine: %1 rotations"_s.arg(rotations), u"%1 ms (%2 ok)"_s.arg(engineMs).arg(ok));
    line(
        u"ratio to the larger floor"_s, QString::number(double(engineMs) / double(std::max<qint64>(1, bound)), 'f', 2));
    line(u"per rotation"_s, QString::number(double(engineMs) / rotations, 'f', 1) + u" ms"_s);
    line(u"rotateAll() of %1 tokens returns after"_s.arg(rotations), u"%1 ms"_s.arg(queueMs));
    line(u"longest event-loop stall (queueing and running)"_s, u"%1 ms"_s.arg(worstStall));
    line(u"keychain items before / start / after"_s,
        u"%1 / %2 / %3 (+%4 for %5 rotations)"_s.arg(itemsBefore)
            .arg(itemsAtStart)
            .arg(itemsAfter)
            .arg(itemsAfter - itemsAtStart)
            .arg(ok));
    return ok == rotations ? 0 : 1;
}
