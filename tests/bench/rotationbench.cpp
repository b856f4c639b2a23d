// SPDX-License-Identifier: GPL-3.0-or-later
// tokendesk-rotation-bench: N Dynatrace rotations, each also written to HashiCorp Vault KV,
// through the real engine, the real keychain and the fakes on loopback with injected latency
// (20 ms per request unless set). It compares the engine's wall time with two floors taken from
// the same run: the network bound (requests made × latency ÷ the requests that can be in flight
// at once) and the keychain floor (the keychain's busy time: its operations × their mean service
// time). It records peak memory, the longest event-loop stall (what a window would feel) and the
// TokenDesk items in the keychain before and after, then rotates another N tokens the way the
// Dynatrace + Vault blog's script does, strictly one after another. Run it in a Secret Service
// session, one size per process so that each starts with an empty keyring:
//     tests/support/run-with-keyring.sh build/dev/tests/bench/tokendesk-rotation-bench --rotations 1000
#include "appcontext.h"
#include "core/provider.h"
#include "domain/clock.h"
#include "fakedynatrace.h"
#include "fakevaultkv.h"
#include "http/httpclient.h"
#include "rotationengine.h"
#include "secretcustody.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/secretkey.h"
#include "seedscriptrotation.h"
#include "store/rotationstore.h"
#include "store/workspacestore.h"
#include "timedsecretstore.h"
#include "vaultkv/vaultkvclient.h"
#include "workspacesync.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);

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
    const QDBusMessage reply = QDBusConnection::sessionBus().call(call, QDBus::Block, 60000);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 2)
        return -1;
    return static_cast<int>(qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(0)).size()
        + qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(1)).size());
}

// Peak resident memory of this process so far (Linux), in MiB; -1 where unknown.
double peakMemoryMiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &row : status.readAll().split('\n')) {
        if (row.startsWith("VmHWM:"))
            return row.mid(6).trimmed().split(' ').constFirst().toDouble() / 1024.0;
    }
    return -1;
}

// Counts the answers a set of fakes sends while it lives.
class RequestCounter
{
public:
    explicit RequestCounter(std::initializer_list<FakeServer *> servers)
    {
        for (FakeServer *server : servers)
            m_connections << QObject::connect(server, &FakeServer::answered, [this] { ++m_count; });
    }
    ~RequestCounter()
    {
        for (const QMetaObject::Connection &connection : std::as_const(m_connections))
            QObject::disconnect(connection);
    }
    int count() const { return m_count; }

private:
    QList<QMetaObject::Connection> m_connections;
    int m_count = 0;
};

void line(const QString &what, const QString &value)
{
    out << what.leftJustified(56, u'.') << u' ' << value << Qt::endl;
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1) + u" s"_s;
}

