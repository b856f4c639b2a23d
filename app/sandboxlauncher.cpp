// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxlauncher.h"

#include <QHostAddress>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

constexpr int StartTimeoutMs = 30000;
constexpr qint64 MaxLineBytes = 1 << 20;

} // namespace

SandboxLauncher::SandboxLauncher(QObject *parent)
    : QObject(parent)
{
    m_startTimeout.setSingleShot(true);
    connect(&m_startTimeout, &QTimer::timeout, this,
        [this] { fail(tr("The sandbox did not announce its services within %1 s.").arg(StartTimeoutMs / 1000)); });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &SandboxLauncher::readAnnouncements);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("The sandbox could not be started (%1): %2").arg(m_process.program(), m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
        const QString details = QString::fromLocal8Bit(m_process.readAllStandardError()).trimmed();
        fail(tr("The sandbox stopped (exit code %1). %2").arg(code).arg(details));
    });
}

SandboxLauncher::~SandboxLauncher()
{
    m_done = true; // no signals from the teardown below
    // The sandbox keeps its demo data in memory only: nothing is lost by ending it at once,
    // and TokenDesk does not wait for it.
    if (m_process.state() != QProcess::NotRunning)
        m_process.kill();
}

void SandboxLauncher::start(const QString &program, const QStringList &arguments)
{
    m_services.clear();
    m_done = false;
    m_process.setProgram(program);
    m_process.setArguments(arguments);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_startTimeout.start(StartTimeoutMs);
    m_process.start(QIODevice::ReadOnly);
}

const SandboxService *SandboxLauncher::service(const QString &name) const
{
    for (const SandboxService &service : m_services) {
        if (service.name == name)
            return &service;
    }
    return nullptr;
}

void SandboxLauncher::readAnnouncements()
{
    while (!m_done && m_process.canReadLine()) {
        // Held in SecretBytes so the demo credentials in the line are scrubbed afterwards.
        const SecretBytes line(m_process.readLine(MaxLineBytes));
        if (!takeLine(line))
            return;
    }
}

bool SandboxLauncher::takeLine(const SecretBytes &line)
{
    QJsonParseError error;
    QJsonObject object = QJsonDocument::fromJson(line.exposeBytes(), &error).object();
    if (error.error != QJsonParseError::NoError) {
        fail(tr("The sandbox printed something that is not JSON: %1").arg(error.errorString()));
        return false;
    }
    if (object.value(u"ready"_s).toBool()) {
        m_done = true;
        m_startTimeout.stop();
        Q_EMIT ready();
        return false;
    }
    SandboxService service;
    service.name = object.value(u"service"_s).toString();
    service.url = QUrl(object.value(u"url"_s).toString());
    // The sandbox's demo data must never make TokenDesk talk to another machine.
    if (service.name.isEmpty() || !QHostAddress(service.url.host()).isLoopback()) {
        fail(tr("The sandbox announced a service that is not on this computer: %1").arg(service.url.toString()));
        return false;
    }
    // Vault: TokenDesk uses the app token with its narrow policy, not the sandbox's root token.
    const QString credentialField = object.contains(u"appToken"_s) ? u"appToken"_s : u"credential"_s;
    service.credential = SecretBytes::fromUtf8(object.value(credentialField).toString());
    if (service.name == u"glean"_s) {
        const QJsonObject tokens = object.value(u"tokens"_s).toObject();
        for (auto it = tokens.constBegin(); it != tokens.constEnd(); ++it)
            service.tokens.append({it.key(), SecretBytes::fromUtf8(it.value().toString())});
    }
    for (const QString &secretField : {u"credential"_s, u"appToken"_s, u"tokens"_s})
        object.remove(secretField);
    service.details = object;
    m_services.append(std::move(service));
    return true;
}

void SandboxLauncher::fail(const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    m_startTimeout.stop();
    Q_EMIT failed(message);
}
