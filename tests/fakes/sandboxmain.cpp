// SPDX-License-Identifier: GPL-3.0-or-later
// tokendesk-sandbox: the five provider fakes on loopback with demo data, for trying TokenDesk
// (or its CLI) end to end without any real provider. It prints one JSON line per service on
// stdout (base URL, how to authenticate, the demo credential), then {"ready":true}, and runs
// until SIGINT/SIGTERM.
#include "fakedynatrace.h"
#include "fakeglean.h"
#include "fakepangea.h"
#include "fakepiiano.h"
#include "fakevaultkv.h"
#include "sandboxseed.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>
#include <map>

using namespace Qt::StringLiterals;

namespace {

const QStringList ServiceNames {u"pangea"_s, u"glean"_s, u"dynatrace"_s, u"piiano"_s, u"vault"_s};

void writeLine(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fflush(stdout);
}

[[noreturn]] void fail(const QString &message)
{
    QTextStream(stderr) << "tokendesk-sandbox: " << message << '\n';
    std::exit(2);
}

// "SERVICE=PLAN[@ROUTE]", SERVICE one of the names or "all".
void applyFault(const QString &spec, const std::map<QString, FakeServer *> &servers)
{
    const qsizetype equals = spec.indexOf(u'=');
    if (equals <= 0)
        fail(u"fault “%1” is not SERVICE=PLAN[@ROUTE]"_s.arg(spec));
    const QString service = spec.left(equals).trimmed();
    QString plan = spec.mid(equals + 1);
    QString route;
    if (const qsizetype at = plan.indexOf(u'@'); at >= 0) {
        route = plan.mid(at + 1).trimmed();
        plan = plan.left(at);
    }
    QString error;
    const std::optional<FaultPlan> parsed = FaultPlan::parse(plan, &error);
    if (!parsed)
        fail(u"fault “%1”: %2"_s.arg(spec, error));
    if (service != u"all"_s && !servers.count(service))
        fail(u"unknown service “%1” (use %2 or all)"_s.arg(service, ServiceNames.join(u", "_s)));
    for (const auto &[name, server] : servers) {
        if (service == u"all"_s || service == name)
            server->setFaultPlan(route, *parsed);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tokendesk-sandbox"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Fake Pangea, Glean, Dynatrace, Piiano and Vault servers on 127.0.0.1 with demo data.\n"
        "Prints one JSON line per service (url, auth, credential), then {\"ready\":true}.\n"
        "Faults also come from TOKENDESK_SANDBOX_FAULTS=\"SERVICE=PLAN[@ROUTE];...\"."_s);
    parser.addHelpOption();
    const QCommandLineOption latency(u"latency"_s, u"Delay every answer by MS milliseconds (concurrently)."_s, u"MS"_s);
    const QCommandLineOption faultRate(u"fault-rate"_s, u"Give PERCENT of requests a random fault."_s, u"PERCENT"_s);
    const QCommandLineOption seed(u"seed"_s, u"Seed of the random faults (default 1)."_s, u"N"_s, u"1"_s);
    const QCommandLineOption basePort(u"base-port"_s,
        u"Listen on N (pangea), N+1 (glean), N+2 (dynatrace), N+3 (piiano), "
        u"N+4 (vault); default: random free ports."_s,
        u"N"_s);
    const QCommandLineOption port(
        u"port"_s, u"Fixed port for one service, e.g. vault=8200 (repeatable)."_s, u"SERVICE=PORT"_s);
    const QCommandLineOption fault(u"fault"_s,
        u"Fault plan, e.g. \"glean=throttle=2,retry-after=5@POST /api/index/v1/rotatetoken\" "
        u"(repeatable; SERVICE may be all; without @ROUTE it replaces the service's "
        u"global plan)."_s,
        u"SERVICE=PLAN[@ROUTE]"_s);
    const QCommandLineOption acceptedPolls(u"pangea-accepted-polls"_s,
        u"Pangea rotate answers 202 and GET /request/{id} gives the result at "
        u"the N-th poll."_s,
        u"N"_s);
    parser.addOptions({latency, faultRate, seed, basePort, port, fault, acceptedPolls});
    parser.process(app);

    FakePangea pangea;
    FakeGlean glean;
    FakeDynatrace dynatrace;
    FakePiiano piiano;
    FakeVaultKv vault;
    const std::map<QString, FakeServer *> servers {{u"pangea"_s, &pangea}, {u"glean"_s, &glean},
        {u"dynatrace"_s, &dynatrace}, {u"piiano"_s, &piiano}, {u"vault"_s, &vault}};
    // Fixed seeds: the demo secrets stay the same from one start to the next.
    quint32 dataSeed = 20260131;
    for (const QString &name : ServiceNames)
        servers.at(name)->setRandomSeed(dataSeed++);

    bool ok = true;
    FaultPlan global;
    global.latencyMs = parser.isSet(latency) ? parser.value(latency).toInt(&ok) : 0;
    if (!ok || global.latencyMs < 0)
        fail(u"--latency takes milliseconds"_s);
    const double rate = parser.isSet(faultRate) ? parser.value(faultRate).toDouble(&ok) : 0.0;
    if (!ok || rate < 0.0 || rate > 100.0)
        fail(u"--fault-rate takes a percentage from 0 to 100"_s);
    global.randomRate = rate / 100.0;
    const quint32 faultSeed = parser.value(seed).toUInt(&ok);
    if (!ok)
        fail(u"--seed takes a non-negative integer"_s);
    for (qsizetype i = 0; i < ServiceNames.size(); ++i) {
        global.seed = faultSeed + static_cast<quint32>(i); // one independent stream per service
        servers.at(ServiceNames.at(i))->setFaultPlan({}, global);
    }
    for (const QString &spec : qEnvironmentVariable("TOKENDESK_SANDBOX_FAULTS").split(u';', Qt::SkipEmptyParts))
        applyFault(spec, servers);
    for (const QString &spec : parser.values(fault))
        applyFault(spec, servers);
    if (parser.isSet(acceptedPolls))
        pangea.setAcceptedPolls(parser.value(acceptedPolls).toInt());

    std::map<QString, quint16> ports;
    if (parser.isSet(basePort)) {
        const int base = parser.value(basePort).toInt(&ok);
        if (!ok || base <= 0 || base + 4 > 65535)
            fail(u"--base-port takes a port number"_s);
        for (qsizetype i = 0; i < ServiceNames.size(); ++i)
            ports[ServiceNames.at(i)] = static_cast<quint16>(base + i);
    }
    for (const QString &spec : parser.values(port)) {
        const QString name = spec.section(u'=', 0, 0);
        const int number = spec.section(u'=', 1).toInt(&ok);
        if (!servers.count(name) || !ok || number <= 0 || number > 65535)
            fail(u"--port takes SERVICE=PORT, got “%1”"_s.arg(spec));
        ports[name] = static_cast<quint16>(number);
    }
    for (const auto &[name, server] : servers) {
        if (!server->listen(ports.count(name) ? ports.at(name) : 0))
            fail(u"cannot listen for %1 on 127.0.0.1:%2"_s.arg(name).arg(ports.count(name) ? ports.at(name) : 0));
    }

    QJsonObject info[] {SandboxSeed::pangea(pangea), SandboxSeed::glean(glean), SandboxSeed::dynatrace(dynatrace),
        SandboxSeed::piiano(piiano), {}};
    // Vault already holds the current secrets, as after an earlier TokenDesk run.
    QJsonObject stored;
    const QJsonObject pangeaItems = info[0].value(u"items"_s).toObject();
    for (auto it = pangeaItems.constBegin(); it != pangeaItems.constEnd(); ++it)
        stored.insert(u"pangea/"_s + it.key(), pangea.currentToken(it.value().toString()).exposeUtf8());
    for (const QString &service : {u"glean"_s, u"dynatrace"_s}) {
        const QJsonObject tokens = info[service == u"glean"_s ? 1 : 2].value(u"tokens"_s).toObject();
        for (auto it = tokens.constBegin(); it != tokens.constEnd(); ++it)
            stored.insert(service + u"/"_s + it.key(), it.value());
    }
    info[4] = SandboxSeed::vault(vault, stored);

    for (qsizetype i = 0; i < ServiceNames.size(); ++i) {
        QJsonObject line = info[i];
        line.insert(u"service"_s, ServiceNames.at(i));
        line.insert(u"url"_s, servers.at(ServiceNames.at(i))->baseUrl().toString());
        line.insert(u"faults"_s, servers.at(ServiceNames.at(i))->faults().plan({}).toString());
        writeLine(line);
    }
    writeLine({{u"ready"_s, true}, {u"services"_s, static_cast<int>(ServiceNames.size())}});

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::stopRequested, &app, [](int number) {
        QTextStream(stderr) << "tokendesk-sandbox: signal " << number << ", stopping\n";
        QCoreApplication::quit();
    });
    return app.exec();
}