QString seconds(double ms)
{
    return QString::number(ms / 1000.0, 'f', 1) + u" s"_s;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Per-request log lines would be measured along with the engine; warnings still show.
    QLoggingCategory::setFilterRules(
        u"tokendesk.*.debug=false\ntokendesk.*.info=false\ntokendesk.providers.http.warning=false"_s);
    qDBusRegisterMetaType<QMap<QString, QString>>();
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption rotationsOption(u"rotations"_s, u"Rotations to run (default 1000)."_s, u"N"_s, u"1000"_s);
    const QCommandLineOption latencyOption(
        u"latency"_s, u"Latency the fakes add to every request, in ms (default 20)."_s, u"MS"_s, u"20"_s);
    const QCommandLineOption noScriptOption(u"no-script"_s, u"Skip the one-after-another comparison."_s);
    parser.addOptions({rotationsOption, latencyOption, noScriptOption});
    parser.process(app);
    const int rotations = std::max(1, parser.value(rotationsOption).toInt());
    const int latencyMs = std::max(0, parser.value(latencyOption).toInt());

    FakeDynatrace dynatrace;
    FakeVaultKv vault;
    if (!dynatrace.listen() || !vault.listen())
        return 1;
    DynatraceTokenSeed manager;
    manager.name = u"tokendesk-manager"_s;
    manager.scopes = {u"apiTokens.read"_s, u"apiTokens.write"_s};
    const SecretBytes managerSecret = dynatrace.addToken(manager);
    const SecretBytes vaultToken("hvs.BenchRootToken00000000000"_ba);
    vault.addMount(u"secret"_s);
    vault.addRootToken(vaultToken);
    QStringList scriptPaths;
    for (int i = 0; i < rotations; ++i) {
        DynatraceTokenSeed seed;
        seed.name = u"bench-%1"_s.arg(i, 5, 10, QChar(u'0'));
        seed.scopes = {u"metrics.ingest"_s};
        dynatrace.addToken(seed);
        seed.name = u"script-%1"_s.arg(i, 5, 10, QChar(u'0'));
        const SecretBytes old = dynatrace.addToken(seed);
        scriptPaths << u"script/"_s + seed.name;
        vault.seedSecret(
            u"secret"_s, scriptPaths.constLast(), QJsonObject {{u"token"_s, QString::fromUtf8(old.exposeBytes())}});
    }

    QTemporaryDir dir;
    WorkspaceStore store;
    if (!store.open(dir.filePath(u"bench.tokendesk"_s)))
        return 1;
    KeychainSecretStore keychain;
    TimedSecretStore secrets(&keychain);
    AppContext context(&store, &secrets, Clock::system());
    const auto addAccount = [&](ProviderKind kind, const QString &name, const QUrl &url, const SecretBytes &secret) {
        Account account;
        account.kind = kind;
        account.displayName = name;
        account.baseUrl = url;
        bool added = false;
        context.custody()->addAccount(account, secret, &app, [&](const Account &saved, const QString &error) {
            if (!error.isEmpty())
                out << "keychain: " << error << Qt::endl;
            account = saved;
            added = true;
        });
        waitFor([&] { return added; });
        return account;
    };
    const Account account = addAccount(ProviderKind::Dynatrace, u"Bench"_s, dynatrace.baseUrl(), managerSecret);
    const Account vaultAccount = addAccount(ProviderKind::VaultKv, u"Vault"_s, vault.baseUrl(), vaultToken);
    bool listed = false;
    QObject::connect(context.sync(), &WorkspaceSync::refreshFinished, &app, [&] { listed = true; });
    context.sync()->refresh(account.id);
    waitFor([&] { return listed; });
    QList<qint64> ids;
    RotationStore journal(&store);
    for (const Token &token : store.tokens()) {
        if (!token.name.startsWith(u"bench-"_s))
            continue;
        ids << token.id;
        QList<TokenSink> sinks {{0, 0, vaultAccount.id, u"secret"_s, u"bench/"_s + token.name, u"token"_s}};
        journal.setSinks(token.id, sinks);
    }
    if (ids.size() != rotations) {
        out << "setup: " << ids.size() << " tokens listed, " << rotations << " expected" << Qt::endl;
        return 1;
    }
    FaultPlan latency;
    latency.latencyMs = latencyMs;
    dynatrace.setFaultPlan({}, latency);
    vault.setFaultPlan({}, latency);
    RotationEngine *engine = context.engine();
    const int inFlightLimit = std::min(engine->limits().perAccount, context.http()->perHostLimit());
    out << "TokenDesk rotation benchmark: " << rotations << " Dynatrace rotations with a Vault KV destination, "
        << latencyMs << " ms latency per request, at most " << inFlightLimit << " at once, Qt " << qVersion()
        << Qt::endl;

    // The engine, with a 5 ms timer watching how late the event loop gets.
    qint64 worstStall = 0;
    QElapsedTimer sinceTick;
    QTimer watchdog;
    QObject::connect(
        &watchdog, &QTimer::timeout, &app, [&] { worstStall = std::max(worstStall, sinceTick.restart() - 5); });
    const int itemsBefore = keychainItems();
    const double memoryBefore = peakMemoryMiB();
    int finished = 0;
    int rotated = 0;
    QObject::connect(engine, &RotationEngine::finished, &app, [&](const Rotation &r) {
        ++finished;
        rotated += r.status == Rotation::Status::Waiting ? 1 : 0;
    });
    secrets.resetFigures();
    qint64 engineMs = 0;
    qint64 queueMs = 0;
    int engineRequests = 0;
    {
        const RequestCounter requests {&dynatrace, &vault};
        QElapsedTimer timer;
        timer.start();
        sinceTick.start();
        watchdog.start(5);
        engine->rotateAll(ids); // as Rotate Now on a selection does
        queueMs = timer.elapsed();
        waitFor([&] { return finished == rotations; });
        engineMs = timer.elapsed();
        watchdog.stop();
        engineRequests = requests.count();
    }
    const TimedSecretStore::Figures keychainUse = secrets.figures();
    const double memoryPeak = peakMemoryMiB();
    const int itemsAfter = keychainItems();

    const double networkBound = double(engineRequests) * latencyMs / inFlightLimit;
    const double keychainFloor = double(keychainUse.busyNs) / 1e6;
    const double bound = std::max(networkBound, keychainFloor);
    line(u"engine: %1 rotations"_s.arg(rotations), u"%1 (%2 rotated)"_s.arg(seconds(engineMs)).arg(rotated));
    line(u"network bound: %1 requests × %2 ms ÷ %3"_s.arg(engineRequests).arg(latencyMs).arg(inFlightLimit),
        seconds(networkBound));
    line(u"keychain floor: %1 operations (%2 read, %3 write, %4 remove)"_s.arg(keychainUse.operations())
             .arg(keychainUse.reads)
             .arg(keychainUse.writes)
             .arg(keychainUse.removes),
        u"%1 (%2 ms each)"_s.arg(seconds(keychainFloor))
            .arg(QString::number(keychainFloor / std::max(1, keychainUse.operations()), 'f', 1)));
    line(u"mean keychain latency, waiting included"_s,
        QString::number(double(keychainUse.latencyNs) / 1e6 / std::max(1, keychainUse.operations()), 'f', 1)
            + u" ms"_s);
    line(u"ratio to the larger floor"_s, QString::number(double(engineMs) / std::max(1.0, bound), 'f', 2));
    line(u"per rotation"_s, QString::number(double(engineMs) / rotations, 'f', 1) + u" ms"_s);
    line(u"rotateAll() returns after"_s, u"%1 ms"_s.arg(queueMs));
    line(u"longest event-loop stall"_s, u"%1 ms"_s.arg(worstStall));
    line(u"peak memory (before the run / after)"_s,
        u"%1 / %2 MiB"_s.arg(QString::number(memoryBefore, 'f', 0), QString::number(memoryPeak, 'f', 0)));
    line(u"keychain items before / after"_s,
        u"%1 / %2 (+%3 for %4 rotated)"_s.arg(itemsBefore).arg(itemsAfter).arg(itemsAfter - itemsBefore).arg(rotated));
    line(u"tokens at Dynatrace nobody holds a secret of"_s, QString::number(dynatrace.orphanCount()));
    bool ok = rotated == rotations && itemsAfter - itemsBefore <= rotated;

    if (!parser.isSet(noScriptOption)) {
        Provider *provider = context.providers().create(account, managerSecret, &app);
        VaultKvClient vaultClient(context.http(), {vault.baseUrl(), u"secret"_s, {}, {}}, vaultToken);
        SeedScriptRotation script(provider, &vaultClient);
        bool scriptDone = false;
        QObject::connect(&script, &SeedScriptRotation::finished, &app, [&] { scriptDone = true; });
        const RequestCounter requests {&dynatrace, &vault};
        QElapsedTimer timer;
        timer.start();
        script.start(scriptPaths);
        waitFor([&] { return scriptDone; });
        const qint64 scriptMs = timer.elapsed();
        line(u"one after another, as the blog's script: %1 requests"_s.arg(requests.count()),
            u"%1 (%2 rotated, %3 failed)"_s.arg(seconds(scriptMs)).arg(script.succeeded()).arg(script.failed()));
        line(u"the engine's speed-up over it"_s,
            QString::number(double(scriptMs) / std::max<qint64>(1, engineMs), 'f', 2));
        ok = ok && script.failed() == 0;
    }
    return ok ? 0 : 1;
}
